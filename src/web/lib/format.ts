import { DEFAULT_GROUPS } from '../../shared/groups.ts';
import type { Locale } from '../../shared/roles.ts';

/** Counts keep Chinese habits: "2194 户", separators only from five digits on ("40,000"). */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { useGrouping: 'min2' }).format(n);
}

/** Group names are stored in Chinese; the six default groups have English names too. */
export function groupName(group: { key: string; name: string }, locale: Locale): string {
  if (locale === 'zh-CN') return group.name;
  const preset = DEFAULT_GROUPS.find((g) => g.key === group.key);
  // A renamed group keeps its own name rather than the preset's translation.
  return preset && preset.name === group.name ? preset.nameEn : group.name;
}
