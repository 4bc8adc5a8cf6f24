import { CopyOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Select, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TShift } from '../../shared/api/shifts.ts';
import type { Role } from '../../shared/roles.ts';
import { useGroups } from '../api/groups.ts';
import { useSession } from '../api/session.ts';
import { useMySignups, useShifts } from '../api/shifts.ts';
import { useLiveShiftPlaces } from '../api/shifts-live.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { currentLocale } from '../i18n/index.ts';
import { canSeeShifts, canSignUp, seesAllShifts } from '../lib/access.ts';
import { groupName } from '../lib/format.ts';
import { dayName } from '../lib/shift-time.ts';
import { startOfDayUtc, wallClock } from '../lib/time.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useNow } from '../lib/useNow.ts';
import { useSearchFilters } from '../lib/useSearchFilters.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { CapacityModal } from './shifts/CapacityModal.tsx';
import { CreateShiftDrawer } from './shifts/CreateShiftDrawer.tsx';
import { ShiftCard } from './shifts/ShiftCard.tsx';
import { useDayWords } from './shifts/ShiftWhen.tsx';
import { usePlannableGroups } from './shifts/usePlannableGroups.ts';

const FILTERS = ['groupId'] as const;

export function ShiftsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('shifts.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeShifts(membership.roles)) return <Forbidden />;
  return (
    <ShiftBoard
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
      roles={membership.roles}
    />
  );
}

interface BoardProps {
  communityId: string;
  timeZone: string;
  roles: readonly Role[];
}

function ShiftBoard({ communityId, timeZone, roles }: BoardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const words = useDayWords();
  const now = useNow();
  const account = useSession().data?.session?.account ?? null;
  const { values, setFilters } = useSearchFilters(FILTERS);
  // From the start of today: the day's earlier shifts stay in view, marked as ended.
  const [from] = useState(() => startOfDayUtc(wallClock(new Date(), timeZone).day, timeZone)!);
  const shifts = useShifts(communityId, { groupId: values.groupId, from });
  useLiveShiftPlaces(communityId);
  const allGroups = seesAllShifts(roles);
  const groups = useGroups(communityId).data ?? [];
  const plannable = usePlannableGroups(communityId, roles, account);
  const signer = canSignUp(roles);
  const [creating, setCreating] = useState(false);
  const [resizing, setResizing] = useState<TShift | null>(null);

  const items = shifts.data ?? [];
  // Waitlist places only come with my sign-ups; asked for only while I am waiting somewhere.
  const waiting = signer && items.some((s) => s.mine?.status === 'waitlisted');
  const mine = useMySignups(communityId, { enabled: waiting, live: true });
  const positions = new Map((mine.data ?? []).map((s) => [s.shiftId, s.position]));
  const today = wallClock(new Date(now), timeZone).day;
  const days = useMemo(() => groupByDay(items, timeZone), [items, timeZone]);

  return (
    <div className="page">
      <div className="page-head">
        <h1 className="page-title">{t('shifts.title')}</h1>
        {plannable.groups.length > 0 && (
          <div className="page-actions">
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('shifts.create')}
            </Button>
            <Link className="button-link" to="/shift-templates">
              <CopyOutlined aria-hidden />
              {t('shiftTemplates.link')}
            </Link>
          </div>
        )}
      </div>
      <p className="page-note shift-live">
        <SyncOutlined aria-hidden spin={shifts.isFetching} />
        <span>
          {t('shifts.liveNote')} · {t('shifts.timezoneNote', { timezone: timeZone })}
        </span>
      </p>
      {allGroups && (
        <Form layout="vertical" className="panel shift-filter">
          <Form.Item label={t('shifts.group')} htmlFor="shifts-group">
            <Select
              id="shifts-group"
              allowClear
              value={values.groupId}
              onChange={(groupId?: string) => setFilters({ groupId: groupId || undefined })}
              placeholder={t('shifts.allGroups')}
              options={groups.map((g) => ({ value: g.id, label: groupName(g, locale) }))}
            />
          </Form.Item>
        </Form>
      )}
      {shifts.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : shifts.error && !shifts.data ? (
        <LoadError error={shifts.error} onRetry={() => void shifts.refetch()} />
      ) : items.length === 0 ? (
        <div className="panel">
          <Empty description={allGroups ? t('shifts.empty') : t('shifts.emptyMine')} />
        </div>
      ) : (
        days.map(([day, dayShifts]) => (
          <section key={day} className="shift-day" aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`}>{dayName(day, today, locale, words)}</h2>
            <ul className="shift-list">
              {dayShifts.map((shift) => (
                <ShiftCard
                  key={shift.id}
                  communityId={communityId}
                  shift={shift}
                  timeZone={timeZone}
                  now={now}
                  canSignUp={signer}
                  canManage={plannable.canManage(shift.groupId)}
                  waitlistPosition={positions.get(shift.id)}
                  onEditCapacity={setResizing}
                />
              ))}
            </ul>
          </section>
        ))
      )}
      <CreateShiftDrawer
        communityId={communityId}
        timeZone={timeZone}
        groups={plannable.groups}
        open={creating}
        onClose={() => setCreating(false)}
      />
      {resizing && (
        <CapacityModal
          communityId={communityId}
          // The live list's copy, so the "signed up" figure in the dialog stays current.
          shift={items.find((s) => s.id === resizing.id) ?? resizing}
          onClose={() => setResizing(null)}
        />
      )}
    </div>
  );
}

/** Shifts under the community's calendar days, in the server's order (by start). */
function groupByDay(shifts: TShift[], timeZone: string): [string, TShift[]][] {
  const days = new Map<string, TShift[]>();
  for (const shift of shifts) {
    const day = wallClock(shift.startsAt, timeZone).day;
    days.set(day, [...(days.get(day) ?? []), shift]);
  }
  return [...days];
}
