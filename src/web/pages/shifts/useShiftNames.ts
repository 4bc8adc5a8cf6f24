import type { TShift } from '../../../shared/api/shifts.ts';
import { useGroups } from '../../api/groups.ts';
import { currentLocale } from '../../i18n/index.ts';
import { groupName } from '../../lib/format.ts';

type Named = Pick<TShift, 'groupId' | 'groupName' | 'title'>;

/**
 * A shift's title and group as shown. Shifts carry the group's stored (Chinese) name but not its
 * key, so the default groups' English names come from the groups list; an untitled shift is
 * titled with its group's name, which is translated the same way.
 */
export function useShiftNames(communityId: string) {
  const groups = useGroups(communityId).data ?? [];
  const locale = currentLocale();
  return (shift: Named) => {
    const found = groups.find((g) => g.id === shift.groupId);
    const group = groupName(found ?? { key: '', name: shift.groupName }, locale);
    const untitled = shift.title === shift.groupName;
    return { title: untitled ? group : shift.title, group: untitled ? null : group };
  };
}
