import { CameraOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DAYS_LEFT_CHOICES,
  type IntakeDraft,
  type Member,
  missingAnswers,
  type Payment,
  QUANTITY_CHOICES,
  type StepKey,
  stepsFor,
} from './written-conversation.ts';

/**
 * One large question card at a time. The resident reads it and points; whoever holds the phone
 * types what they point at or what the box says. The last card shows, large, what was understood.
 */
export function WrittenConversation({
  members,
  draft,
  onChange,
  photo,
  onPhoto,
  onDone,
  submitting,
}: {
  members: Member[];
  draft: IntakeDraft;
  onChange: (next: IntakeDraft) => void;
  photo: File | null;
  onPhoto: (file: File | null) => void;
  onDone: () => void;
  submitting: boolean;
}) {
  const { t } = useTranslation();
  const steps = stepsFor(members.length);
  const [at, setAt] = useState(0);
  const step = steps[at]!;
  const headingId = useId();
  const next = () => setAt((i) => Math.min(steps.length - 1, i + 1));
  const answer = (patch: Partial<IntakeDraft>) => {
    onChange({ ...draft, ...patch });
    next();
  };
  const missing = missingAnswers(draft, members.length);

  return (
    <section className="wc-card" aria-labelledby={headingId} data-testid={`wc-${step}`}>
      <p className="wc-progress">{t('medicineIntake.progress', { at: at + 1, of: steps.length })}</p>
      <h2 id={headingId} className="wc-question">
        {t(`medicineIntake.q.${step}`)}
      </h2>
      {step === 'who' && (
        <Choices
          options={members.map((m) => ({ key: m.id, label: m.name, chosen: draft.residentId === m.id }))}
          onPick={(id) => answer({ residentId: id })}
        />
      )}
      {step === 'drug' && (
        <DrugCard draft={draft} onChange={onChange} photo={photo} onPhoto={onPhoto} onNext={next} />
      )}
      {step === 'chronic' && (
        <Choices
          options={[
            { key: 'yes', label: t('medicineIntake.chronicYes'), chosen: draft.chronic === true },
            { key: 'no', label: t('medicineIntake.chronicNo'), chosen: draft.chronic === false },
          ]}
          onPick={(k) => answer({ chronic: k === 'yes' })}
        />
      )}
      {step === 'quantity' && (
        <TypedOrChosen
          choices={QUANTITY_CHOICES.map((q) => ({
            key: t(`medicineIntake.quantity.${q}`),
            label: t(`medicineIntake.quantity.${q}`),
          }))}
          value={draft.quantity}
          label={t('medicineIntake.typeQuantity')}
          onPick={(quantity) => answer({ quantity })}
          onNext={next}
        />
      )}
      {step === 'daysLeft' && (
        <Choices
          options={DAYS_LEFT_CHOICES.map((c) => ({
            key: c.key,
            label: t(`medicineIntake.days.${c.key}`),
            chosen: draft.supplyDaysLeft === c.days,
          }))}
          onPick={(k) => answer({ supplyDaysLeft: DAYS_LEFT_CHOICES.find((c) => c.key === k)!.days })}
        />
      )}
      {step === 'source' && (
        <TypedOrChosen
          choices={[{ key: '', label: t('medicineIntake.anySource') }]}
          value={draft.source ?? ''}
          label={t('medicineIntake.typeSource')}
          onPick={(source) => answer({ source: source || null })}
          onNext={next}
        />
      )}
      {step === 'payment' && (
        <Choices
          options={(['yes', 'no', 'on_delivery'] as Payment[]).map((p) => ({
            key: p,
            label: t(`medicineIntake.pay.${p}`),
            chosen: draft.payment === p,
          }))}
          onPick={(p) => answer({ payment: p as Payment })}
        />
      )}
      {step === 'confirm' && (
        <Understood
          draft={draft}
          members={members}
          photo={photo}
          missing={missing}
          onFix={(s) => setAt(steps.indexOf(s))}
        />
      )}
      <nav className="wc-nav" aria-label={t('medicineIntake.steps')}>
        {at > 0 && (
          <Button size="large" onClick={() => setAt(at - 1)}>
            {t('medicineIntake.back')}
          </Button>
        )}
        {step === 'confirm' ? (
          <Button
            size="large"
            type="primary"
            disabled={missing.length > 0}
            loading={submitting}
            onClick={onDone}
            data-testid="wc-send"
          >
            {t('medicineIntake.yesSend')}
          </Button>
        ) : (
          <Button size="large" onClick={next}>
            {t('medicineIntake.skip')}
          </Button>
        )}
      </nav>
    </section>
  );
}

