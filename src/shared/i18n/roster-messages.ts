import type { Locale } from '../roles.ts';
import type { RosterField, RosterFileProblem, RosterProblemCode } from '../roster-codes.ts';

type RosterCode = RosterProblemCode | RosterFileProblem;
// Variants of a code whose usual wording would read wrong for the given params.
type Variant = 'BUILDING_EMPTY' | 'ROOM_EMPTY' | 'NO_DATA_ROWS';

// Empty building and room cells are nearly always vertically merged cells (one 楼号 for a
// whole block of rows): the reader leaves all but the first empty, so the message says how to fix that.
const templates: Record<Locale, Record<RosterCode | Variant, string>> = {
  'zh-CN': {
    BUILDING_UNREADABLE: '第{row}行：看不懂楼号“{value}”，请写成 12 或 12号楼 这样。',
    BUILDING_EMPTY: '第{row}行：楼号是空的。如果楼号用了合并单元格，请取消合并，并在每一行都填上楼号。',
    ROOM_UNREADABLE: '第{row}行：看不懂室号“{value}”，请写成 1203 这样的数字。',
    ROOM_EMPTY: '第{row}行：室号是空的。如果室号用了合并单元格，请取消合并，并在每一行都填上室号。',
    NAME_MISSING: '第{row}行：没有填姓名。',
    NAME_TOO_LONG: '第{row}行：姓名“{value}”太长，最多 {limit} 个字。',
    MOBILE_UNREADABLE:
      '第{row}行：看不懂手机号“{value}”，请填 11 位手机号，如 13812345678。座机或多个号码请写在备注里。',
    BIRTH_YEAR_UNREADABLE:
      '第{row}行：看不懂“{column}”中的“{value}”，请写出生年份（如 1956）或年龄（如 66）。',
    SEX_UNREADABLE: '第{row}行：看不懂性别“{value}”，请写“男”或“女”。',
    VALUE_TOO_LONG: '第{row}行：“{column}”一栏的内容太长（最多 {limit} 个字）：{value}',
    POSITION_UNREADABLE: '第{row}行：看不懂坐标“{value}”，x 和 y 要写成米数，如 120.5。',
    BUILDING_NOT_FOUND: '第{row}行：本小区没有{value}号楼。',
    DUPLICATE_MERGED: '第{row}行与第{intoRow}行是同一个人（{building}号楼 {room}室 {name}），已合并为一条。',
    FILE_EMPTY: '文件是空的。',
    FILE_TOO_LARGE: '文件太大了，上限是 10 MB。请删掉不需要的工作表和图片后再上传。',
    FILE_NOT_SPREADSHEET: '“{fileName}”不是表格文件。请上传 Excel 表格（.xlsx）或 CSV 文件。',
    FILE_ENCRYPTED:
      '“{fileName}”设置了密码，或者是旧版 .xls 格式，无法读取。请在 Excel 或 WPS 中取消密码，另存为 .xlsx 或 .csv 后再上传。',
    FILE_UNREADABLE: '“{fileName}”已损坏，无法读取。请在 Excel 或 WPS 中打开，另存为 .xlsx 后再上传。',
    NO_HEADER_ROW: '找不到表头：前 20 行中要有一行同时写着“楼号”“室号”“姓名”。缺少：{missing}。',
    NO_VALID_ROWS: '没有可以导入的居民：表头下面的 {rejected} 行都有问题，请修改后再上传。',
    NO_DATA_ROWS: '没有可以导入的居民：表头下面没有内容。',
  },
  en: {
    BUILDING_UNREADABLE: 'Row {row}: cannot read the building "{value}"; write it like 12.',
    BUILDING_EMPTY:
      'Row {row}: the building is empty. If the building cells are merged, unmerge them and fill in the building on every row.',
    ROOM_UNREADABLE: 'Row {row}: cannot read the room "{value}"; write it like 1203.',
    POSITION_UNREADABLE: 'Row {row}: cannot read the position "{value}"; x and y are metres, like 120.5.',
    BUILDING_NOT_FOUND: 'Row {row}: this community has no building {value}.',
    ROOM_EMPTY:
      'Row {row}: the room is empty. If the room cells are merged, unmerge them and fill in the room on every row.',
    NAME_MISSING: 'Row {row}: the name is missing.',
    NAME_TOO_LONG: 'Row {row}: the name "{value}" is too long (at most {limit} characters).',
    MOBILE_UNREADABLE:
      'Row {row}: cannot read the mobile number "{value}"; write 11 digits like 13812345678. Put landlines or second numbers in the note.',
    BIRTH_YEAR_UNREADABLE:
      'Row {row}: cannot read "{value}" in "{column}"; write a birth year like 1956 or an age like 66.',
    SEX_UNREADABLE: 'Row {row}: cannot read the sex "{value}"; write M or F.',
    VALUE_TOO_LONG: 'Row {row}: the "{column}" cell is too long (at most {limit} characters): {value}',
    DUPLICATE_MERGED:
      'Row {row} is the same person as row {intoRow} ({name}, building {building}, room {room}); merged into one.',
    FILE_EMPTY: 'The file is empty.',
    FILE_TOO_LARGE:
      'The file is too large; the limit is 10 MB. Remove unneeded sheets and pictures and try again.',
    FILE_NOT_SPREADSHEET:
      '"{fileName}" is not a spreadsheet. Please upload an Excel workbook (.xlsx) or a CSV file.',
    FILE_ENCRYPTED:
      '"{fileName}" is password-protected or in the old .xls format and cannot be read. Remove the password in Excel or WPS and save it as an unprotected .xlsx or .csv, then upload it again.',
    FILE_UNREADABLE:
      '"{fileName}" is damaged and cannot be read. Open it in Excel or WPS, save it as .xlsx and upload it again.',
    NO_HEADER_ROW:
      'No header row found: one of the first 20 rows must head the building, room and name columns (in English or Chinese). Missing: {missing}.',
    NO_VALID_ROWS:
      'No resident can be imported: all {rejected} rows below the header have problems. Fix them and upload again.',
    NO_DATA_ROWS: 'No resident can be imported: there is nothing below the header.',
  },
};

