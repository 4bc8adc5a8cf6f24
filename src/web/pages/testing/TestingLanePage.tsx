import { Alert, Button, InputNumber, Radio, Skeleton } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLaneSetup, TTube } from '../../../shared/api/testing-scans.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useCloseTube, useLaneSetup } from '../../api/testing-scans.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { cueError, cueOk } from './lane-cues.ts';
import { type LaneState, readLane, writeLane } from './lane-state.ts';
import { OpenTubeForm } from './OpenTubeForm.tsx';
import { takeTubeOffline } from './offline-tube.ts';
import { type Rescan, RescanNotice } from './RescanNotice.tsx';
import { canScanTesting } from './scan-access.ts';
import { isProvisionalTube, isQueuedOpen, newClientKey, type QueuedScan } from './scan-queue.ts';
import { TubePanel } from './TubePanel.tsx';
import { useScanQueue } from './useScanQueue.ts';
import '../../styles/testing-scans.css';

/** /testing/lane: the phone of a lane's scanner (or a door-to-door team). */
export function TestingLanePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('testingScans.laneTitle'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canScanTesting(membership.roles)) return <Forbidden />;
  return (
    <LaneLoader
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

function LaneLoader({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const setup = useLaneSetup(communityId);
  return (
    <div className="page lane-page">
      <h1>{t('testingScans.laneTitle')}</h1>
      {setup.isPending ? (
        <Skeleton active />
      ) : setup.isError ? (
        <LoadError error={setup.error} onRetry={() => setup.refetch()} />
      ) : setup.data.rounds.length === 0 ? (
        <Alert type="info" showIcon title={t('testingScans.noRound')} />
      ) : (
        <Lane communityId={communityId} timeZone={timeZone} rounds={setup.data.rounds} />
      )}
    </div>
  );
}

type Message = { tone: 'ok' | 'error' | 'info'; text: string };

function Lane({
  communityId,
  timeZone,
  rounds,
}: {
  communityId: string;
  timeZone: string;
  rounds: TLaneSetup['rounds'];
}) {
  const { t } = useTranslation();
  const [lane, setLaneState] = useState<LaneState>(() => {
    const kept = readLane(communityId);
    const round = rounds.find((r) => r.id === kept.roundId) ?? rounds[0]!;
    const gateKnown = kept.gateId === 'home' || round.gates.some((g) => g.gateId === kept.gateId);
    return {
      ...kept,
      roundId: round.id,
      gateId: gateKnown ? kept.gateId : (round.gates[0]?.gateId ?? 'home'),
      tube: kept.tube?.roundId === round.id ? kept.tube : null,
    };
  });
  const setLane = useCallback(
    (next: LaneState) => {
      writeLane(communityId, next);
      setLaneState(next);
    },
    [communityId],
  );
  const [message, setMessage] = useState<Message | null>(null);
  const [rescan, setRescan] = useState<Rescan | null>(null);
  const round = rounds.find((r) => r.id === lane.roundId)!;
  const closeTube = useCloseTube(communityId, round.id);

  const tell = (tone: Message['tone'], text: string) => {
    setMessage({ tone, text });
    if (tone === 'ok') cueOk();
    if (tone === 'error') cueError();
  };

  /** the lane's tube, when it is `tubeId`, becomes `tube` (null: ask for a new one) */
  const replaceTube = (tubeId: string, tube: TTube | null) =>
    setLaneState((now) => {
      if (now.tube?.id !== tubeId) return now;
      const next = { ...now, tube };
      writeLane(communityId, next);
      return next;
    });

  const { queue, enqueue, flush } = useScanQueue(communityId, {
    onScan: (scan, answer) => {
      setLaneState((now) => {
        let tube = now.tube;
        if (answer.ok && tube?.id === answer.value.tube.id)
          tube = answer.value.tube.closedAt ? null : answer.value.tube;
        if (!answer.ok && tube?.id === scan.tubeId && answer.error instanceof ApiError) {
          if (answer.error.code === 'TUBE_FULL' || answer.error.code === 'TUBE_CLOSED') tube = null;
        }
        const next = { ...now, tube };
        writeLane(communityId, next);
        return next;
      });
      if (!answer.ok) return tell('error', errorMessage(answer.error));
      const r = answer.value.resident;
      const sampled = t('testingScans.sampled', { name: r.name, building: r.buildingCode, room: r.room });
      tell('ok', answer.value.tubeFull ? `${sampled} — ${t('testingScans.tubeFull')}` : sampled);
    },
    onOpen: (open, answer, dropped) => {
      if (answer.ok) {
        replaceTube(open.tubeId, answer.value.closedAt ? null : answer.value);
        return tell('ok', t('testingOffline.sent', { barcode: answer.value.barcode }));
      }
      replaceTube(open.tubeId, null);
      const reason = errorMessage(answer.error);
      setRescan({ barcode: open.barcode, reason, labels: dropped.map((d) => d.label) });
      tell('error', t('testingOffline.refused', { barcode: open.barcode, count: dropped.length }));
    },
    onHeld: (item) => setMessage({ tone: 'info', text: t('testingScans.queued', { label: item.label }) }),
  });

  const scan = (tube: TTube, what: Pick<QueuedScan, 'code' | 'residentId' | 'label'>) => {
    enqueue({
      clientKey: newClientKey(),
      roundId: round.id,
      tubeId: tube.id,
      sampledAt: new Date().toISOString(),
      ...what,
    });
  };
  const inQueue = (tubeId: string) => queue.filter((s) => !isQueuedOpen(s) && s.tubeId === tubeId).length;
  const scansWaiting = queue.filter((s) => !isQueuedOpen(s)).length;
  // a tube whose queued scans fill it is full for this phone already: ask for the next one
  const tube = lane.tube && lane.tube.samples + inQueue(lane.tube.id) < lane.tube.capacity ? lane.tube : null;
  const fullByQueue = lane.tube !== null && tube === null;

  useEffect(() => {
    if (fullByQueue) setMessage({ tone: 'info', text: t('testingScans.tubeFull') });
  }, [fullByQueue, t]);

  return (
    <>
      <LaneChoice rounds={rounds} lane={lane} onChange={setLane} locked={lane.tube !== null} />
      {queue.length > 0 && (
        <div className="scan-waiting" role="status">
          <span>
            {scansWaiting > 0
              ? t('testingScans.waiting', { count: scansWaiting })
              : t('testingOffline.openWaiting')}
          </span>
          <Button onClick={() => void flush()}>{t('testingScans.sendNow')}</Button>
        </div>
      )}
      {message && (
        <p
          className={`lane-message lane-message-${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="lane-message"
        >
          {message.text}
        </p>
      )}
      {rescan && <RescanNotice rescan={rescan} onDismiss={() => setRescan(null)} />}
      {tube && isProvisionalTube(tube.id) && (
        <p className="tube-pending" role="status" data-testid="tube-pending">
          {t('testingOffline.pending', { barcode: tube.barcode })}
        </p>
      )}
      {tube ? (
        <TubePanel
          communityId={communityId}
          roundId={round.id}
          timeZone={timeZone}
          tube={tube}
          inQueue={inQueue(tube.id)}
          closing={closeTube.isPending}
          onCode={(code) => {
            if (!code) return tell('error', t('testingScans.codeRequired'));
            scan(tube, { code, label: code });
          }}
          onResident={(r) => scan(tube, { residentId: r.id, label: r.name })}
          onClose={() => {
            // a tube the server has not heard of yet cannot be closed there: send it first
            if (isProvisionalTube(tube.id)) return tell('info', t('testingOffline.closeAfterSent'));
            closeTube.mutate(tube.id, {
              onSuccess: (closed) => {
                setLane({ ...lane, tube: null });
                tell('info', t('testingScans.tubeClosed', { barcode: closed.barcode }));
              },
              onError: (err) => tell('error', errorMessage(err)),
            });
          }}
        />
      ) : (
        <OpenTubeForm
          communityId={communityId}
          roundId={round.id}
          gateId={lane.gateId === 'home' ? null : lane.gateId}
          lane={lane.lane}
          onOpened={(opened) => {
            setLane({ ...lane, tube: opened });
            tell('ok', t('testingScans.tubeOpened', { barcode: opened.barcode }));
          }}
          onOffline={(barcode, clientKey) => {
            const gateId = lane.gateId === 'home' ? null : lane.gateId;
            const now = new Date();
            const taken = takeTubeOffline({ clientKey, round, barcode, gateId, lane: lane.lane, now });
            setLane({ ...lane, tube: taken.tube });
            enqueue(taken.open);
            tell('info', t('testingOffline.openedOffline', { barcode }));
          }}
          onError={(text) => tell('error', text)}
        />
      )}
    </>
  );
}

/** Round, gate (or door to door) and lane: set once per shift, fixed while a tube is open. */
function LaneChoice({
  rounds,
  lane,
  onChange,
  locked,
}: {
  rounds: TLaneSetup['rounds'];
  lane: LaneState;
  onChange: (next: LaneState) => void;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const round = rounds.find((r) => r.id === lane.roundId)!;
  return (
    <section className="panel lane-choice" aria-label={t('testingScans.round')}>
      {rounds.length > 1 && (
        <fieldset>
          <legend>{t('testingScans.round')}</legend>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            disabled={locked}
            value={lane.roundId}
            onChange={(e) => {
              const next = rounds.find((r) => r.id === e.target.value)!;
              onChange({ ...lane, roundId: next.id, gateId: next.gates[0]?.gateId ?? 'home', tube: null });
            }}
            options={rounds.map((r) => ({
              value: r.id,
              label: `${r.title}（${t(`testingScans.status.${r.status}`)}）`,
            }))}
          />
        </fieldset>
      )}
      {rounds.length === 1 && (
        <p className="lane-round">
          {round.title} · {t(`testingScans.status.${round.status}`)} ·{' '}
          {t('testingScans.pooling', { n: round.pooling })}
        </p>
      )}
      <fieldset>
        <legend>{t('testingScans.gate')}</legend>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="large"
          disabled={locked}
          value={lane.gateId}
          onChange={(e) => onChange({ ...lane, gateId: e.target.value })}
          options={[
            ...round.gates.map((g) => ({ value: g.gateId, label: g.name })),
            { value: 'home', label: t('testingScans.doorToDoor') },
          ]}
        />
      </fieldset>
      {lane.gateId !== 'home' && (
        <div className="lane-number">
          <label htmlFor="lane-number">{t('testingScans.lane')}</label>
          <InputNumber
            id="lane-number"
            size="large"
            min={1}
            max={50}
            disabled={locked}
            value={lane.lane}
            onChange={(v) => onChange({ ...lane, lane: v ?? 1 })}
          />
        </div>
      )}
    </section>
  );
}
