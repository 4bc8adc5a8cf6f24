import { App, Button, Input, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCommunityPlace } from '../../../shared/api/street.ts';
import { ZReportTime } from '../../../shared/api/street.ts';
import { errorMessage } from '../../api/client.ts';
import { useCommunityPlace, useSetCommunityPlace } from '../../api/street.ts';

/**
 * Where the compound is on the street's map and when its day report is made: the coordinator's
 * settings, kept with the reports they drive.
 */
export function CommunityPlaceSetting({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const place = useCommunityPlace(communityId);
  const save = useSetCommunityPlace(communityId);
  const [draft, setDraft] = useState<TCommunityPlace | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (place.data) setDraft(place.data);
  }, [place.data]);
  if (!draft) return null;
  const set = (change: Partial<TCommunityPlace>) => setDraft({ ...draft, ...change });
  return (
    <section className="panel dr-place" aria-labelledby="report-place-heading">
      <h2 id="report-place-heading">{t('reports.place.title')}</h2>
      <p className="muted">{t('reports.place.hint')}</p>
      <form
        className="dr-place-form"
        onSubmit={(event) => {
          event.preventDefault();
          if ((draft.latitude === null) !== (draft.longitude === null))
            return setProblem(t('reports.place.both'));
          if (!ZReportTime.safeParse(draft.dailyReportTime).success)
            return setProblem(t('reports.place.timeFormat'));
          setProblem(null);
          save.mutate(draft, {
            onSuccess: () => void message.success(t('reports.place.saved')),
            onError: (err) => void message.error(errorMessage(err)),
          });
        }}
      >
        <label htmlFor="place-time">{t('reports.place.reportTime')}</label>
        <Input
          id="place-time"
          size="large"
          inputMode="numeric"
          maxLength={5}
          value={draft.dailyReportTime}
          onChange={(e) => set({ dailyReportTime: e.target.value.trim() })}
        />
        <label htmlFor="place-street">{t('reports.place.street')}</label>
        <Input
          id="place-street"
          size="large"
          maxLength={60}
          value={draft.street ?? ''}
          onChange={(e) => set({ street: e.target.value.trim() === '' ? null : e.target.value })}
        />
        <label htmlFor="place-latitude">{t('reports.place.latitude')}</label>
        <InputNumber
          id="place-latitude"
          size="large"
          min={-90}
          max={90}
          step={0.0001}
          inputMode="decimal"
          value={draft.latitude}
          onChange={(value) => set({ latitude: value ?? null })}
        />
        <label htmlFor="place-longitude">{t('reports.place.longitude')}</label>
        <InputNumber
          id="place-longitude"
          size="large"
          min={-180}
          max={180}
          step={0.0001}
          inputMode="decimal"
          value={draft.longitude}
          onChange={(value) => set({ longitude: value ?? null })}
        />
        {problem && (
          <p role="alert" className="dr-place-problem">
            {problem}
          </p>
        )}
        <Button size="large" type="primary" htmlType="submit" loading={save.isPending}>
          {t('reports.place.save')}
        </Button>
      </form>
    </section>
  );
}
