import { Alert, App, Button, Form, Input, Result, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TCreateCommunityRequest } from '../../shared/api/communities.ts';
import { errorMessage, fieldErrors } from '../api/client.ts';
import { useCreateCommunity } from '../api/communities.ts';
import { useSession } from '../api/session.ts';
import { canCreateCommunity } from '../lib/access.ts';
import { DEFAULT_TIMEZONE } from '../lib/time.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { timeZoneOptions } from './communities/timezones.ts';

type Values = Required<TCreateCommunityRequest>;
const FIELDS: readonly string[] = ['name', 'slug', 'timezone'] satisfies (keyof Values)[];

export function NewCommunityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('newCommunity.title'));
  const session = useSession().data?.session;
  if (!session || !canCreateCommunity(session)) {
    return <Result status="403" title={<h1 className="result-title">{t('common.forbidden')}</h1>} />;
  }
  return <NewCommunityForm />;
}

function NewCommunityForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { select } = useCommunity();
  const [form] = Form.useForm<Values>();
  const create = useCreateCommunity();
  const zones = useMemo(timeZoneOptions, []);

  const onFinish = (values: Values) =>
    create.mutate(values, {
      onSuccess: (community) => {
        select(community.id);
        void message.success(t('newCommunity.created', { name: community.name }));
        navigate('/');
      },
      onError: (error) => {
        const byField = fieldErrors(error);
        form.setFields(
          FIELDS.map((name) => ({ name: name as keyof Values, errors: byField.get(name) ?? [] })),
        );
      },
    });

  // Field errors sit under their fields; the alert carries the overall message (and a slug clash).
  const errorText = create.error ? errorMessage(create.error) : null;
  return (
    <div className="page page-narrow">
      <h1 className="page-title">{t('newCommunity.title')}</h1>
      <p className="page-note">{t('newCommunity.intro')}</p>
      <section className="panel">
        {errorText && <Alert type="error" showIcon role="alert" title={errorText} className="form-alert" />}
        <Form<Values>
          form={form}
          name="new-community"
          layout="vertical"
          size="large"
          requiredMark={false}
          initialValues={{ timezone: DEFAULT_TIMEZONE }}
          onFinish={onFinish}
        >
          <Form.Item
            label={t('newCommunity.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('newCommunity.nameRequired') }]}
          >
            <Input placeholder={t('newCommunity.namePlaceholder')} maxLength={100} />
          </Form.Item>
          <Form.Item
            label={t('newCommunity.slug')}
            name="slug"
            extra={t('newCommunity.slugHelp')}
            rules={[
              { required: true, message: t('newCommunity.slugRequired') },
              { pattern: /^[a-z0-9][a-z0-9-]*$/, message: t('newCommunity.slugPattern') },
            ]}
          >
            <Input maxLength={40} autoCapitalize="none" autoCorrect="off" spellCheck={false} />
          </Form.Item>
          <Form.Item label={t('newCommunity.timezone')} name="timezone">
            <Select showSearch options={zones} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={create.isPending}>
            {t('newCommunity.submit')}
          </Button>
        </Form>
      </section>
    </div>
  );
}
