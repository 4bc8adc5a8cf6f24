import { Alert, Button, Checkbox, Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TResident } from '../../../shared/api/registry.ts';
import { VULNERABILITY_FLAGS, type VulnerabilityFlag } from '../../../shared/registry.ts';
import { errorMessage, fieldErrors } from '../../api/client.ts';
import { BuildingSelect } from '../../components/registry/FilterFields.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { flagLabel, toHalfWidth } from '../../lib/registry-format.ts';

export interface ResidentValues {
  buildingId?: string;
  room?: string;
  name: string;
  sex: 'M' | 'F' | '';
  birthYear: string;
  mobile: string;
  flags: VulnerabilityFlag[];
  note: string;
}

const FIELDS = ['buildingId', 'room', 'name', 'sex', 'birthYear', 'mobile', 'flags', 'note'] as const;

/** Starting values; masked numbers start empty so "195*" can never be saved back as a value. */
export function initialValues(resident: TResident | null, defaults: { buildingId?: string }): ResidentValues {
  return {
    buildingId: defaults.buildingId,
    name: resident?.name ?? '',
    sex: resident?.sex ?? '',
    birthYear: resident && !resident.masked ? (resident.birthYear ?? '') : '',
    mobile: resident && !resident.masked ? (resident.mobile ?? '') : '',
    flags: resident?.flags ?? [],
    note: resident?.note ?? '',
  };
}

interface Props {
  communityId: string;
  resident: TResident | null;
  initial: ResidentValues;
  saving: boolean;
  error: unknown;
  onSubmit: (values: ResidentValues) => void;
  onCancel: () => void;
}

export function ResidentForm({ communityId, resident, initial, saving, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [form] = Form.useForm<ResidentValues>();
  const creating = resident === null;
  const masked = resident?.masked ?? false;
  const keep = (value: string | null) => (value ? t('residents.keepMasked', { value }) : undefined);

  // The server's field messages go under their fields; the alert says what went wrong overall.
  useEffect(() => {
    if (!error) return;
    const byField = fieldErrors(error);
    form.setFields(FIELDS.map((name) => ({ name, errors: byField.get(name) ?? [] })));
  }, [error, form]);

  return (
    <Form<ResidentValues>
      form={form}
      name="resident"
      layout="vertical"
      requiredMark={false}
      initialValues={initial}
      onFinish={onSubmit}
      scrollToFirstError
    >
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(error)} className="form-alert" />
      ) : null}
      {creating && (
        <>
          <Form.Item
            label={t('registry.building')}
            name="buildingId"
            rules={[{ required: true, message: t('residents.buildingRequired') }]}
          >
            <BuildingSelect communityId={communityId} placeholder={t('residents.chooseBuilding')} />
          </Form.Item>
          <Form.Item
            label={t('registry.room')}
            name="room"
            normalize={(v: string) => toHalfWidth(v).trim()}
            rules={[
              { required: true, message: t('residents.roomRequired') },
              { pattern: /^[0-9A-Za-z-]{1,10}$/, message: t('residents.roomPattern') },
            ]}
          >
            <Input inputMode="numeric" maxLength={10} placeholder="1203" autoComplete="off" />
          </Form.Item>
        </>
      )}
      <Form.Item
        label={t('registry.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('residents.nameRequired') }]}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('registry.sex')} name="sex">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'M', label: t('registry.male') },
            { value: 'F', label: t('registry.female') },
            { value: '', label: t('registry.unknown') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('registry.birthYear')}
        name="birthYear"
        normalize={(v: string) => toHalfWidth(v).trim()}
        extra={masked ? keep(resident?.birthYear ?? null) : undefined}
        rules={[{ pattern: /^(19|20)\d{2}$/, message: t('residents.birthYearPattern') }]}
      >
        <Input
          inputMode="numeric"
          maxLength={4}
          placeholder={masked ? (resident?.birthYear ?? '') : '1950'}
        />
      </Form.Item>
      <Form.Item
        label={t('registry.mobile')}
        name="mobile"
        normalize={(v: string) => toHalfWidth(v).replace(/[\s-]/g, '')}
        extra={masked ? keep(resident?.mobile ?? null) : undefined}
        rules={[{ pattern: /^1\d{10}$/, message: t('residents.mobilePattern') }]}
      >
        <Input
          type="tel"
          inputMode="tel"
          maxLength={13}
          placeholder={masked ? (resident?.mobile ?? '') : ''}
        />
      </Form.Item>
      <Form.Item label={t('registry.flags')} name="flags">
        <Checkbox.Group
          className="flag-checkboxes"
          options={VULNERABILITY_FLAGS.map((flag) => ({ value: flag, label: flagLabel(flag, locale) }))}
        />
      </Form.Item>
      <Form.Item label={t('registry.note')} name="note">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <div className="form-buttons">
        <Button type="primary" htmlType="submit" loading={saving}>
          {creating ? t('residents.create') : t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
