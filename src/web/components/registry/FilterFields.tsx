import { Input, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VULNERABILITY_FLAGS } from '../../../shared/registry.ts';
import { useBuildings, useSitePlan } from '../../api/registry.ts';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel, compareCodes, flagLabel } from '../../lib/registry-format.ts';

// value and onChange are optional because antd's Form.Item supplies them to a field it wraps.
interface SelectProps {
  communityId: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
}

export function ZoneSelect({ communityId, value, onChange, id, placeholder }: SelectProps) {
  const { t } = useTranslation();
  const plan = useSitePlan(communityId);
  const options = (plan.data?.zones ?? []).map((zone) => ({ value: zone.id, label: zone.name }));
  return (
    <Select
      id={id}
      allowClear
      value={value}
      onChange={(next?: string) => onChange?.(next || undefined)}
      placeholder={placeholder ?? t('registry.allZones')}
      options={options}
      loading={plan.isPending}
    />
  );
}

/** Buildings in code order, narrowed to a zone when one is chosen; typing "12" finds 12号楼. */
export function BuildingSelect({
  communityId,
  value,
  onChange,
  id,
  placeholder,
  zoneId,
}: SelectProps & { zoneId?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const buildings = useBuildings(communityId);
  const options = useMemo(
    () =>
      (buildings.data ?? [])
        .filter((b) => !zoneId || b.zoneId === zoneId)
        .sort((a, b) => compareCodes(a.code, b.code))
        .map((b) => ({ value: b.id, label: buildingLabel(b.code, locale), code: b.code })),
    [buildings.data, zoneId, locale],
  );
  return (
    <Select
      id={id}
      allowClear
      showSearch={{
        filterOption: (input, option) =>
          !!option && (option.code.startsWith(input.trim()) || option.label.includes(input.trim())),
      }}
      value={value}
      onChange={(next?: string) => onChange?.(next || undefined)}
      placeholder={placeholder ?? t('registry.allBuildings')}
      options={options}
      loading={buildings.isPending}
    />
  );
}

export function FlagSelect({ value, onChange, id }: Omit<SelectProps, 'communityId'>) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Select
      id={id}
      allowClear
      value={value}
      onChange={(next?: string) => onChange?.(next || undefined)}
      placeholder={t('registry.allFlags')}
      options={VULNERABILITY_FLAGS.map((flag) => ({ value: flag, label: flagLabel(flag, locale) }))}
    />
  );
}

/** A search box that asks the server only once typing pauses, not on every keystroke. */
export function SearchField({
  value,
  onChange,
  placeholder,
  id,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder: string;
  id?: string;
}) {
  const [text, setText] = useState(value ?? '');
  // A ref, so a parent re-rendering (a list refetch) does not restart the pause while typing.
  const latest = useRef(onChange);
  latest.current = onChange;
  // Follow outside changes (a reset, the back button) without fighting the person typing.
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (value ?? '')) return;
    const timer = setTimeout(() => latest.current(trimmed || undefined), 400);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <Input.Search
      id={id}
      type="search"
      allowClear
      value={text}
      placeholder={placeholder}
      onChange={(event) => setText(event.target.value)}
      onSearch={(next) => onChange(next.trim() || undefined)}
      maxLength={50}
    />
  );
}
