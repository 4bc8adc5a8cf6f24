import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TResident } from '../../../shared/api/registry.ts';
import { FlagTags } from '../../components/registry/FlagTags.tsx';
import { PhoneNumber } from '../../components/registry/PhoneNumber.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel, compareCodes } from '../../lib/registry-format.ts';
import { sexLabel } from '../residents/labels.ts';

interface Group {
  buildingId: string;
  buildingCode: string;
  residents: TResident[];
}

/** Building by building, rooms in order: the way a volunteer walks the compound. */
export function groupByBuilding(residents: TResident[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of residents) {
    const group = groups.get(r.buildingId) ?? {
      buildingId: r.buildingId,
      buildingCode: r.buildingCode,
      residents: [],
    };
    group.residents.push(r);
    groups.set(r.buildingId, group);
  }
  const sorted = [...groups.values()].sort((a, b) => compareCodes(a.buildingCode, b.buildingCode));
  for (const group of sorted) group.residents.sort((a, b) => compareCodes(a.room, b.room));
  return sorted;
}

export function VulnerableGroups({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="vulnerable-groups">
      {groups.map((group) => (
        <section
          key={group.buildingId}
          className="vulnerable-group"
          aria-labelledby={`vg-${group.buildingId}`}
        >
          <h2 id={`vg-${group.buildingId}`}>
            <Link to={`/buildings/${group.buildingId}`}>{buildingLabel(group.buildingCode, locale)}</Link>
            <span className="muted"> · {t('registry.people', { count: group.residents.length })}</span>
          </h2>
          <ul className="vulnerable-rows">
            {group.residents.map((r) => (
              <li key={r.id} className="vulnerable-row">
                <span className="vr-room">{t('registry.roomShort', { room: r.room })}</span>
                <span className="vr-name">
                  <strong>{r.name}</strong>
                  <span className="muted">
                    {' '}
                    {[sexLabel(t, r.sex), r.birthYear].filter(Boolean).join(' · ')}
                  </span>
                </span>
                <span className="vr-mobile">
                  <PhoneNumber value={r.mobile} />
                </span>
                <span className="vr-flags">
                  <FlagTags flags={r.flags} />
                </span>
                {r.note && <span className="vr-note">{r.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
