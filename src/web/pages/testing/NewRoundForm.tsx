import { Alert, Button, Collapse, Input, InputNumber, Radio, Select } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSitePlan } from '../../../shared/api/registry.ts';
import {
  DEFAULT_ASSUMPTIONS,
  TESTING_POOLINGS,
  type TRoundAssumptions,
  type TTestingRound,
} from '../../../shared/api/testing-rounds.ts';
import { errorMessage } from '../../api/client.ts';
import { useCreateTestingRound, useTestingShifts } from '../../api/testing-rounds.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime, wallClock } from '../../lib/time.ts';
import { Stepper } from './Stepper.tsx';

interface GateSetting {
  lanes: number;
  crowdLimit: number;
}

/** Lanes dealt to the gates as evenly as they go, the first gates taking the odd ones. */
const evenSplit = (lanes: number, gates: number) =>
  Array.from({ length: gates }, (_, i) => Math.floor(lanes / gates) + (i < lanes % gates ? 1 : 0));

export function NewRoundForm({
  communityId,
  timeZone,
  site,
  onCreated,
}: {
  communityId: string;
  timeZone: string;
  site: TSitePlan;
  onCreated: (round: TTestingRound) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const ids = useId();
  const today = wallClock(new Date(), timeZone).day;
  const [title, setTitle] = useState('');
  const [day, setDay] = useState(today);
  const [startTime, setStartTime] = useState('07:00');
  const [pooling, setPooling] = useState<number>(10);
  const split = evenSplit(6, site.gates.length);
  const [gates, setGates] = useState<Record<string, GateSetting>>(() =>
    Object.fromEntries(site.gates.map((g, i) => [g.id, { lanes: split[i] ?? 0, crowdLimit: 60 }])),
  );
  const [zoneGates, setZoneGates] = useState<Record<string, string>>(() =>
    Object.fromEntries(site.zones.flatMap((z) => (z.gateId ? [[z.id, z.gateId]] : []))),
  );
  const [shiftId, setShiftId] = useState<string | null>(null);
  const [assumptions, setAssumptions] = useState<TRoundAssumptions>({ ...DEFAULT_ASSUMPTIONS });
  // from the start of this hour, so the query key stays put while the form is open
  const from = useMemo(() => `${new Date().toISOString().slice(0, 13)}:00:00Z`, []);
  const shifts = useTestingShifts(communityId, from);
  const create = useCreateTestingRound(communityId);
  const lanes = Object.values(gates).reduce((sum, g) => sum + g.lanes, 0);
  const setGate = (gateId: string, change: Partial<GateSetting>) =>
    setGates((all) => ({ ...all, [gateId]: { ...all[gateId]!, ...change } }));

  const submit = () =>
    create.mutate(
      {
        title: title.trim() || t('testingRounds.defaultTitle', { day }),
        day,
        startTime,
        lanes,
        pooling: pooling as 1 | 5 | 10 | 20,
        gates: site.gates.map((g) => ({ gateId: g.id, ...gates[g.id]! })),
        zones: site.zones.flatMap((z) =>
          zoneGates[z.id] && zoneGates[z.id] !== z.gateId ? [{ zoneId: z.id, gateId: zoneGates[z.id]! }] : [],
        ),
        shiftId,
        assumptions,
      },
      { onSuccess: onCreated },
    );

  return (
    <form
      className="panel testing-form"
      aria-labelledby="new-round-heading"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="new-round-heading">{t('testingRounds.newRound')}</h2>
      {create.error && (
        <Alert className="form-alert" type="error" showIcon role="alert" title={errorMessage(create.error)} />
      )}
      <div className="testing-field">
        <label htmlFor={`${ids}-title`}>{t('testingRounds.roundTitle')}</label>
        <Input
          id={`${ids}-title`}
          size="large"
          value={title}
          maxLength={80}
          placeholder={t('testingRounds.roundTitlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="testing-when">
        <div className="testing-field">
          <label htmlFor={`${ids}-day`}>{t('testingRounds.day')}</label>
          <Input
            id={`${ids}-day`}
            type="date"
            size="large"
            value={day}
            onChange={(e) => e.target.value && setDay(e.target.value)}
          />
        </div>
        <div className="testing-field">
          <label htmlFor={`${ids}-time`}>{t('testingRounds.startTime')}</label>
          <Input
            id={`${ids}-time`}
            type="time"
            size="large"
            value={startTime}
            onChange={(e) => e.target.value && setStartTime(e.target.value)}
          />
        </div>
      </div>
      <fieldset className="testing-fieldset">
        <legend>{t('testingRounds.pooling')}</legend>
        <Radio.Group
          size="large"
          optionType="button"
          buttonStyle="solid"
          value={pooling}
          onChange={(e) => setPooling(e.target.value)}
          options={TESTING_POOLINGS.map((n) => ({
            value: n,
            label: n === 1 ? t('testingRounds.single') : t('testingRounds.poolingOption', { n }),
          }))}
        />
      </fieldset>
      <fieldset className="testing-fieldset">
        <legend>{t('testingRounds.gates')}</legend>
        {site.gates.map((g) => (
          <div key={g.id} className="testing-gate">
            <Stepper
              label={t('testingRounds.gateLanes', { gate: g.name })}
              value={gates[g.id]!.lanes}
              min={0}
              max={50}
              onChange={(n) => setGate(g.id, { lanes: n })}
              testId={`gate-lanes-${g.code}`}
            />
            <Stepper
              label={t('testingRounds.crowdLimit', { gate: g.name })}
              value={gates[g.id]!.crowdLimit}
              min={10}
              max={2000}
              step={10}
              onChange={(n) => setGate(g.id, { crowdLimit: n })}
            />
          </div>
        ))}
        <p className={lanes > 0 && lanes <= 50 ? 'testing-lane-sum' : 'testing-lane-sum testing-warn'}>
          {t('testingRounds.lanes')}: {lanes} · {t('testingRounds.lanesHint')}
        </p>
      </fieldset>
      {site.zones.length > 0 && site.gates.length > 1 && (
        <fieldset className="testing-fieldset">
          <legend>{t('testingRounds.zones')}</legend>
          {site.zones.map((z) => (
            <div key={z.id} className="testing-zone">
              <span className="testing-zone-name">{z.name}</span>
              <Radio.Group
                size="large"
                optionType="button"
                value={zoneGates[z.id]}
                aria-label={z.name}
                onChange={(e) => setZoneGates((all) => ({ ...all, [z.id]: e.target.value }))}
                options={site.gates.map((g) => ({ value: g.id, label: g.name }))}
              />
            </div>
          ))}
        </fieldset>
      )}
      <div className="testing-field">
        <label htmlFor={`${ids}-shift`}>{t('testingRounds.shift')}</label>
        <Select
          id={`${ids}-shift`}
          size="large"
          value={shiftId ?? ''}
          onChange={(v) => setShiftId(v || null)}
          loading={shifts.isPending}
          options={[
            { value: '', label: t('testingRounds.noShift') },
            ...(shifts.data ?? []).map((s) => ({
              value: s.id,
              label: `${formatDateTime(s.startsAt, timeZone, locale)} ${s.title}`,
            })),
          ]}
        />
      </div>
      <Collapse
        size="large"
        items={[
          {
            key: 'assumptions',
            label: t('testingRounds.assumptions'),
            children: (
              <div className="testing-assumptions">
                {(
                  [
                    ['serviceMeanSeconds', 'serviceMean', 3, 600, 0.1],
                    ['serviceSdSeconds', 'serviceSd', 0, 600, 0.1],
                    ['switchSeconds', 'switchSeconds', 0, 3600, 1],
                    ['callIntervalSeconds', 'callInterval', 0, 3600, 1],
                  ] as const
                ).map(([key, label, min, max, step]) => (
                  <div key={key} className="testing-field">
                    <label htmlFor={`${ids}-${key}`}>{t(`testingRounds.${label}`)}</label>
                    <InputNumber
                      id={`${ids}-${key}`}
                      size="large"
                      min={min}
                      max={max}
                      step={step}
                      value={assumptions[key]}
                      onChange={(v) => v !== null && setAssumptions((a) => ({ ...a, [key]: v }))}
                    />
                  </div>
                ))}
              </div>
            ),
          },
        ]}
      />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        className="testing-big-button"
        loading={create.isPending}
        disabled={lanes < 1 || lanes > 50}
      >
        {t('testingRounds.create')}
      </Button>
    </form>
  );
}
