import { EyeOutlined } from '@ant-design/icons';
import { Form, Select, Switch } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGroup } from '../../../shared/api/volunteers.ts';
import { SearchField } from '../../components/registry/FilterFields.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { groupName } from '../../lib/format.ts';

interface Props {
  values: { q?: string; groupId?: string };
  groups: TGroup[];
  onChange: (next: { q?: string; groupId?: string }) => void;
  /** Only the coordinator may see workplaces; the switch is theirs alone. */
  workplace?: { checked: boolean; onChange: (checked: boolean) => void; loading: boolean };
}

export function VolunteerFilters({ values, groups, onChange, workplace }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const switchId = useId();
  const noteId = useId();
  return (
    <section className="panel" aria-label={t('registry.filters')}>
      <Form layout="vertical" className="filter-grid filter-grid-2">
        <Form.Item label={t('volunteers.search')} htmlFor="volunteers-q">
          <SearchField
            id="volunteers-q"
            value={values.q}
            onChange={(q) => onChange({ q })}
            placeholder={t('volunteers.searchPlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('volunteers.group')} htmlFor="volunteers-group">
          <Select
            id="volunteers-group"
            allowClear
            value={values.groupId}
            onChange={(groupId?: string) => onChange({ groupId: groupId || undefined })}
            placeholder={t('volunteers.allGroups')}
            options={groups.map((g) => ({ value: g.id, label: groupName(g, locale) }))}
          />
        </Form.Item>
      </Form>
      {workplace && (
        <div className="reveal-switch">
          <span className="reveal-control">
            <Switch
              id={switchId}
              checked={workplace.checked}
              onChange={workplace.onChange}
              loading={workplace.loading}
              aria-describedby={noteId}
            />
            <label htmlFor={switchId}>
              <EyeOutlined aria-hidden /> {t('volunteers.showWorkplace')}
            </label>
          </span>
          <span id={noteId} className="reveal-note">
            {t('volunteers.workplaceNote')}
          </span>
        </div>
      )}
    </section>
  );
}
