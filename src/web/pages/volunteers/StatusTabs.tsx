import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VOLUNTEER_STATUSES } from '../../../shared/volunteers.ts';
import { useVolunteerCount, type VolunteerFilters, type VolunteerStatus } from '../../api/volunteers.ts';

interface Props {
  communityId: string;
  filters: Omit<VolunteerFilters, 'status'>;
  status: VolunteerStatus;
  onChange: (status: VolunteerStatus) => void;
  children: ReactNode;
}

/** Pending, approved, not accepted: each tab says how many it holds under the current search. */
export function StatusTabs({ communityId, filters, status, onChange, children }: Props) {
  const { t } = useTranslation();
  const counts = {
    pending: useVolunteerCount(communityId, { ...filters, status: 'pending' }).data,
    approved: useVolunteerCount(communityId, { ...filters, status: 'approved' }).data,
    rejected: useVolunteerCount(communityId, { ...filters, status: 'rejected' }).data,
  };
  return (
    <Tabs
      className="status-tabs"
      // Three tabs side by side on a 360 px phone, rather than one hidden behind a "more" menu.
      tabBarGutter={20}
      activeKey={status}
      onChange={(key) => onChange(key as VolunteerStatus)}
      items={VOLUNTEER_STATUSES.map((s) => ({
        key: s,
        label: (
          <span data-testid={`tab-${s}`}>
            {t(`volunteers.${s}`)}
            {counts[s] !== undefined && <span className="tab-count">{counts[s]}</span>}
          </span>
        ),
        // Only the open tab renders its list; the others would fetch for nothing.
        children: s === status ? children : null,
      }))}
    />
  );
}
