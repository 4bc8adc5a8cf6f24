import { FilterOutlined } from '@ant-design/icons';
import { Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BuildingSelect,
  FlagSelect,
  SearchField,
  ZoneSelect,
} from '../../components/registry/FilterFields.tsx';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';

type Key = 'zoneId' | 'buildingId' | 'householdId' | 'flag' | 'q';

interface Props {
  communityId: string;
  values: Partial<Record<Key, string>>;
  onChange: (next: Partial<Record<Key, string | undefined>>) => void;
  /** The vulnerable list is all flagged residents already; it has no name search. */
  withSearch?: boolean;
}

export function ResidentFilterForm({ communityId, values, onChange, withSearch = true }: Props) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const chosen = [values.zoneId, values.buildingId, values.flag].filter(Boolean).length;
  // On a phone the three pickers would push the list off the first screen; the search stays.
  const [expanded, setExpanded] = useState(chosen > 0);
  const showPickers = desktop || !withSearch || expanded;
  return (
    <section className="panel no-print" aria-label={t('registry.filters')}>
      <Form layout="vertical" className={`filter-grid ${withSearch ? 'filter-grid-4' : 'filter-grid-3'}`}>
        {withSearch && (
          <Form.Item label={t('residents.search')} htmlFor="residents-q">
            <SearchField
              id="residents-q"
              value={values.q}
              onChange={(q) => onChange({ q })}
              placeholder={t('residents.searchPlaceholder')}
            />
          </Form.Item>
        )}
        {!showPickers && (
          <Button
            className="filter-toggle"
            icon={<FilterOutlined aria-hidden />}
            aria-expanded={false}
            onClick={() => setExpanded(true)}
          >
            {chosen ? t('registry.moreFiltersChosen', { count: chosen }) : t('registry.moreFilters')}
          </Button>
        )}
        {showPickers && (
          <>
            <Form.Item label={t('registry.zone')} htmlFor="residents-zone">
              <ZoneSelect
                id="residents-zone"
                communityId={communityId}
                value={values.zoneId}
                // A building of the other zone would leave the list empty for no visible reason.
                onChange={(zoneId) => onChange({ zoneId, buildingId: undefined, householdId: undefined })}
              />
            </Form.Item>
            <Form.Item label={t('registry.building')} htmlFor="residents-building">
              <BuildingSelect
                id="residents-building"
                communityId={communityId}
                zoneId={values.zoneId}
                value={values.buildingId}
                onChange={(buildingId) => onChange({ buildingId, householdId: undefined })}
              />
            </Form.Item>
            <Form.Item label={t('registry.flag')} htmlFor="residents-flag">
              <FlagSelect id="residents-flag" value={values.flag} onChange={(flag) => onChange({ flag })} />
            </Form.Item>
          </>
        )}
      </Form>
      {values.householdId && (
        <div className="filter-note">
          <span>{t('residents.oneHousehold')}</span>
          <Button size="small" onClick={() => onChange({ householdId: undefined })}>
            {t('residents.allHouseholds')}
          </Button>
        </div>
      )}
    </section>
  );
}