function Choices({
  options,
  onPick,
}: {
  options: { key: string; label: string; chosen?: boolean }[];
  onPick: (key: string) => void;
}) {
  return (
    <div className="wc-choices">
      {options.map((o) => (
        <button
          key={o.key}
          type="button"
          className={`wc-choice${o.chosen ? ' wc-chosen' : ''}`}
          aria-pressed={o.chosen ?? false}
          onClick={() => onPick(o.key)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

function TypedOrChosen({
  choices,
  value,
  label,
  onPick,
  onNext,
}: {
  choices: { key: string; label: string }[];
  value: string;
  label: string;
  onPick: (value: string) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value);
  const id = useId();
  return (
    <>
      <Choices
        options={choices.map((c) => ({ ...c, chosen: value !== '' && c.key === value }))}
        onPick={onPick}
      />
      <form
        className="wc-typed"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) onPick(typed.trim());
          else onNext();
        }}
      >
        <label htmlFor={id}>{label}</label>
        <Input
          id={id}
          size="large"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          maxLength={120}
        />
        <Button size="large" type="primary" htmlType="submit">
          {t('medicineIntake.ok')}
        </Button>
      </form>
    </>
  );
}

function DrugCard({
  draft,
  onChange,
  photo,
  onPhoto,
  onNext,
}: {
  draft: IntakeDraft;
  onChange: (next: IntakeDraft) => void;
  photo: File | null;
  onPhoto: (file: File | null) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  return (
    <>
      <p className="wc-hint">{t('medicineIntake.drugHint')}</p>
      <input
        ref={file}
        className="wc-file"
        type="file"
        accept="image/*"
        capture="environment"
        aria-label={t('medicineIntake.photoBox')}
        onChange={(e) => onPhoto(e.target.files?.[0] ?? null)}
      />
      <Button size="large" icon={<CameraOutlined aria-hidden />} onClick={() => file.current?.click()}>
        {photo ? t('medicineIntake.photoTaken', { name: photo.name }) : t('medicineIntake.photoBox')}
      </Button>
      <form
        className="wc-typed"
        onSubmit={(e) => {
          e.preventDefault();
          onNext();
        }}
      >
        <label htmlFor={id}>{t('medicineIntake.typeDrug')}</label>
        <Input
          id={id}
          size="large"
          value={draft.drugName}
          maxLength={120}
          onChange={(e) => onChange({ ...draft, drugName: e.target.value })}
        />
        <Button size="large" type="primary" htmlType="submit" disabled={!draft.drugName.trim()}>
          {t('medicineIntake.ok')}
        </Button>
      </form>
    </>
  );
}

/** What was understood, large, line by line, each with a way back to its card. */
function Understood({
  draft,
  members,
  photo,
  missing,
  onFix,
}: {
  draft: IntakeDraft;
  members: Member[];
  photo: File | null;
  missing: StepKey[];
  onFix: (step: StepKey) => void;
}) {
  const { t } = useTranslation();
  const none = t('medicineIntake.notSaid');
  const days = DAYS_LEFT_CHOICES.find((c) => c.days === draft.supplyDaysLeft);
  const lines: { step: StepKey; label: string; value: string }[] = [
    ...(members.length > 1
      ? [
          {
            step: 'who' as const,
            label: t('medicineIntake.a.who'),
            value: members.find((m) => m.id === draft.residentId)?.name ?? none,
          },
        ]
      : []),
    { step: 'drug', label: t('medicineIntake.a.drug'), value: draft.drugName || none },
    {
      step: 'chronic',
      label: t('medicineIntake.a.chronic'),
      value:
        draft.chronic === null
          ? none
          : t(draft.chronic ? 'medicineIntake.chronicYes' : 'medicineIntake.chronicNo'),
    },
    { step: 'quantity', label: t('medicineIntake.a.quantity'), value: draft.quantity || none },
    {
      step: 'daysLeft',
      label: t('medicineIntake.a.daysLeft'),
      value: days ? t(`medicineIntake.days.${days.key}`) : none,
    },
    {
      step: 'source',
      label: t('medicineIntake.a.source'),
      value: draft.source === undefined ? none : (draft.source ?? t('medicineIntake.anySource')),
    },
    {
      step: 'payment',
      label: t('medicineIntake.a.payment'),
      value: draft.payment ? t(`medicineIntake.pay.${draft.payment}`) : none,
    },
  ];
  return (
    <>
      <dl className="wc-understood" data-testid="wc-understood">
        {lines.map((l) => (
          <div key={l.step} className={missing.includes(l.step) ? 'wc-missing' : undefined}>
            <dt>{l.label}</dt>
            <dd>
              <span>{l.value}</span>
              <Button onClick={() => onFix(l.step)}>{t('medicineIntake.change')}</Button>
            </dd>
          </div>
        ))}
        {photo && (
          <div>
            <dt>{t('medicineIntake.a.photo')}</dt>
            <dd>
              <span>{photo.name}</span>
            </dd>
          </div>
        )}
      </dl>
      {missing.length > 0 && <p className="wc-still">{t('medicineIntake.stillNeeded')}</p>}
    </>
  );
}
