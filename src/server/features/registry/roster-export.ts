import ExcelJS from 'exceljs';
import type { TResidentQuery } from '../../../shared/api/registry.ts';
import { FLAG_LABELS, type VulnerabilityFlag } from '../../../shared/registry.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { registryActions } from './registry.policy.ts';
import { listResidents } from './residents.repository.ts';

/** The committee's own column headers, so the file reads like their sheets and imports back unchanged. */
export const ROSTER_HEADERS = [
  '楼号',
  '室号',
  '姓名',
  '性别',
  '出生年份',
  '联系电话',
  '特殊人群',
  '备注',
] as const;

const SEX_LABEL: Record<string, string> = { M: '男', F: '女' };

export type RosterExportFilter = Pick<TResidentQuery, 'zoneId' | 'buildingId' | 'flag' | 'vulnerable'>;

export async function exportRoster(deps: AppDeps, actor: Actor, filter: RosterExportFilter) {
  const role = authorize(actor, registryActions['registry.export']);
  const communityId = actor.communityId!;
  const { rows } = await listResidents(deps.db, communityId, filter, { limit: 1_000_000, offset: 0 });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Linli';
  const sheet = workbook.addWorksheet('居民名册');
  sheet.columns = ROSTER_HEADERS.map((header, i) => ({
    header,
    key: String(i),
    width: [8, 8, 12, 6, 10, 15, 24, 30][i],
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    sheet.addRow([
      r.buildingCode,
      r.room,
      r.name,
      r.sex ? (SEX_LABEL[r.sex] ?? '') : '',
      r.birthYear ?? '',
      r.mobile ?? '',
      (r.flags as VulnerabilityFlag[]).map((f) => FLAG_LABELS[f].zh).join('、'),
      r.note ?? '',
    ]);
  }
  // Rooms and phones are text: Excel must not turn 0501 into 501 or a phone into 1.38E+10.
  for (const column of [2, 6]) sheet.getColumn(column).numFmt = '@';
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await audit(deps.db, {
    communityId,
    account: actor.account,
    role,
    action: 'roster.export',
    targetType: 'roster',
    params: { count: rows.length },
  });
  return buffer;
}
