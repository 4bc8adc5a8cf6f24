import type { TCreateResident, TUpdateResident } from '../../../shared/api/registry.ts';
import type { ResidentValues } from './ResidentForm.tsx';

const orNull = (text: string) => (text.trim() ? text.trim() : null);
const yearOrNull = (text: string) => (text.trim() ? Number(text) : null);

export function toCreateResident(values: ResidentValues): TCreateResident {
  return {
    buildingId: values.buildingId ?? '',
    room: values.room ?? '',
    name: values.name.trim(),
    sex: values.sex || null,
    birthYear: yearOrNull(values.birthYear),
    mobile: orNull(values.mobile),
    flags: values.flags,
    note: orNull(values.note),
  };
}

/**
 * Only what the person changed: an untouched masked number (its field starts empty) is left
 * alone on the server, and clearing a field that had a value sends null.
 */
export function toUpdateResident(before: ResidentValues, after: ResidentValues): TUpdateResident {
  const changes: TUpdateResident = {};
  if (after.name.trim() !== before.name) changes.name = after.name.trim();
  if (after.sex !== before.sex) changes.sex = after.sex || null;
  if (after.birthYear !== before.birthYear) changes.birthYear = yearOrNull(after.birthYear);
  if (after.mobile !== before.mobile) changes.mobile = orNull(after.mobile);
  if ([...after.flags].sort().join() !== [...before.flags].sort().join()) changes.flags = after.flags;
  if (after.note.trim() !== before.note) changes.note = orNull(after.note);
  return changes;
}
