import { accountZhCN } from './account.zh-CN.ts';
import { announcementsZhCN } from './announcements.zh-CN.ts';
import { attendanceZhCN } from './attendance.zh-CN.ts';
import { committeeZhCN } from './committee.zh-CN.ts';
import { dashboardZhCN } from './dashboard.zh-CN.ts';
import { deliveryRunsZhCN } from './delivery-runs.zh-CN.ts';
import { disinfectionZhCN } from './disinfection.zh-CN.ts';
import { drawZhCN } from './draw.zh-CN.ts';
import { groupBuysZhCN } from './group-buys.zh-CN.ts';
import { medicineAskZhCN } from './medicine-ask.zh-CN.ts';
import { medicineIntakeZhCN } from './medicine-intake.zh-CN.ts';
import { medicineSettingsZhCN } from './medicine-settings.zh-CN.ts';
import { medicineWorkZhCN } from './medicine-work.zh-CN.ts';
import { noticeSettingsZhCN } from './notice-settings.zh-CN.ts';
import { notificationsZhCN } from './notifications.zh-CN.ts';
import { parcelBoardZhCN } from './parcel-board.zh-CN.ts';
import { parcelImportZhCN } from './parcel-import.zh-CN.ts';
import { parcelRidesZhCN } from './parcel-rides.zh-CN.ts';
import { parcelsZhCN } from './parcels.zh-CN.ts';
import { registryZhCN } from './registry.zh-CN.ts';
import { relaysZhCN } from './relays.zh-CN.ts';
import { rosterZhCN } from './roster.zh-CN.ts';
import { shiftTemplatesZhCN } from './shift-templates.zh-CN.ts';
import { shiftsZhCN } from './shifts.zh-CN.ts';
import { streetZhCN } from './street.zh-CN.ts';
import { testingCallsZhCN } from './testing-calls.zh-CN.ts';
import { testingLiveZhCN } from './testing-live.zh-CN.ts';
import { testingOfflineZhCN } from './testing-offline.zh-CN.ts';
import { testingReportZhCN } from './testing-report.zh-CN.ts';
import { testingRoundsZhCN } from './testing-rounds.zh-CN.ts';
import { testingScansZhCN } from './testing-scans.zh-CN.ts';
import { testingWhatIfZhCN } from './testing-whatif.zh-CN.ts';
import { volunteerCallsZhCN } from './volunteer-calls.zh-CN.ts';
import { volunteersZhCN } from './volunteers.zh-CN.ts';

