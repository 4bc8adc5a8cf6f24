import { useTranslation } from 'react-i18next';
import type { TResident } from '../../../shared/api/registry.ts';
import { FlagTags } from '../../components/registry/FlagTags.tsx';
import { PhoneNumber } from '../../components/registry/PhoneNumber.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { roomLabel } from '../../lib/registry-format.ts';
import { sexLabel } from './labels.ts';

/** Label above value, one per row: long Chinese notes wrap instead of being cut off. */
export function ResidentDetails({ resident }: { resident: TResident }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const none = <span className="muted">{t('registry.none')}</span>;
  const rows = [
    {
      key: 'address',
      label: t('registry.address'),
      value: roomLabel(resident.buildingCode, resident.room, locale),
    },
    { key: 'sex', label: t('registry.sex'), value: sexLabel(t, resident.sex) || none },
    { key: 'birthYear', label: t('registry.birthYear'), value: resident.birthYear ?? none },
    { key: 'mobile', label: t('registry.mobile'), value: <PhoneNumber value={resident.mobile} /> },
    {
      key: 'flags',
      label: t('registry.flags'),
      value: resident.flags.length ? <FlagTags flags={resident.flags} /> : none,
    },
    { key: 'note', label: t('registry.note'), value: resident.note ?? none },
    ...(resident.isRelay
      ? [{ key: 'relay', label: t('registry.relay'), value: t('residents.isRelay') }]
      : []),
  ];
  return (
    <dl className="detail-list">
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.label}</dt>
          <dd data-testid={`resident-${row.key}`}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
