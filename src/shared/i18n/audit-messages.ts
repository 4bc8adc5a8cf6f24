import type { Locale } from '../roles.ts';

type Params = Record<string, string | number>;

// One sentence per audited action, so the log reads in the reader's language.
const templates: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'community.create': '新建小区“{name}”（{slug}）',
    'community.seed': '写入演示小区（{preset}）',
    'building.update': '修改了{building}号楼（{changes}）',
    'building.relay': '将{building}号楼的楼组长设为 {name}',
    'building.relay_cleared': '取消了{building}号楼的楼组长',
    'building.positions': '导入了 {count} 栋楼的平面图位置',
    'resident.create': '登记居民 {name}（{building}号楼 {room}）',
    'resident.update': '修改居民 {name}（{building}号楼 {room}）的信息',
    'resident.delete': '删除居民 {name}（{building}号楼 {room}）',
    'resident.reveal': '查看了 {count} 位居民的完整联系方式（{scope}）',
    'roster.import': '导入名册“{file}”：新增 {created} 人，更新 {updated} 人',
    'roster.export': '导出名册（{count} 人）',
    'volunteer_call.open': '发起志愿者招募“{title}”',
    'volunteer_call.close': '结束志愿者招募“{title}”',
    'volunteer.register': '{name}（{building}号楼 {room}）报名志愿者',
    'volunteer.approve': '通过志愿者 {name} 的报名',
    'volunteer.reject': '未通过志愿者 {name} 的报名',
    'volunteer.groups': '将志愿者 {name} 安排到：{groups}',
    'group.create': '新建小组“{name}”',
    'group.rename': '小组“{from}”改名为“{name}”',
    'shift.create': '新建班次“{title}”（{places} 个名额）',
    'shift.capacity': '班次“{title}”的{role}名额由 {from} 改为 {to}',
    'shift.cancel_signup': '取消报名班次“{title}”',
    'shift.signup': '报名班次“{title}”（{role}）',
    'shift.waitlist': '候补班次“{title}”（{role}）',
  },
  en: {
    'community.create': 'created community "{name}" ({slug})',
    'community.seed': 'seeded the demo community ({preset})',
    'building.update': 'changed building {building} ({changes})',
    'building.relay': 'made {name} the relay contact of building {building}',
    'building.relay_cleared': 'removed the relay contact of building {building}',
    'building.positions': 'imported site plan positions of {count} buildings',
    'resident.create': 'registered resident {name} (building {building}, room {room})',
    'resident.update': 'changed resident {name} (building {building}, room {room})',
    'resident.delete': 'removed resident {name} (building {building}, room {room})',
    'resident.reveal': 'viewed the full contact details of {count} residents ({scope})',
    'roster.import': 'imported roster "{file}": {created} residents added, {updated} updated',
    'roster.export': 'exported the roster ({count} residents)',
    'volunteer_call.open': 'opened the call for volunteers "{title}"',
    'volunteer_call.close': 'closed the call for volunteers "{title}"',
    'volunteer.register': '{name} (building {building}, room {room}) registered as a volunteer',
    'volunteer.approve': 'approved volunteer {name}',
    'volunteer.reject': 'turned down volunteer {name}',
    'volunteer.groups': 'placed volunteer {name} in: {groups}',
    'group.create': 'created group "{name}"',
    'group.rename': 'renamed group "{from}" to "{name}"',
    'shift.create': 'created shift "{title}" ({places} places)',
    'shift.capacity': 'changed the {role} places of shift "{title}" from {from} to {to}',
    'shift.cancel_signup': 'cancelled a sign-up for shift "{title}"',
    'shift.signup': 'signed up for shift "{title}" ({role})',
    'shift.waitlist': 'joined the waitlist of shift "{title}" ({role})',
  },
};

/** The summary of an audit entry in a language; null when the action has no template. */
export function auditSummary(locale: Locale, action: string, params: Params): string | null {
  const template = templates[locale][action];
  if (!template) return null;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

export const auditedActions = () => Object.keys(templates.en);
