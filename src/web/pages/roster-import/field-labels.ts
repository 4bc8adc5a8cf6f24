import { useTranslation } from 'react-i18next';
import type { RosterField } from '../../../shared/roster-codes.ts';

/** The registry fields a roster column can be read as; a field the UI does not know shows as sent. */
export function useFieldLabel() {
  const { t } = useTranslation();
  const labels: Record<RosterField, string> = {
    building: t('registry.building'),
    room: t('registry.room'),
    name: t('registry.name'),
    sex: t('registry.sex'),
    birthYear: t('registry.birthYear'),
    age: t('rosterImport.fieldAge'),
    registration: t('rosterImport.fieldRegistration'),
    mobile: t('registry.mobile'),
    flags: t('registry.flags'),
    note: t('registry.note'),
  };
  return (field: string) => labels[field as RosterField] ?? field;
}
