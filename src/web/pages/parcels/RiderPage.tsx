import { Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRiderRun } from '../../../shared/api/parcel-rides.ts';
import { useLiveParcelStatus, useMyRuns } from '../../api/parcel-rides.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { RideRun } from './RideRun.tsx';
import { canRide } from './ride-access.ts';
import '../../styles/parcel-rides.css';

/** The rider's phone on the tricycle: today's runs, the next building, one big button. */
export function RiderPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('parcelRides.ride.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canRide(membership.roles)) return <Forbidden />;
  return (
    <Rides key={membership.communityId} communityId={membership.communityId} timeZone={membership.timezone} />
  );
}

/** The run to show first: the one under way, else the next to start, else the last finished. */
function currentRun(runs: readonly TRiderRun[]) {
  return (
    runs.find((r) => r.status === 'started') ??
    runs.find((r) => r.status === 'confirmed') ??
    runs[runs.length - 1]
  );
}

function Rides({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const mine = useMyRuns(communityId);
  useLiveParcelStatus(communityId);
  const [chosen, setChosen] = useState<string | null>(null);

  if (mine.error && !mine.data) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { runs, buildings } = mine.data;
  const run = runs.find((r) => r.id === chosen) ?? currentRun(runs);
  return (
    <div className="page parcel-ride">
      <h1 className="page-title">{t('parcelRides.ride.title')}</h1>
      {!run ? (
        <p className="panel ride-empty">{t('parcelRides.ride.noRuns')}</p>
      ) : (
        <>
          {runs.length > 1 && (
            <Segmented
              block
              size="large"
              className="ride-run-choice"
              value={run.id}
              onChange={(id) => setChosen(String(id))}
              options={runs.map((r) => ({
                value: r.id,
                label: t('parcelRides.ride.runShort', { seq: r.seq }),
              }))}
            />
          )}
          <RideRun
            key={run.id}
            communityId={communityId}
            timeZone={timeZone}
            run={run}
            buildings={buildings}
          />
        </>
      )}
    </div>
  );
}
