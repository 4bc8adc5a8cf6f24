import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';

export interface BuildingChoice {
  id: string;
  code: string;
}

const RECENT_LIMIT = 6;
const recentKey = (communityId: string) => `linli.parcels.recentBuildings.${communityId}`;

/** The buildings this phone recorded parcels for lately, newest first: the gate sees the same ones all day. */
export function recentBuildingIds(communityId: string): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(recentKey(communityId)) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberBuilding(communityId: string, buildingId: string) {
  const ids = [buildingId, ...recentBuildingIds(communityId).filter((id) => id !== buildingId)];
  try {
    localStorage.setItem(recentKey(communityId), JSON.stringify(ids.slice(0, RECENT_LIMIT)));
  } catch {
    // private mode: the buttons just stay empty
  }
}

/** What was typed in the search, without "号楼" and spaces. */
const searchedCode = (input: string) => input.replace(/\s+/g, '').replace(/(号楼|号|栋|幢|楼)$/u, '');
const searchRank = (code: string, input: string) => {
  const typed = searchedCode(input);
  const tier = code === typed ? 0 : code.startsWith(typed) ? 1 : 2;
  return tier * 100_000 + code.length * 1_000 + (Number.parseInt(code, 10) || 0);
};

interface Props {
  communityId: string;
  buildings: readonly BuildingChoice[];
  value: string | null;
  onChange: (buildingId: string | null) => void;
  /** Bumped after each recorded parcel so the recent buttons re-read what was remembered. */
  recentVersion: number;
}

/** Big buttons for the recently used buildings, and a searchable list of every building. */
export function BuildingPicker({ communityId, buildings, value, onChange, recentVersion }: Props) {
  const { t } = useTranslation();
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const recent = recentBuildingIds(communityId)
    .map((id) => byId.get(id))
    .filter((b): b is BuildingChoice => Boolean(b));
  return (
    <fieldset className="building-picker" data-recent={recentVersion}>
      <legend className="field-label-block">{t('parcels.buildingLabel')}</legend>
      {recent.length > 0 && (
        <fieldset className="recent-buildings" aria-label={t('parcels.recentBuildings')}>
          {recent.map((b) => (
            <Button
              key={b.id}
              size="large"
              className="building-button"
              type={value === b.id ? 'primary' : 'default'}
              aria-pressed={value === b.id}
              onClick={() => onChange(value === b.id ? null : b.id)}
            >
              {t('parcels.building', { code: b.code })}
            </Button>
          ))}
        </fieldset>
      )}
      <Select
        size="large"
        showSearch
        allowClear
        // 125 options render at once; a virtual list kept the scroll of the last choice after a new search
        virtual={false}
        className="building-select"
        aria-label={t('parcels.buildingSearch')}
        placeholder={t('parcels.buildingSearch')}
        value={value ?? undefined}
        onChange={(id?: string) => onChange(id ?? null)}
        filterOption={(input, option) => Boolean(option?.code.includes(searchedCode(input)))}
        // "7" puts building 7 first, then 70–79 and 17, 27…: the one typed in full is the one meant
        filterSort={(x, y, { searchValue }) =>
          searchRank(x.code, searchValue) - searchRank(y.code, searchValue)
        }
        options={buildings.map((b) => ({
          value: b.id,
          code: b.code,
          label: t('parcels.building', { code: b.code }),
        }))}
      />
    </fieldset>
  );
}