const fieldLabels: Record<Locale, Record<RosterField, string>> = {
  'zh-CN': {
    building: '楼号',
    room: '室号',
    name: '姓名',
    sex: '性别',
    birthYear: '出生年份',
    age: '年龄',
    mobile: '手机号',
    registration: '户籍',
    flags: '特殊人群',
    note: '备注',
  },
  en: {
    building: 'building',
    room: 'room',
    name: 'name',
    sex: 'sex',
    birthYear: 'birth year',
    age: 'age',
    mobile: 'mobile',
    registration: 'registration',
    flags: 'groups',
    note: 'note',
  },
};

export const rosterFieldLabel = (locale: Locale, field: RosterField) => fieldLabels[locale][field];

function templateKey(code: RosterCode, params: Record<string, string | number>): RosterCode | Variant {
  if (code === 'BUILDING_UNREADABLE' && params.value === '') return 'BUILDING_EMPTY';
  if (code === 'ROOM_UNREADABLE' && params.value === '') return 'ROOM_EMPTY';
  if (code === 'NO_VALID_ROWS' && params.rejected === 0) return 'NO_DATA_ROWS';
  return code;
}

/** The message for a row or file problem; `missing` (field keys, comma-separated) is named in the locale. */
export function rosterProblemMessage(
  locale: Locale,
  code: RosterCode,
  params: Record<string, string | number> = {},
): string {
  const separator = locale === 'zh-CN' ? '、' : ', ';
  return templates[locale][templateKey(code, params)].replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) return '';
    if (key === 'missing') {
      return String(value)
        .split(',')
        .map((field) => fieldLabels[locale][field as RosterField] ?? field)
        .join(separator);
    }
    return String(value);
  });
}
