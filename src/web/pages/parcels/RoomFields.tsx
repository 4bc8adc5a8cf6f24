import { Input } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Room and the last four digits of the recipient's phone, as printed on the waybill: both optional,
 * side by side on a phone so the record button stays in reach of the thumb.
 */
export function RoomFields({
  room,
  phoneTail,
  onRoom,
  onPhoneTail,
}: {
  room: string;
  phoneTail: string;
  onRoom: (room: string) => void;
  onPhoneTail: (tail: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="room-fields">
      <div>
        <label className="field-label-block" htmlFor="room">
          {t('parcels.room')}
        </label>
        <Input
          id="room"
          size="large"
          inputMode="numeric"
          value={room}
          autoComplete="off"
          placeholder={t('parcels.roomPlaceholder')}
          onChange={(event) => onRoom(event.target.value)}
        />
      </div>
      <div>
        <label className="field-label-block" htmlFor="phone-tail">
          {t('parcels.phoneTail')}
        </label>
        <Input
          id="phone-tail"
          size="large"
          inputMode="numeric"
          maxLength={4}
          value={phoneTail}
          autoComplete="off"
          placeholder={t('parcels.phoneTailPlaceholder')}
          onChange={(event) => onPhoneTail(event.target.value.replace(/\D/g, ''))}
        />
      </div>
    </div>
  );
}

export const isPhoneTail = (text: string) => /^\d{4}$/.test(text);
