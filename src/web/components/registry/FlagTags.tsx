import type { VulnerabilityFlag } from '../../../shared/registry.ts';
import { currentLocale } from '../../i18n/index.ts';
import { flagLabel } from '../../lib/registry-format.ts';

/** Each flag keeps one colour everywhere (registry.css), so a glance down a list finds e.g. every insulin case. */
export function FlagTags({ flags }: { flags: readonly VulnerabilityFlag[] }) {
  const locale = currentLocale();
  if (flags.length === 0) return null;
  return (
    <ul className="flag-tags">
      {flags.map((flag) => (
        <li key={flag} className={`flag-tag flag-${flag}`}>
          {flagLabel(flag, locale)}
        </li>
      ))}
    </ul>
  );
}
