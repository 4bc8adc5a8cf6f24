import { LeftOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TRoundSimulationResult } from '../../../shared/api/round-simulation.ts';
import type { TRoundSimulationDraft } from '../../../shared/api/testing-report.ts';
import { simulateRound, useSimulationDraft } from '../../api/testing-report.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { Stepper } from './Stepper.tsx';
import { canManageTesting } from './testing-access.ts';
import { LowerBound, PolicyCard } from './WhatIfResults.tsx';
import {
  changeTotal,
  inputFor,
  moveLane,
  POLICIES,
  type RoundPolicy,
  settingsFrom,
  totalLanes,
  type WhatIfSettings,
} from './whatif-settings.ts';
import '../../styles/testing-rounds.css';
import '../../styles/testing-whatif.css';

/** /testing/what-if: a leader tries lanes, gates and policies on the real compound before a round. */
export function WhatIfPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('testingWhatIf.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canManageTesting(membership.roles)) return <Forbidden />;
  return <WhatIf key={membership.communityId} communityId={membership.communityId} />;
}

function WhatIf({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const draft = useSimulationDraft(communityId);
  if (draft.error) {
    const noSite = (draft.error as { code?: string }).code === 'ROUND_SIMULATION_NO_SITE';
    if (noSite) return <Alert type="info" showIcon title={t('testingWhatIf.noSite')} />;
    return <LoadError error={draft.error} onRetry={() => void draft.refetch()} />;
  }
  if (!draft.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <Simulator communityId={communityId} draft={draft.data} />;
}

type Results = Record<RoundPolicy, TRoundSimulationResult>;

function Simulator({ communityId, draft }: { communityId: string; draft: TRoundSimulationDraft }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<WhatIfSettings>(() => settingsFrom(draft.input));
  const [ranWith, setRanWith] = useState<string | null>(null);
  const gateName = (key: string) => draft.gates.find((g) => g.key === key)?.name ?? key;
  const residentsAt = Object.fromEntries(draft.gates.map((g) => [g.key, g.residents]));
  const compare = useMutation({
    mutationFn: async (chosen: WhatIfSettings): Promise<Results> => {
      const runs = await Promise.all(
        POLICIES.map((policy) => simulateRound(communityId, inputFor(draft.input, chosen, policy))),
      );
      return Object.fromEntries(POLICIES.map((p, i) => [p, runs[i]!])) as Results;
    },
    onSuccess: (_, chosen) => setRanWith(JSON.stringify(chosen)),
  });
  const set = (patch: Partial<WhatIfSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const lanes = totalLanes(settings.split);
  const stale = compare.data && ranWith !== JSON.stringify(settings);
  const fastest = compare.data
    ? POLICIES.reduce((best, p) =>
        compare.data[p].makespanSeconds < compare.data[best].makespanSeconds ? p : best,
      )
    : null;

  return (
    <div className="page testing-page whatif-page">
      <Link to="/testing" className="testing-back">
        <LeftOutlined aria-hidden /> {t('testingRounds.back')}
      </Link>
      <h1 className="page-title">{t('testingWhatIf.title')}</h1>
      <p>
        {t('testingWhatIf.intro', {
          residents: draft.residents,
          gates: draft.gates
            .map((g) => t('testingWhatIf.gateResidents', { gate: g.name, n: g.residents }))
            .join('，'),
        })}
      </p>
      <section className="panel testing-form" aria-labelledby="whatif-settings">
        <h2 id="whatif-settings">{t('testingWhatIf.settings')}</h2>
        <Stepper
          label={t('testingWhatIf.lanes')}
          value={lanes}
          min={Object.keys(settings.split).length}
          max={50}
          testId="whatif-lanes"
          onChange={(n) => set({ split: changeTotal(settings.split, residentsAt, n > lanes ? 1 : -1) })}
        />
        {Object.keys(settings.split).map((gate) => (
          <Stepper
            key={gate}
            label={t('testingWhatIf.gateLanes', { gate: gateName(gate) })}
            value={settings.split[gate]!}
            min={1}
            max={lanes - 1}
            testId={`whatif-gate-${gate}`}
            onChange={(n) =>
              set({ split: moveLane(settings.split, gate, n > settings.split[gate]! ? 1 : -1) })
            }
          />
        ))}
        <Stepper
          label={t('testingWhatIf.crowdLimit')}
          value={settings.crowdLimit}
          min={10}
          max={500}
          step={10}
          onChange={(crowdLimit) => set({ crowdLimit })}
        />
        <Stepper
          label={t('testingWhatIf.callInterval')}
          value={settings.callIntervalSeconds}
          min={0}
          max={900}
          step={30}
          onChange={(callIntervalSeconds) => set({ callIntervalSeconds })}
        />
        <Stepper
          label={t('testingWhatIf.serviceMean')}
          value={settings.serviceMeanSeconds}
          min={3}
          max={60}
          onChange={(serviceMeanSeconds) => set({ serviceMeanSeconds })}
        />
        <Button
          type="primary"
          size="large"
          block
          className="testing-big-button"
          loading={compare.isPending}
          onClick={() => compare.mutate(settings)}
        >
          {t('testingWhatIf.run')}
        </Button>
      </section>
      {compare.error && <LoadError error={compare.error} onRetry={() => compare.mutate(settings)} />}
      {stale && <Alert type="warning" showIcon title={t('testingWhatIf.stale')} />}
      {compare.data && (
        <section className="whatif-results" aria-live="polite">
          <LowerBound seconds={compare.data.planned.lowerBoundSeconds} />
          <div className="whatif-cards">
            {POLICIES.map((policy) => (
              <PolicyCard
                key={policy}
                policy={policy}
                result={compare.data[policy]}
                crowdLimit={compare.variables?.crowdLimit ?? settings.crowdLimit}
                gateName={gateName}
                fastest={policy === fastest}
              />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
