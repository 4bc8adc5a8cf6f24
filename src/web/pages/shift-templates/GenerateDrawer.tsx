import { Alert, Button, Checkbox, Drawer, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MAX_GENERATE_DAYS, type TShiftTemplate } from '../../../shared/api/shift-templates.ts';
import { errorMessage } from '../../api/client.ts';
import { useGenerateShifts } from '../../api/shift-templates.ts';
import { ToggleChips } from '../../components/ToggleChips.tsx';
import { addDays, wallClock } from '../../lib/time.ts';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';
import { templateSpan, templateTitle } from './TemplateCard.tsx';
import { daysToGenerate, spanDays } from './template-form-values.ts';

interface Values {
  templateIds: string[];
  from: string;
  to: string;
  weekdays: string[];
}

interface Props {
  communityId: string;
  timeZone: string;
  templates: TShiftTemplate[];
  /** the templates ticked when it opens: one from its card, or all */
  chosen: string[];
  onClose: () => void;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Days on the community's calendar, and the templates to make shifts from for each of them. */
export function GenerateDrawer({ communityId, timeZone, templates, chosen, onClose }: Props) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const [form] = Form.useForm<Values>();
  const generate = useGenerateShifts(communityId);
  const [result, setResult] = useState<{ created: number; skipped: number; past: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const tomorrow = addDays(wallClock(new Date(), timeZone).day, 1);
  const initial: Values = { templateIds: chosen, from: tomorrow, to: addDays(tomorrow, 6), weekdays: [] };
  const watched = { ...initial, ...(Form.useWatch([], form) as Partial<Values> | undefined) };
  const days = daysToGenerate(watched.from, watched.to, watched.weekdays ?? []).length;
  const count = (watched.templateIds ?? []).length;

  // One request per template, in turn: each is its own transaction, and the totals add up.
  const onFinish = async (values: Values) => {
    setBusy(true);
    setResult(null);
    generate.reset();
    const total = { created: 0, skipped: 0, past: 0 };
    try {
      for (const templateId of values.templateIds) {
        const weekdays = values.weekdays.map(Number);
        const made = await generate.mutateAsync({
          templateId,
          from: values.from,
          to: values.to,
          ...(weekdays.length ? { weekdays } : {}),
        });
        total.created += made.created;
        total.skipped += made.skipped;
        total.past += made.past;
      }
      setResult(total);
    } catch {
      // shown from generate.error below
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open onClose={onClose} title={t('shiftTemplates.generateTitle')} size={desktop ? 520 : '100%'}>
      <p className="page-note form-note">{t('shiftForm.timezoneNote', { timezone: timeZone })}</p>
      <Form<Values>
        form={form}
        name="generate-shifts"
        layout="vertical"
        requiredMark={false}
        initialValues={initial}
        onFinish={onFinish}
      >
        <Form.Item
          label={t('shiftTemplates.templates')}
          name="templateIds"
          htmlFor="generate-templates"
          rules={[{ required: true, type: 'array', min: 1, message: t('shiftTemplates.templatesRequired') }]}
        >
          <TemplateChoices
            id="generate-templates"
            label={t('shiftTemplates.templates')}
            templates={templates}
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item
            label={t('shiftTemplates.from')}
            name="from"
            rules={[{ required: true, message: t('shiftTemplates.dateRequired') }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            label={t('shiftTemplates.to')}
            name="to"
            dependencies={['from']}
            rules={[
              { required: true, message: t('shiftTemplates.dateRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, to: string) => {
                  const from = getFieldValue('from') as string;
                  if (!from || !to) return;
                  if (to < from) throw new Error(t('shiftTemplates.rangeOrder'));
                  if (spanDays(from, to) > MAX_GENERATE_DAYS) {
                    throw new Error(t('shiftTemplates.rangeLength', { days: MAX_GENERATE_DAYS }));
                  }
                },
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </div>
        <Form.Item label={t('shiftTemplates.weekdays')} name="weekdays" htmlFor="generate-weekdays">
          <ToggleChips
            id="generate-weekdays"
            label={t('shiftTemplates.weekdays')}
            options={WEEKDAYS.map((key, i) => ({ value: String(i + 1), label: t(`shiftTemplates.${key}`) }))}
          />
        </Form.Item>
        <p className="page-note form-note" aria-live="polite">
          {t('shiftTemplates.preview', { days, templates: count, count: days * count })}
        </p>
        {generate.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(generate.error)}
            className="form-alert"
          />
        ) : null}
        {result && (
          <Alert
            type="success"
            showIcon
            role="status"
            className="form-alert"
            data-testid="generate-result"
            title={t('shiftTemplates.result', result)}
            description={
              <>
                {result.past > 0 && <p className="template-past">{t('shiftTemplates.resultPast', result)}</p>}
                <Link className="button-link" to="/shifts">
                  {t('shiftTemplates.viewShifts')}
                </Link>
              </>
            }
          />
        )}
        <div className="form-buttons">
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('shiftTemplates.submitGenerate')}
          </Button>
          <Button onClick={onClose}>{t('shiftTemplates.close')}</Button>
        </div>
      </Form>
    </Drawer>
  );
}

/**
 * The templates as ticks in a fieldset: antd's form hands its field aria attributes meant for an
 * input, which a plain group of checkboxes must not carry.
 */
function TemplateChoices({
  id,
  label,
  templates,
  value = [],
  onChange,
}: {
  id: string;
  label: string;
  templates: TShiftTemplate[];
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset id={id} className="plain-fieldset">
      <legend className="visually-hidden">{label}</legend>
      <Checkbox.Group
        className="template-choices"
        value={value}
        onChange={(next) => onChange?.(next as string[])}
      >
        {templates.map((x) => (
          <Checkbox key={x.id} value={x.id}>
            {`${templateTitle(x)} ${templateSpan(t, x)}`}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </fieldset>
  );
}
