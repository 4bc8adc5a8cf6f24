import { TeamOutlined } from '@ant-design/icons';
import { Button, Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { RecordLine } from '../../components/RecordFigures.tsx';
import { PhoneNumber } from '../../components/registry/PhoneNumber.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/time.ts';
import { ageBandLabel } from '../../lib/volunteer-format.ts';
import { AbilityTags, GroupTags, PartyBadge } from './VolunteerBits.tsx';
import { addressOf, type ListProps } from './VolunteerTable.tsx';

/** Phone: a card per volunteer; the name is the checkbox's label, so the whole name is a tap target. */
export function VolunteerCards({ volunteers, timeZone, showWorkplace, selection, onSetGroups }: ListProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const toggle = (id: string, on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.ids);
    if (on) next.add(id);
    else next.delete(id);
    selection.onChange(next);
  };
  return (
    <ul className="card-list">
      {volunteers.map((v) => {
        const picked = selection?.ids.has(v.id) ?? false;
        return (
          <li key={v.id} className={picked ? 'list-card is-picked' : 'list-card'}>
            <div className="list-card-head">
              {selection ? (
                <Checkbox
                  className="card-check"
                  checked={picked}
                  onChange={(event) => toggle(v.id, event.target.checked)}
                >
                  <span className="list-card-title">{v.name}</span>
                </Checkbox>
              ) : (
                <span className="list-card-title">{v.name}</span>
              )}
              <PartyBadge partyMember={v.partyMember} />
            </div>
            <div className="list-card-row">
              <span>{addressOf(v, locale)}</span>
              <span className="muted">{ageBandLabel(v.ageBand, locale)}</span>
            </div>
            <div className="list-card-row">
              <span className="field-label">{t('volunteers.mobile')}</span>
              <PhoneNumber value={v.mobile} />
            </div>
            <AbilityTags volunteer={v} />
            {v.note && <p className="volunteer-note">{v.note}</p>}
            <GroupTags groups={v.groups} />
            <div className="list-card-row">
              <span className="field-label">{t('attendance.record')}</span>
              <RecordLine record={v.record} />
            </div>
            {showWorkplace && v.workplace && (
              <div className="list-card-row">
                <span className="field-label">{t('volunteers.workplace')}</span>
                <span>{v.workplace}</span>
              </div>
            )}
            <div className="list-card-row muted">
              {t('volunteers.registeredAt')} {formatDateTime(v.registeredAt, timeZone, locale)}
            </div>
            {onSetGroups && (
              <Button icon={<TeamOutlined aria-hidden />} onClick={() => onSetGroups(v)} block>
                {t('volunteers.setGroups')}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
