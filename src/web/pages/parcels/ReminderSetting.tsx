import { App, Button, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { useParcelSettings, useSetParcelSettings } from '../../api/parcel-clearance.ts';

/**
 * When uncollected parcels are flagged and their households told again: shown to everyone on the
 * board, changed by the parcels leader or a coordinator (in hours, as people say it).
 */
export function ReminderSetting({ communityId, canChange }: { communityId: string; canChange: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useParcelSettings(communityId);
  const save = useSetParcelSettings(communityId);
  const [hours, setHours] = useState<number | null>(null);
  if (!settings.data) return null;
  const current = settings.data.reminderMinutes / 60;
  return (
    <section className="panel reminder-setting" aria-labelledby="reminder-heading">
      <h2 id="reminder-heading">{t('parcelBoard.reminder.title')}</h2>
      <p data-testid="reminder-now">{t('parcelBoard.reminder.now', { hours: current })}</p>
      {canChange && (
        <form
          className="reminder-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (hours === null) return;
            save.mutate(
              { reminderMinutes: Math.round(hours * 60) },
              {
                onSuccess: () => {
                  setHours(null);
                  void message.success(t('parcelBoard.reminder.saved'));
                },
                onError: (err) => void message.error(errorMessage(err)),
              },
            );
          }}
        >
          <label htmlFor="reminder-hours">{t('parcelBoard.reminder.label')}</label>
          <InputNumber
            id="reminder-hours"
            size="large"
            min={0.5}
            max={48}
            step={0.5}
            inputMode="decimal"
            value={hours ?? current}
            onChange={(value) => setHours(value)}
          />
          <Button size="large" htmlType="submit" loading={save.isPending} disabled={hours === null}>
            {t('parcelBoard.reminder.save')}
          </Button>
        </form>
      )}
    </section>
  );
}
