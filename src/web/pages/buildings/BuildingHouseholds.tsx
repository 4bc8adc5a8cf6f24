import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBuildingDetail, TResident } from '../../../shared/api/registry.ts';
import { FlagTags } from '../../components/registry/FlagTags.tsx';
import { PhoneNumber } from '../../components/registry/PhoneNumber.tsx';
import { compareCodes } from '../../lib/registry-format.ts';

interface Props {
  building: TBuildingDetail;
  onOpen: (residentId: string) => void;
}

/** Room by room, as on the stairwell: each household with its people; a name opens their details. */
export function BuildingHouseholds({ building, onOpen }: Props) {
  const { t } = useTranslation();
  const rooms = useMemo(() => {
    const byHousehold = new Map<string, TResident[]>();
    for (const r of building.residentList)
      byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r]);
    return [...building.householdList]
      .sort((a, b) => compareCodes(a.room, b.room))
      .map((h) => ({ household: h, residents: byHousehold.get(h.id) ?? [] }));
  }, [building]);

  return (
    <section className="panel" aria-labelledby="building-households-title">
      <h2 id="building-households-title">{t('buildings.householdsTitle', { count: rooms.length })}</h2>
      {rooms.length === 0 ? (
        <Empty description={t('registry.empty')} />
      ) : (
        <ul className="room-grid">
          {rooms.map(({ household, residents }) => (
            <li key={household.id} className="room-card">
              <div className="room-card-head">
                <strong>{t('registry.roomShort', { room: household.room })}</strong>
                <PhoneNumber value={household.phone} />
              </div>
              <ul className="room-residents">
                {residents.map((r) => (
                  <li key={r.id}>
                    <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                      {r.name}
                    </button>
                    {r.isRelay && <span className="relay-badge">{t('registry.relay')}</span>}
                    <FlagTags flags={r.flags} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
