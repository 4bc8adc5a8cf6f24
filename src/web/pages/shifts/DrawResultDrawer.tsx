import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Drawer, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TDrawLine, TShiftDraw } from '../../../shared/api/shift-draws.ts';
import type { TShift } from '../../../shared/api/shifts.ts';
import { errorMessage } from '../../api/client.ts';
import { useRunShiftDraw, useShiftDraw } from '../../api/shift-draws.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { formatMoment, windowState } from '../../lib/shift-time.ts';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';
import { useRoleName } from './ShiftLines.tsx';
import { useDayWords } from './ShiftWhen.tsx';
import { useShiftNames } from './useShiftNames.ts';

interface Props {
  communityId: string;
  shift: TShift;
  timeZone: string;
  now: number;
  canManage: boolean;
  onClose: () => void;
}

/** "See the draw": the rule in plain words, then the seed, the check, and the ranked list per role. */
export function DrawResultDrawer({ communityId, shift, timeZone, now, canManage, onClose }: Props) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const title = useShiftNames(communityId)(shift).title;
  const draw = useShiftDraw(communityId, shift.id, true);
  return (
    <Drawer open onClose={onClose} title={t('draw.title', { title })} size={desktop ? 560 : '100%'}>
      <section className="draw-view" aria-label={t('draw.ruleTitle')}>
        <h3>{t('draw.ruleTitle')}</h3>
        <p>{t('draw.ruleLong')}</p>
      </section>
      {draw.isPending ? (
        <Skeleton active />
      ) : draw.error ? (
        <LoadError error={draw.error} onRetry={() => void draw.refetch()} />
      ) : draw.data.status === 'pending' ? (
        <Pending communityId={communityId} draw={draw.data} shift={shift} {...{ timeZone, now, canManage }} />
      ) : (
        <Drawn draw={draw.data} roleCount={shift.roles.length} timeZone={timeZone} now={now} />
      )}
      {/* At the foot of a long list a thumb finds it; and the scrolling body gets a keyboard stop. */}
      <Button size="large" block onClick={onClose}>
        {t('draw.close')}
      </Button>
    </Drawer>
  );
}

interface PendingProps {
  communityId: string;
  draw: TShiftDraw;
  shift: TShift;
  timeZone: string;
  now: number;
  canManage: boolean;
}

function Pending({ communityId, draw, shift, timeZone, now, canManage }: PendingProps) {
  const { t } = useTranslation();
  const words = useDayWords();
  const run = useRunShiftDraw(communityId, shift.id);
  const time = formatMoment(draw.drawAt, timeZone, currentLocale(), now, words);
  // The server draws within seconds of the close; a leader can still press for it.
  const closed = windowState(shift, now) !== 'open' && windowState(shift, now) !== 'not_open';
  return (
    <section className="draw-view">
      <p className="draw-pending">{t('draw.pending', { time, count: draw.requests })}</p>
      {closed && canManage && (
        <Button type="primary" size="large" loading={run.isPending} onClick={() => run.mutate()}>
          {t('draw.drawNow')}
        </Button>
      )}
      {run.error && <Alert type="error" showIcon role="alert" title={errorMessage(run.error)} />}
    </section>
  );
}

function Drawn({
  draw,
  roleCount,
  timeZone,
  now,
}: {
  draw: TShiftDraw;
  roleCount: number;
  timeZone: string;
  now: number;
}) {
  const { t } = useTranslation();
  const words = useDayWords();
  const roleName = useRoleName(roleCount);
  return (
    <section className="draw-view">
      <dl className="draw-facts">
        <dt>{t('draw.drawnAt')}</dt>
        <dd>{formatMoment(draw.drawnAt!, timeZone, currentLocale(), now, words)}</dd>
        <dt>{t('draw.seed')}</dt>
        <dd>
          <code className="draw-seed" data-testid="draw-seed">
            {draw.seed}
          </code>
        </dd>
      </dl>
      {/* The theme's derived success green is a muddy grey-green; the badge palette reads better. */}
      <p
        className={draw.reproducible ? 'draw-check draw-check-ok' : 'draw-check draw-check-bad'}
        role="status"
      >
        {draw.reproducible ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}{' '}
        {draw.reproducible ? t('draw.verified') : t('draw.notVerified')}
      </p>
      {!draw.namesShown && <p className="muted">{t('draw.namesHidden')}</p>}
      {draw.requests === 0 && <p>{t('draw.noEntrants')}</p>}
      {draw.roles.map((r) => {
        const name = roleName(r.role);
        const lines = draw.results.filter((l) => l.role === r.role);
        const heading = name
          ? t('draw.roleResults', { role: name, places: r.places, count: r.requests })
          : t('draw.placesOf', { places: r.places, count: r.requests });
        return (
          <div key={r.role} className="draw-role">
            <h3>{heading}</h3>
            <ol className="draw-list" data-testid="draw-list">
              {lines.map((line) => (
                <DrawLine key={`${line.role}-${line.rank}`} line={line} />
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}

/** One entrant: rank, who (a name, or "you", or just the rank), hours, and what the draw gave. */
function DrawLine({ line }: { line: TDrawLine }) {
  const { t } = useTranslation();
  const who = line.name ?? (line.mine ? t('draw.you') : t('draw.anonymous'));
  return (
    <li className={line.mine ? 'draw-line draw-line-mine' : 'draw-line'} data-testid="draw-line">
      <span className="draw-rank">{line.rank}</span>
      <span className="draw-who">
        {who}
        {line.name && line.mine ? t('draw.youSuffix') : ''}
      </span>
      <span className="draw-hours">{t('draw.hours', { hours: line.hours })}</span>
      {line.outcome === 'confirmed' ? (
        <span className="badge badge-green">{t('draw.outcomeWon')}</span>
      ) : (
        <span className="badge badge-orange">{t('draw.outcomeWaitlist', { position: line.position })}</span>
      )}
    </li>
  );
}
