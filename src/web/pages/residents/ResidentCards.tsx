import { useTranslation } from 'react-i18next';
import type { TResident } from '../../../shared/api/registry.ts';
import { FlagTags } from '../../components/registry/FlagTags.tsx';
import { PhoneNumber } from '../../components/registry/PhoneNumber.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { roomLabel } from '../../lib/registry-format.ts';
import { sexLabel } from './labels.ts';

interface Props {
  residents: TResident[];
  onOpen: (resident: TResident) => void;
}

/** Phone: a card per resident; the name opens the details, the number can be tapped to call. */
export function ResidentCards({ residents, onOpen }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ul className="card-list">
      {residents.map((r) => (
        <li key={r.id} className="list-card">
          <div className="list-card-head">
            <button type="button" className="link-button list-card-title" onClick={() => onOpen(r)}>
              {r.name}
            </button>
            <span className="muted">{[sexLabel(t, r.sex), r.birthYear].filter(Boolean).join(' · ')}</span>
          </div>
          <div className="list-card-row">
            <span>{roomLabel(r.buildingCode, r.room, locale)}</span>
            {r.isRelay && <span className="relay-badge">{t('registry.relay')}</span>}
          </div>
          <div className="list-card-row">
            <span className="field-label">{t('registry.mobile')}</span>
            <PhoneNumber value={r.mobile} />
          </div>
          <FlagTags flags={r.flags} />
        </li>
      ))}
    </ul>
  );
}
