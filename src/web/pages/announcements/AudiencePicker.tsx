import { Checkbox, Radio, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOUNCEMENT_AUDIENCES, type TAnnouncementAudience } from '../../../shared/api/announcements.ts';
import { buildingLabel } from '../../../shared/registry.ts';
import type { Locale } from '../../../shared/roles.ts';
import { useGroups } from '../../api/groups.ts';
import { useBuildings, useSitePlan } from '../../api/registry.ts';
import { ToggleChips } from '../../components/ToggleChips.tsx';
import { groupName } from '../../lib/format.ts';
import { type AnnouncementDraft, buildingsByZone, toggleAll } from './announcements-format.ts';

const AUDIENCE_LABELS = {
  all: 'announcements.form.audienceAll',
  zones: 'announcements.form.audienceZones',
  buildings: 'announcements.form.audienceBuildings',
  group: 'announcements.form.audienceGroup',
  vulnerable: 'announcements.form.audienceVulnerable',
} as const satisfies Record<TAnnouncementAudience, string>;

interface Props {
  communityId: string;
  draft: AnnouncementDraft;
  onChange: (patch: Partial<AnnouncementDraft>) => void;
  error?: string | undefined;
}

/**
 * Who it goes to: everyone, zones, buildings grouped by zone (a whole zone at one tap), one volunteer
 * group, or the vulnerable residents. Each choice shows only its own picker.
 */
export function AudiencePicker({ communityId, draft, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="ann-fieldset" aria-describedby={error ? 'ann-audience-error' : undefined}>
      <legend>{t('announcements.form.audience')}</legend>
      <Radio.Group
        size="large"
        optionType="button"
        className="ann-audience-choice"
        value={draft.audience}
        onChange={(e) => onChange({ audience: e.target.value })}
        options={ANNOUNCEMENT_AUDIENCES.map((a) => ({ value: a, label: t(AUDIENCE_LABELS[a]) }))}
      />
      {draft.audience === 'all' && <p className="ann-hint">{t('announcements.form.allHelp')}</p>}
      {draft.audience === 'vulnerable' && (
        <p className="ann-hint">{t('announcements.form.vulnerableHelp')}</p>
      )}
      {draft.audience === 'zones' && (
        <ZonePicker communityId={communityId} draft={draft} onChange={onChange} />
      )}
      {draft.audience === 'buildings' && (
        <BuildingPicker communityId={communityId} draft={draft} onChange={onChange} />
      )}
      {draft.audience === 'group' && (
        <GroupPicker communityId={communityId} draft={draft} onChange={onChange} />
      )}
      {error && (
        <p id="ann-audience-error" className="gb-field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

type PickerProps = Omit<Props, 'error'>;

function ZonePicker({ communityId, draft, onChange }: PickerProps) {
  const { t } = useTranslation();
  const plan = useSitePlan(communityId);
  if (!plan.data) return <Skeleton active paragraph={{ rows: 1 }} />;
  return (
    <ToggleChips
      label={t('announcements.form.zonesLabel')}
      options={plan.data.zones.map((z) => ({ value: z.id, label: z.name }))}
      value={draft.zoneIds}
      onChange={(zoneIds) => onChange({ zoneIds })}
    />
  );
}

function BuildingPicker({ communityId, draft, onChange }: PickerProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const plan = useSitePlan(communityId);
  const buildings = useBuildings(communityId);
  const groups = useMemo(
    () => buildingsByZone(buildings.data ?? [], plan.data?.zones ?? []),
    [buildings.data, plan.data],
  );
  if (!buildings.data || !plan.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  return (
    <div className="ann-buildings">
      <p className="ann-hint" aria-live="polite">
        {t('announcements.form.selectedBuildings', { count: draft.buildingIds.length })}
      </p>
      {groups.map((g) => {
        const ids = g.buildings.map((b) => b.id);
        const chosen = ids.filter((id) => draft.buildingIds.includes(id)).length;
        const zone = g.name ?? t('announcements.form.noZone');
        return (
          <div key={g.zoneId ?? 'none'} className="ann-zone">
            <Checkbox
              className="ann-select-all"
              checked={chosen === ids.length}
              indeterminate={chosen > 0 && chosen < ids.length}
              onChange={(e) => onChange({ buildingIds: toggleAll(draft.buildingIds, ids, e.target.checked) })}
            >
              {t('announcements.form.selectAllZone', { zone, count: ids.length })}
            </Checkbox>
            <ToggleChips
              label={zone}
              options={g.buildings.map((b) => ({ value: b.id, label: buildingLabel(b.code, locale) }))}
              value={draft.buildingIds.filter((id) => ids.includes(id))}
              onChange={(mine) =>
                onChange({ buildingIds: [...draft.buildingIds.filter((id) => !ids.includes(id)), ...mine] })
              }
            />
          </div>
        );
      })}
    </div>
  );
}

function GroupPicker({ communityId, draft, onChange }: PickerProps) {
  const { t, i18n } = useTranslation();
  const groups = useGroups(communityId);
  if (!groups.data) return <Skeleton active paragraph={{ rows: 1 }} />;
  return (
    <Radio.Group
      size="large"
      className="ann-group-choice"
      aria-label={t('announcements.form.groupLabel')}
      value={draft.groupId}
      onChange={(e) => onChange({ groupId: e.target.value })}
      options={groups.data.map((g) => ({ value: g.id, label: groupName(g, i18n.language as Locale) }))}
    />
  );
}
