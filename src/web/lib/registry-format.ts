import { buildingLabel, FLAG_LABELS, type VulnerabilityFlag } from '../../shared/registry.ts';
import type { Locale } from '../../shared/roles.ts';

export { buildingLabel };

export const flagLabel = (flag: VulnerabilityFlag, locale: Locale) =>
  locale === 'zh-CN' ? FLAG_LABELS[flag].zh : FLAG_LABELS[flag].en;

/** "12号楼 1203室" / "Bldg 12, Rm 1203": how staff say an address aloud. */
export const roomLabel = (buildingCode: string, room: string, locale: Locale) =>
  locale === 'zh-CN'
    ? `${buildingLabel(buildingCode, locale)} ${room}室`
    : `${buildingLabel(buildingCode, locale)}, Rm ${room}`;

/** Building codes sort as people count: 2 before 10, and "12A" right after 12. */
export const compareCodes = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/** Full-width digits and letters typed on a Chinese keyboard (１２０３) become ASCII (1203). */
export const toHalfWidth = (text: string) =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
