import { Alert, App, Button, Drawer, Input, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEFTOVER_REASON_CHOICES, type TOutstandingParcel } from '../../../shared/api/parcel-clearance.ts';
import { errorMessage } from '../../api/client.ts';
import { useCloseParcelDay, useDayLeftovers } from '../../api/parcel-clearance.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';
import { isReasonChoice } from './board-format.ts';
import '../../styles/parcel-close-day.css';

const OTHER = 'other';
/** Parcels listed at a time: a bad day leaves hundreds, most answered at once by "same reason for all". */
const PAGE = 40;
/** A parcel's answer: one of the choices, or 'other' with the text typed. */
interface Answer {
  choice: string;
  text: string;
}

/** What was said when an earlier day was closed, offered again for a parcel carried over. */
function earlierAnswer(p: TOutstandingParcel): Answer | undefined {
  if (!p.leftOverReason) return undefined;
  return isReasonChoice(p.leftOverReason)
    ? { choice: p.leftOverReason, text: '' }
    : { choice: OTHER, text: p.leftOverReason };
}

const reasonOf = (a: Answer | undefined) => (!a ? '' : a.choice === OTHER ? a.text.trim() : a.choice);

/**
 * The close of a day: every parcel not yet at its building needs a reason (a choice or typed), then
 * the day closes in one request. A parcel recorded meanwhile makes the server refuse with 409; the
 * list is fetched again and the new parcel asks for its reason too.
 */
export function CloseDayDrawer({
  communityId,
  day,
  onClose,
}: {
  communityId: string;
  day: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const desktop = useIsDesktop();
  const leftovers = useDayLeftovers(communityId, day, true);
  const close = useCloseParcelDay(communityId);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [shown, setShown] = useState(PAGE);
  const parcels = leftovers.data?.parcels ?? [];
  const answerOf = (p: TOutstandingParcel) => answers[p.id] ?? earlierAnswer(p);
  const missing = parcels.filter((p) => !reasonOf(answerOf(p))).length;
  const choices = [
    ...LEFTOVER_REASON_CHOICES.map((key) => ({ value: key, label: t(`parcelBoard.reasonChoice.${key}`) })),
    { value: OTHER, label: t('parcelBoard.reasonOther') },
  ];
  const answer = (id: string, change: Partial<Answer>) =>
    setAnswers((all) => {
      const before = all[id] ?? earlierAnswer(parcels.find((p) => p.id === id)!) ?? { choice: '', text: '' };
      return { ...all, [id]: { ...before, ...change } };
    });
  const sameForAll = (choice: string) =>
    setAnswers(Object.fromEntries(parcels.map((p) => [p.id, { choice, text: answerOf(p)?.text ?? '' }])));

  const submit = () =>
    close.mutate(
      { day, reasons: parcels.map((p) => ({ parcelId: p.id, reason: reasonOf(answerOf(p)) })) },
      {
        onSuccess: () => {
          void message.success(t('parcelBoard.closedOk', { day }));
          onClose();
        },
      },
    );

  return (
    <Drawer open onClose={onClose} title={t('parcelBoard.closeTitle', { day })} size={desktop ? 560 : '100%'}>
      {leftovers.error ? (
        <LoadError error={leftovers.error} onRetry={() => void leftovers.refetch()} />
      ) : leftovers.isPending ? (
        <Skeleton active />
      ) : (
        <div className="close-day">
          <p className="close-day-intro">
            {parcels.length === 0
              ? t('parcelBoard.closeNothingLeft')
              : t('parcelBoard.closeIntro', { count: parcels.length })}
          </p>
          {parcels.length > 1 && (
            <fieldset className="close-day-all">
              <legend>{t('parcelBoard.sameForAll')}</legend>
              <Radio.Group
                optionType="button"
                options={choices}
                onChange={(e) => sameForAll(e.target.value as string)}
              />
            </fieldset>
          )}
          <ol className="close-day-list">
            {parcels.slice(0, shown).map((p) => (
              <LeftoverItem
                key={p.id}
                parcel={p}
                answer={answerOf(p)}
                choices={choices}
                onAnswer={(change) => answer(p.id, change)}
              />
            ))}
          </ol>
          {parcels.length > shown && (
            <Button size="large" block className="close-day-more" onClick={() => setShown((n) => n + PAGE)}>
              {t('parcelBoard.showMoreLeftovers', { count: parcels.length - shown })}
            </Button>
          )}
          {close.error ? (
            <Alert type="error" showIcon role="alert" title={errorMessage(close.error)} />
          ) : null}
          {missing > 0 && (
            <p className="close-day-missing" aria-live="polite">
              {t('parcelBoard.missingReasons', { count: missing })}
            </p>
          )}
          <Button
            type="primary"
            size="large"
            className="big-button"
            block
            disabled={missing > 0}
            loading={close.isPending}
            onClick={submit}
          >
            {close.isPending ? t('parcelBoard.closing') : t('parcelBoard.confirmClose')}
          </Button>
        </div>
      )}
    </Drawer>
  );
}

function LeftoverItem({
  parcel: p,
  answer,
  choices,
  onAnswer,
}: {
  parcel: TOutstandingParcel;
  answer: Answer | undefined;
  choices: { value: string; label: string }[];
  onAnswer: (change: Partial<Answer>) => void;
}) {
  const { t } = useTranslation();
  const where = p.buildingCode
    ? t('parcelBoard.building', { code: p.buildingCode })
    : t('parcelBoard.unassigned');
  const label = [where, p.room, p.waybill ?? t('parcelBoard.noWaybill')].filter(Boolean).join(' · ');
  return (
    <li className="close-day-item" data-testid="leftover-parcel">
      <p className="close-day-parcel">
        <strong>{label}</strong>
        <span>
          {p.status === 'on_run' ? t('parcelBoard.statusOnRun') : t('parcelBoard.statusWaiting')}
          {' · '}
          {t('parcelBoard.receivedOn', { day: p.day })}
        </span>
      </p>
      <Radio.Group
        aria-label={t('parcelBoard.reasonFor', { parcel: label })}
        optionType="button"
        className="close-day-choices"
        options={choices}
        value={answer?.choice}
        onChange={(e) => onAnswer({ choice: e.target.value as string })}
      />
      {answer?.choice === OTHER && (
        <Input
          aria-label={t('parcelBoard.reasonFor', { parcel: label })}
          placeholder={t('parcelBoard.otherPlaceholder')}
          maxLength={200}
          value={answer.text}
          onChange={(e) => onAnswer({ text: e.target.value })}
        />
      )}
    </li>
  );
}
