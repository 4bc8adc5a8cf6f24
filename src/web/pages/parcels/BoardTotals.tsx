import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TClearanceCounts } from '../../../shared/api/parcel-clearance.ts';
import { useNow } from '../../lib/useNow.ts';
import { outstanding, waitAge } from './board-format.ts';

/** The compound's figures: what is still to deliver, large, red until it is zero; then green. */
export function BoardTotals({ counts }: { counts: TClearanceCounts }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const clear = outstanding(counts) === 0;
  const figure = (key: keyof TClearanceCounts, label: string, alarm = false) => (
    <div className={alarm && (counts[key] as number) > 0 ? 'is-alarm' : undefined}>
      <dt>{label}</dt>
      <dd data-testid={`board-${key}`}>{counts[key] as number}</dd>
    </div>
  );
  return (
    <section className="board-hero" aria-label={t('parcelBoard.compound')}>
      {clear ? (
        <div className="board-clear" data-testid="board-clear">
          <CheckCircleFilled aria-hidden className="board-clear-icon" />
          <div>
            <p className="board-clear-title">{t('parcelBoard.allClear')}</p>
            <p className="board-clear-note">{t('parcelBoard.allClearNote')}</p>
          </div>
        </div>
      ) : (
        <dl className="board-open">
          <div className={counts.waiting > 0 ? 'is-waiting' : 'is-zero'}>
            <dt>{t('parcelBoard.waiting')}</dt>
            <dd data-testid="board-waiting">{counts.waiting}</dd>
            <dd className="board-open-hint">{t('parcelBoard.waitingHint')}</dd>
          </div>
          <div className={counts.onRun > 0 ? 'is-on-run' : 'is-zero'}>
            <dt>{t('parcelBoard.onRun')}</dt>
            <dd data-testid="board-onRun">{counts.onRun}</dd>
            <dd className="board-open-hint">{t('parcelBoard.onRunHint')}</dd>
          </div>
        </dl>
      )}
      <dl className="board-figures">
        {figure('received', t('parcelBoard.received'))}
        {figure('delivered', t('parcelBoard.delivered'))}
        {figure('pickedUp', t('parcelBoard.pickedUp'))}
        {figure('flagged', t('parcelBoard.flagged'), true)}
        {figure('carriedOver', t('parcelBoard.carriedOver'), true)}
        <div>
          <dt>{t('parcelBoard.oldest')}</dt>
          <dd data-testid="board-oldest" className="board-figure-text">
            {counts.oldestWaitingAt ? waitAge(t, counts.oldestWaitingAt, now) : t('parcelBoard.none')}
          </dd>
        </div>
      </dl>
    </section>
  );
}