// The reference catalogue: en.ts must provide exactly these keys (enforced by the Messages type).
export const zhCN = {
  app: {
    name: '邻里',
    tagline: '小区志愿服务与保障平台',
  },
  common: {
    working: '处理中…',
    retry: '重试',
    loading: '正在加载…',
    loadFailed: '加载失败',
    cannotReach: '无法连接服务器，请检查网络后重试。',
    serverError: '服务器出错了（{{status}}），请稍后再试。',
    badResponse: '服务器返回的数据无法识别，请刷新页面后重试。',
    forbidden: '您没有权限查看此页面。',
    backHome: '返回首页',
    notFound: '页面不存在',
    cancel: '取消',
    cancelled: '已取消',
    save: '保存',
    edit: '编辑',
    delete: '删除',
  },
  demo: {
    banner: '演示数据：这里的人员和数据均为演示用途，并非真实信息。',
    hint: '演示账号：secretary（支部书记）、staff1（居委）、v001（志愿者）、r0001（居民），密码均为 linli-demo',
  },
  language: {
    switchTo: '切换语言：{{language}}',
    zh: '中文',
    en: 'English',
    saveFailed: '语言已切换，但未能保存到账号：{{message}}',
  },
  login: {
    title: '登录',
    username: '用户名或手机号',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名或手机号',
    passwordRequired: '请输入密码',
  },
  shell: {
    mainNav: '主导航',
    openMenu: '打开菜单',
    menuTitle: '菜单',
    signOut: '退出登录',
    signOutFailed: '退出失败：{{message}}',
    community: '当前小区',
    signedInAs: '当前用户',
    noCommunityTitle: '您还没有加入任何小区',
    noCommunityText: '请联系居委会或支部书记把您加入小区。',
  },
  nav: {
    home: '首页',
    audit: '审计日志',
    newCommunity: '新建小区',
    sitePlan: '平面图',
    buildings: '楼栋',
    households: '住户',
    residents: '居民',
    vulnerable: '重点关注',
    rosterImport: '名册导入',
    shifts: '班次',
    myShifts: '我的班次',
    volunteers: '志愿者',
    groups: '小组',
    volunteerCalls: '招募志愿者',
  },
  roles: {
    coordinator: '支部书记',
    leader: '组长',
    volunteer: '志愿者',
    staff: '居委工作人员',
    resident: '居民',
    viewer: '访客',
    platform_admin: '平台管理员',
    system: '系统',
  },
  home: {
    title: '首页',
    peopleTitle: '我们的力量',
    cadres: '居委干部',
    socialWorkers: '社工',
    volunteers: '志愿者',
    pendingVolunteers: '待审核志愿者',
    groupsTitle: '各小组志愿者人数',
    registryTitle: '小区档案',
    buildings: '楼栋',
    households: '户数',
    residents: '居民',
    vulnerableResidents: '重点关注居民',
  },
  audit: {
    title: '审计日志',
    timezoneNote: '时间按小区所在时区（{{timezone}}）显示。',
    filtersTitle: '筛选',
    action: '操作类型',
    actionPlaceholder: '全部操作',
    from: '开始日期',
    to: '结束日期',
    search: '查询',
    reset: '重置',
    time: '时间',
    actor: '操作人',
    operation: '操作',
    target: '对象',
    summary: '说明',
    loadMore: '加载更多',
    loadingMore: '正在加载…',
    allShown: '已显示全部记录',
    empty: '没有符合条件的记录',
    rangeInvalid: '结束日期不能早于开始日期',
    // Keyed like the server's action names: "community.seed" → actions.community.seed.
    actions: {
      community: {
        seed: '初始化演示小区',
        create: '新建小区',
      },
      volunteer_call: { open: '发起招募', close: '结束招募' },
      volunteer: {
        register: '志愿者报名',
        approve: '通过报名',
        reject: '未通过报名',
        groups: '安排小组',
        calendar_reset: '重置日历链接',
      },
      group: { create: '新建小组', rename: '小组改名' },
      shift_template: { create: '新建班次模板', archive: '停用班次模板', generate: '按模板生成班次' },
      shift: {
        create: '新建班次',
        capacity: '修改名额',
        signup: '报名班次',
        waitlist: '候补班次',
        cancel_signup: '取消报名',
        cancel: '取消班次',
        cancel_reason: '取消班次（注明原因）',
        check_in: '签到',
        check_in_undo: '撤销签到',
        check_out: '签退',
        check_out_undo: '撤销签退',
        no_show: '标记缺席',
        no_show_undo: '撤销缺席',
        draw_request: '申请抽签',
        draw: '抽签',
      },
    },
    targetTypes: {
      community: '小区',
      volunteer_call: '招募',
      volunteer: '志愿者',
      group: '小组',
      shift: '班次',
      shift_template: '班次模板',
    },
  },
  newCommunity: {
    title: '新建小区',
    intro: '新建后，您将成为该小区的支部书记和居委工作人员，小区自动带有六个志愿者小组。',
    name: '小区名称',
    namePlaceholder: '例如：歌林春天',
    nameRequired: '请输入小区名称',
    slug: '小区标识',
    slugHelp: '用于网址，只能使用小写字母、数字和短横线，例如 gelin-2',
    slugRequired: '请输入小区标识',
    slugPattern: '只能使用小写字母、数字和短横线，且以字母或数字开头',
    timezone: '时区',
    submit: '创建小区',
    created: '已创建小区“{{name}}”',
  },
  ...registryZhCN,
  ...rosterZhCN,
  ...volunteerCallsZhCN,
  ...volunteersZhCN,
  ...shiftsZhCN,
  ...shiftTemplatesZhCN,
  ...drawZhCN,
  ...notificationsZhCN,
  ...noticeSettingsZhCN,
  ...attendanceZhCN,
  ...parcelsZhCN,
  ...parcelRidesZhCN,
  ...deliveryRunsZhCN,
  ...parcelImportZhCN,
  ...parcelBoardZhCN,
  ...testingScansZhCN,
  ...testingRoundsZhCN,
  ...testingLiveZhCN,
  ...testingCallsZhCN,
  ...testingReportZhCN,
  ...testingWhatIfZhCN,
  ...medicineAskZhCN,
  ...medicineIntakeZhCN,
  ...medicineWorkZhCN,
  ...medicineSettingsZhCN,
  ...testingOfflineZhCN,
  ...groupBuysZhCN,
  ...disinfectionZhCN,
  ...committeeZhCN,
  ...announcementsZhCN,
  ...relaysZhCN,
  ...dashboardZhCN,
  ...streetZhCN,
  ...accountZhCN,
};

export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
export type Messages = Catalogue<typeof zhCN>;
