import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { TSessionResponse } from '../../shared/api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { useSaveLocale, useSession, useSignIn } from '../api/session.ts';
import { DemoBanner } from '../components/DemoBanner.tsx';
import { LanguageSwitch, takeLanguagePick } from '../components/LanguageSwitch.tsx';
import { currentLocale, setLocale } from '../i18n/index.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const sessionQuery = useSession();
  const signIn = useSignIn();
  const saveLocale = useSaveLocale();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  // A language picked on this page is saved to the account; otherwise the account's language applies.
  const settleLanguage = (response: TSessionResponse) => {
    const account = response.session?.account;
    const picked = takeLanguagePick();
    if (!account || account.locale === currentLocale()) return;
    if (picked) saveLocale.mutate(currentLocale());
    else void setLocale(account.locale);
  };

  const onFinish = (values: Credentials) =>
    signIn.mutate(values, {
      onSuccess: (response) => {
        settleLanguage(response);
        navigate(from, { replace: true });
      },
    });

  if (sessionQuery.data?.session && !signIn.isPending) return <Navigate to={from} replace />;

  return (
    <div className="login-page">
      <header className="login-header">
        <span className="brand">
          <span lang="zh-CN">邻里</span> <span lang="en">Linli</span>
        </span>
        <LanguageSwitch />
      </header>
      <main className="login-main">
        {sessionQuery.data?.demo && <DemoBanner showHint />}
        <section className="login-card" aria-labelledby="login-title">
          <h1 id="login-title">{t('login.title')}</h1>
          <p className="login-tagline">{t('app.tagline')}</p>
          {signIn.error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(signIn.error)}
              className="form-alert"
            />
          )}
          <Form<Credentials> layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoCapitalize="none" />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </section>
      </main>
    </div>
  );
}
