import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TBuilding } from '../../../shared/api/registry.ts';
import { PhoneNumber } from './PhoneNumber.tsx';

/** The 楼组长: the one neighbour per building who passes word on to the rest. */
export function RelayContact({ relay }: { relay: TBuilding['relay'] }) {
  const { t } = useTranslation();
  if (!relay) return <span className="muted">{t('registry.noRelay')}</span>;
  return (
    <span className="relay-contact">
      <span className="relay-name">{relay.name}</span>
      <span className="muted">{t('registry.roomShort', { room: relay.room })}</span>
      {relay.mobile && (
        <span>
          <PhoneOutlined aria-hidden /> <PhoneNumber value={relay.mobile} />
        </span>
      )}
    </span>
  );
}
