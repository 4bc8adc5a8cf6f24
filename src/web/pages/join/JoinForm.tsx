import { Alert, Button, Form, Input, Select } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRegisterVolunteer } from '../../../shared/api/volunteers.ts';
import { PASSWORD_MIN_LENGTH } from '../../../shared/errors.ts';
import { errorMessage, fieldErrors } from '../../api/client.ts';
import { useRegisterVolunteer } from '../../api/join.ts';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel, compareCodes, toHalfWidth } from '../../lib/registry-format.ts';
import { JoinProfileFields, type ProfileValues } from './JoinProfileFields.tsx';

interface JoinValues extends ProfileValues {
  name: string;
  mobile: string;
  password: string;
  passwordAgain: string;
  buildingCode?: string;
  room: string;
}

const FIELDS = [
  'name',
  'mobile',
  'password',
  'buildingCode',
  'room',
  'partyMember',
  'workplace',
  'skills',
  'vehicles',
  'ageBand',
  'note',
] as const;

interface Props {
  slug: string;
  token: string;
  buildings: string[];
  onDone: (mobile: string) => void;
}

const optional = (text: string | undefined) => text?.trim() || null;

export function JoinForm({ slug, token, buildings, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const [form] = Form.useForm<JoinValues>();
  // Someone who switches language after a failed submit should read the errors in the new one.
  useEffect(() => {
    const shown = form.getFieldsError().filter((f) => f.errors.length > 0);
    if (i18n.language && shown.length > 0) void form.validateFields(shown.map((f) => f.name)).catch(() => {});
  }, [i18n.language, form]);
  const register = useRegisterVolunteer(slug, token);
  const alertRef = useRef<HTMLDivElement>(null);
  const options = useMemo(
    () =>
      [...buildings].sort(compareCodes).map((code) => ({ value: code, label: buildingLabel(code, locale) })),
    [buildings, locale],
  );

  // The server's messages go under their fields ("skills.0" under skills); the phone scrolls to the first.
  useEffect(() => {
    if (!register.error) return;
    const byField = new Map<string, string[]>();
    for (const [path, messages] of fieldErrors(register.error)) {
      const field = path.split('.')[0]!;
      byField.set(field, [...(byField.get(field) ?? []), ...messages]);
    }
    form.setFields(FIELDS.map((name) => ({ name, errors: byField.get(name) ?? [] })));
    const first = FIELDS.find((name) => byField.has(name));
    if (first) form.scrollToField(first, { block: 'center' });
    else alertRef.current?.scrollIntoView({ block: 'center' });
  }, [register.error, form]);

  const onFinish = ({ passwordAgain: _, ...values }: JoinValues) => {
    const input: TRegisterVolunteer = {
      ...values,
      name: values.name.trim(),
      buildingCode: values.buildingCode!,
      partyMember: values.partyMember!,
      ageBand: values.ageBand!,
      workplace: optional(values.workplace),
      note: optional(values.note),
    };
    register.mutate(input, { onSuccess: () => onDone(values.mobile) });
  };

  return (
    <Form<JoinValues>
      form={form}
      name="join"
      layout="vertical"
      size="large"
      requiredMark={false}
      initialValues={{ skills: [], vehicles: [] }}
      onFinish={onFinish}
      scrollToFirstError={{ block: 'center' }}
      className="join-form"
    >
      <div ref={alertRef}>
        {register.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(register.error)}
            className="form-alert"
          />
        ) : null}
      </div>
      <Form.Item
        label={t('join.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('join.nameRequired') }]}
      >
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item
        label={t('join.mobile')}
        name="mobile"
        extra={t('join.mobileHelp')}
        normalize={(v: string) => toHalfWidth(v).replace(/[\s-]/g, '')}
        rules={[
          { required: true, message: t('join.mobileRequired') },
          { pattern: /^1\d{10}$/, message: t('join.mobilePattern') },
        ]}
      >
        <Input type="tel" inputMode="tel" maxLength={13} autoComplete="tel-national" />
      </Form.Item>
      <Form.Item
        label={t('join.password')}
        name="password"
        extra={t('join.passwordHelp')}
        rules={[
          { required: true, message: t('join.passwordRequired') },
          { min: PASSWORD_MIN_LENGTH, message: t('join.passwordShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('join.passwordAgain')}
        name="passwordAgain"
        dependencies={['password']}
        rules={[
          { required: true, message: t('join.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value?: string) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('join.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <div className="join-address">
        <Form.Item
          label={t('join.building')}
          name="buildingCode"
          rules={[{ required: true, message: t('join.buildingRequired') }]}
        >
          <Select
            showSearch={{
              // "12" finds 12号楼 first, not 112 or 120.
              filterOption: (input, option) => !!option && option.value.startsWith(input.trim()),
            }}
            placeholder={t('join.buildingPlaceholder')}
            options={options}
          />
        </Form.Item>
        <Form.Item
          label={t('join.room')}
          name="room"
          normalize={(v: string) => toHalfWidth(v).trim()}
          rules={[
            { required: true, message: t('join.roomRequired') },
            { pattern: /^[0-9A-Za-z-]{1,10}$/, message: t('join.roomPattern') },
          ]}
        >
          <Input
            inputMode="numeric"
            maxLength={10}
            placeholder={t('join.roomPlaceholder')}
            autoComplete="off"
          />
        </Form.Item>
      </div>
      <JoinProfileFields />
      <Button type="primary" htmlType="submit" block loading={register.isPending} className="join-submit">
        {t('join.submit')}
      </Button>
    </Form>
  );
}
