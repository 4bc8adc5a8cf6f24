import { DownOutlined } from '@ant-design/icons';
import { Alert, App, Button, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MEDICINE_DEADLINE_MAX_HOURS,
  MEDICINE_DEADLINE_MIN_HOURS,
  type TMedicineSettings,
} from '../../../shared/api/medicine-settings.ts';
import { errorMessage, fieldErrors } from '../../api/client.ts';
import { useMedicineSettings, useSetMedicineSettings } from '../../api/medicine-settings.ts';
import '../../styles/medicine-settings.css';

const URGENCIES = ['critical', 'high', 'normal'] as const;
const FIELDS = ['criticalHours', 'highHours', 'normalHours'] as const;
type Draft = Record<(typeof FIELDS)[number], number | null>;

/**
 * The deadline of each urgency, on the queue of those who may change it (medicine leaders,
 * coordinators, staff). Folded away by default: it is set once and rarely touched, and the queue
 * matters more. The server decides who may save; if it will not even show the hours, nothing shows.
 */
export function MedicineDeadlineSetting({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useMedicineSettings(communityId);
  const save = useSetMedicineSettings(communityId);
  const [draft, setDraft] = useState<Partial<Draft>>({});
  if (!settings.data) return null;
  const current: TMedicineSettings = settings.data;
  const value = (field: keyof Draft) => (field in draft ? draft[field]! : current[field]);
  const complete = FIELDS.every((f) => value(f) !== null);
  const problems = save.isError ? fieldErrors(save.error) : new Map<string, string[]>();

  return (
    <details className="panel medicine-deadlines" data-testid="medicine-deadlines">
      <summary>
        <span className="medicine-deadlines-heading">
          <span className="medicine-deadlines-title">{t('medicineSettings.title')}</span>
          <span className="medicine-deadlines-now">
            {URGENCIES.map((urgency, i) => (
              // each "危急 12 小时" stays on one line; the line breaks between them
              <span key={urgency}>
                {i > 0 && ' · '}
                <span className="medicine-deadlines-part">
                  {t('medicineSettings.urgencyHours', {
                    urgency: t(`medicineWork.urgency.${urgency}`),
                    hours: current[`${urgency}Hours`],
                  })}
                </span>
              </span>
            ))}
          </span>
        </span>
        <DownOutlined className="medicine-deadlines-chevron" aria-hidden />
      </summary>
      <p className="medicine-deadlines-intro">{t('medicineSettings.intro')}</p>
      <form
        className="medicine-deadlines-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!complete) return;
          save.mutate(
            {
              criticalHours: value('criticalHours')!,
              highHours: value('highHours')!,
              normalHours: value('normalHours')!,
            },
            {
              onSuccess: () => {
                setDraft({});
                void message.success(t('medicineSettings.saved'));
              },
            },
          );
        }}
      >
        {FIELDS.map((field) => (
          <div className="medicine-deadlines-field" key={field}>
            <label htmlFor={`medicine-deadline-${field}`}>{t(`medicineSettings.field.${field}`)}</label>
            <InputNumber
              id={`medicine-deadline-${field}`}
              size="large"
              min={MEDICINE_DEADLINE_MIN_HOURS}
              max={MEDICINE_DEADLINE_MAX_HOURS}
              step={1}
              precision={0}
              inputMode="numeric"
              suffix={t('medicineSettings.hours')}
              status={problems.has(field) ? 'error' : undefined}
              aria-invalid={problems.has(field) || undefined}
              value={value(field)}
              onChange={(hours) => {
                if (save.isError) save.reset(); // the refusal was about the old numbers
                setDraft((old) => ({ ...old, [field]: hours }));
              }}
            />
          </div>
        ))}
        <p className="medicine-deadlines-hint">{t('medicineSettings.range')}</p>
        <p className="medicine-deadlines-hint medicine-deadlines-new-only">{t('medicineSettings.newOnly')}</p>
        {save.isError && <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} />}
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          loading={save.isPending}
          disabled={!complete || Object.keys(draft).length === 0}
        >
          {t('medicineSettings.save')}
        </Button>
      </form>
    </details>
  );
}
