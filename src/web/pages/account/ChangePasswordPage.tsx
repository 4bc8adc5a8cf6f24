import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/errors.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useChangePassword, useSession } from '../../api/session.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import '../../styles/account.css';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

// Refusals that belong to one field are shown under it; anything else above the form.
const FIELD_OF_CODE: Record<string, keyof Values> = {
  WRONG_CURRENT_PASSWORD: 'currentPassword',
  PASSWORD_UNCHANGED: 'newPassword',
};

export function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.changePassword'));
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const username = useSession().data?.session?.account.username ?? '';
  const [done, setDone] = useState(false);
  const fieldError = change.error instanceof ApiError ? FIELD_OF_CODE[change.error.code] : undefined;

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    setDone(false);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          setDone(true);
        },
        onError: (error) => {
          const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
          if (field) form.setFields([{ name: field, errors: [errorMessage(error)] }]);
        },
      },
    );
  };

  return (
    <div className="page page-narrow">
      <h1 className="page-title">{t('account.changePassword')}</h1>
      <p className="page-note">{t('account.intro')}</p>
      <div aria-live="polite">
        {done && (
          <Alert
            type="success"
            showIcon
            title={t('account.changed')}
            className="form-alert"
            data-testid="changed"
          />
        )}
      </div>
      {change.error && !fieldError && (
        <Alert type="error" showIcon role="alert" title={errorMessage(change.error)} className="form-alert" />
      )}
      <section className="panel account-form">
        <Form<Values>
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={onFinish}
          onFinishFailed={() => setDone(false)}
          onValuesChange={() => setDone(false)}
        >
          {/* Password managers offer to update the saved password when they see the username beside it. */}
          <input type="text" name="username" autoComplete="username" value={username} hidden readOnly />
          <Form.Item
            label={t('account.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('account.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t('account.new')}
            name="newPassword"
            extra={t('account.newHint', { min: PASSWORD_MIN_LENGTH })}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('account.newRequired') },
              { min: PASSWORD_MIN_LENGTH, message: t('account.newTooShort', { min: PASSWORD_MIN_LENGTH }) },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  value && value === getFieldValue('currentPassword')
                    ? Promise.reject(new Error(t('account.newSameAsCurrent')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('account.repeat')}
            name="repeatPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('account.repeatRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.repeatMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={change.isPending}>
            {t('account.submit')}
          </Button>
        </Form>
      </section>
    </div>
  );
}
