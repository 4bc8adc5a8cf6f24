import { useQueryClient } from '@tanstack/react-query';
import { Alert, Skeleton } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_RUNS_CHANGED,
  type TDeliveryPlan,
  type TDeliveryPlanning,
} from '../../../shared/api/delivery-runs.ts';
import { LIVE_RESYNC } from '../../../shared/api/live-events.ts';
import { PARCELS_RECEIVED } from '../../../shared/api/parcels.ts';
import type { Locale } from '../../../shared/roles.ts';
import { errorMessage } from '../../api/client.ts';
import {
  deliveryRunsKey,
  useConfirmDeliveryRuns,
  useDeliveryPlanning,
  useMoveDeliveryStop,
  usePlanDeliveryRuns,
} from '../../api/delivery-runs.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel } from '../../lib/registry-format.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLiveEvents } from '../../lib/useLiveEvents.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { canPlanDeliveryRuns } from './delivery-runs-format.ts';
import { FleetForm } from './FleetForm.tsx';
import { type MoveTarget, PlanView } from './PlanView.tsx';
import '../../styles/parcels.css';
import '../../styles/delivery-runs.css';

export function DeliveryRunsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deliveryRuns.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canPlanDeliveryRuns(membership.roles)) return <Forbidden />;
  return (
    <Planner
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

/** Rendered when shown, with the page's own `t`, so a notice follows a change of language. */
type Notice = { ok: boolean; text: (t: TFunction, locale: Locale) => string } | null;

function Planner({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const planning = useDeliveryPlanning(communityId);
  const plan = usePlanDeliveryRuns(communityId);
  const move = useMoveDeliveryStop(communityId);
  const confirm = useConfirmDeliveryRuns(communityId);
  const [notice, setNotice] = useState<Notice>(null);
  const refetch = () => void planning.refetch();
  useLiveEvents(communityId, {
    [DELIVERY_RUNS_CHANGED]: refetch,
    [PARCELS_RECEIVED]: refetch,
    [LIVE_RESYNC]: refetch,
  });

  // The answer of a change is the new state: shown at once, before the refetch confirms it.
  const show = (update: (old: TDeliveryPlanning) => TDeliveryPlanning) =>
    queryClient.setQueryData<TDeliveryPlanning>([...deliveryRunsKey(communityId), 'planning'], (old) =>
      old ? update(old) : old,
    );
  const failed = (error: unknown) => setNotice({ ok: false, text: () => errorMessage(error) });
  const busy = plan.isPending || move.isPending || confirm.isPending;

  if (planning.error) return <LoadError error={planning.error} onRetry={refetch} />;
  if (planning.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const data = planning.data;
  const waiting = data.buildings.filter((b) => b.waiting > 0);
  const gateOf = (id: string | null) =>
    data.gates.find((g) => g.id === id) ?? data.gates[0] ?? { x: 0, y: 0 };

  const onMove = (buildingId: string, code: string, target: MoveTarget) =>
    move.mutate(
      { planId: data.draft!.planId, buildingId, ...target },
      {
        onSuccess: (draft: TDeliveryPlan) => {
          show((old) => ({ ...old, draft }));
          const n = draft.runs.findIndex((r) => r.stops.some((s) => s.buildingId === buildingId)) + 1;
          setNotice({
            ok: true,
            text: (tr, locale) => tr('deliveryRuns.moved', { building: buildingLabel(code, locale), n }),
          });
        },
        onError: failed,
      },
    );
  const onConfirm = () =>
    confirm.mutate(
      { planId: data.draft!.planId },
      {
        onSuccess: (done) => {
          // The refetch may already hold these runs: replace, never add twice.
          show((old) => ({
            ...old,
            draft: null,
            confirmed: [...old.confirmed.filter((r) => r.planId !== done.planId), ...done.runs],
          }));
          setNotice({
            ok: true,
            text: (tr) =>
              tr('deliveryRuns.confirmed', { runs: done.totals.runs, parcels: done.totals.parcels }),
          });
        },
        onError: failed,
      },
    );

  return (
    <div className="page delivery-runs">
      <h1 className="page-title">{t('deliveryRuns.title')}</h1>
      <p className="runs-waiting" data-testid="runs-waiting">
        {waiting.length > 0
          ? t('deliveryRuns.waiting', {
              parcels: waiting.reduce((sum, b) => sum + b.waiting, 0),
              buildings: waiting.length,
            })
          : t('deliveryRuns.nothingWaiting')}
      </p>
      {data.unassignedWaiting > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('deliveryRuns.unassigned', { count: data.unassignedWaiting })}
        />
      )}
      <div className="runs-layout">
        <FleetForm
          planning={data}
          timeZone={timeZone}
          busy={plan.isPending}
          onPlan={(body) =>
            plan.mutate(body, {
              onSuccess: (draft) => {
                setNotice(null);
                show((old) => ({ ...old, draft }));
              },
              onError: failed,
            })
          }
        />
        <div className="runs-result">
          <div aria-live="polite" data-testid="runs-notice">
            {notice && (
              <Alert
                type={notice.ok ? 'success' : 'error'}
                showIcon
                message={notice.text(t, currentLocale())}
                role={notice.ok ? 'status' : 'alert'}
              />
            )}
          </div>
          {data.draft && (
            <section aria-labelledby="draft-title" data-testid="draft-plan">
              <h2 id="draft-title">{t('deliveryRuns.draft')}</h2>
              <p className="page-note">{t('deliveryRuns.draftHint')}</p>
              <PlanView
                runs={data.draft.runs}
                buildings={data.buildings}
                gate={gateOf(data.draft.gateId)}
                editable
                busy={busy}
                onMove={onMove}
                onConfirm={onConfirm}
              />
            </section>
          )}
          {data.confirmed.length > 0 && (
            <section aria-labelledby="confirmed-title" data-testid="confirmed-runs">
              <h2 id="confirmed-title">{t('deliveryRuns.confirmedToday')}</h2>
              <PlanView
                runs={data.confirmed}
                buildings={data.buildings}
                gate={gateOf(data.confirmed[0]!.gateId)}
                editable={false}
              />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
