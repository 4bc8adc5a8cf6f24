import { CrownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TVolunteer } from '../../../shared/api/volunteers.ts';
import { currentLocale } from '../../i18n/index.ts';
import { groupName } from '../../lib/format.ts';
import { skillLabel, vehicleLabel } from '../../lib/volunteer-format.ts';

/** Groups as tags; a group they lead says so in words (a crown alone would not be read). */
export function GroupTags({ groups }: { groups: TVolunteer['groups'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (groups.length === 0) return <span className="muted">{t('volunteers.noGroups')}</span>;
  return (
    <ul className="tag-list">
      {groups.map((g) => (
        <li key={g.groupId} className={g.leader ? 'badge badge-blue' : 'badge badge-grey'}>
          {g.leader && <CrownOutlined aria-hidden />}
          {g.leader ? t('volunteers.leaderOf', { group: groupName(g, locale) }) : groupName(g, locale)}
        </li>
      ))}
    </ul>
  );
}

/** Skills and vehicles in one line of tags: what the person can do and what they can ride. */
export function AbilityTags({ volunteer }: { volunteer: Pick<TVolunteer, 'skills' | 'vehicles'> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (volunteer.skills.length + volunteer.vehicles.length === 0) {
    return <span className="muted">{t('volunteers.none')}</span>;
  }
  return (
    <ul className="tag-list">
      {volunteer.skills.map((skill) => (
        <li key={skill} className="badge badge-purple">
          {skillLabel(skill, locale)}
        </li>
      ))}
      {volunteer.vehicles.map((vehicle) => (
        <li key={vehicle} className="badge badge-orange">
          {vehicleLabel(vehicle, locale)}
        </li>
      ))}
    </ul>
  );
}

export function PartyBadge({ partyMember }: { partyMember: boolean }) {
  const { t } = useTranslation();
  return partyMember ? <span className="badge badge-red">{t('volunteers.partyMember')}</span> : null;
}
