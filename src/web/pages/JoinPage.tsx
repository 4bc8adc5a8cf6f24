import { Alert, Result } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useJoinInfo } from '../api/join.ts';
import { useSession } from '../api/session.ts';
import { DemoBanner } from '../components/DemoBanner.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { JoinForm } from './join/JoinForm.tsx';

/** The page behind a call's QR code: no sign-in, no app shell, one column for a phone. */
export function JoinPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('join.pageTitle'));
  const { slug = '', token = '' } = useParams();
  const info = useJoinInfo(slug, token);
  // Also loads the CSRF token when this phone is already signed in, which the server then asks for.
  const session = useSession();
  const [done, setDone] = useState<{ community: string; mobile: string } | null>(null);
  const signedInAs = session.data?.session?.account.displayName;

  let body: ReactNode;
  if (info.isPending) body = <PageLoading />;
  else if (info.error instanceof ApiError && info.error.status === 404) {
    body = <JoinResult status="warning" title={t('join.invalidTitle')} text={t('join.invalidText')} />;
  } else if (info.error) body = <LoadError error={info.error} onRetry={() => void info.refetch()} />;
  else if (done) {
    body = (
      <JoinResult
        status="success"
        title={t('join.doneTitle')}
        text={t('join.doneText', done)}
        extra={
          <Link className="button-link button-link-primary button-link-large" to="/">
            {t('join.enter')}
          </Link>
        }
      />
    );
  } else if (!info.data.open) {
    body = <JoinResult status="info" title={t('join.closedTitle')} text={t('join.closedText')} />;
  } else {
    body = (
      <>
        <section className="join-intro" aria-labelledby="join-title">
          <p className="join-community">{info.data.communityName}</p>
          <h1 id="join-title">{info.data.title}</h1>
          <p>{t('join.intro')}</p>
        </section>
        {signedInAs && <Alert type="info" showIcon title={t('join.signedInAs', { name: signedInAs })} />}
        <JoinForm
          slug={slug}
          token={token}
          buildings={info.data.buildings}
          onDone={(mobile) => setDone({ community: info.data.communityName, mobile })}
        />
      </>
    );
  }

  return (
    <div className="login-page">
      <header className="login-header">
        <span className="brand">
          <span lang="zh-CN">邻里</span> <span lang="en">Linli</span>
        </span>
        <LanguageSwitch />
      </header>
      <main className="join-main">
        {session.data?.demo && <DemoBanner />}
        {body}
      </main>
    </div>
  );
}

interface ResultProps {
  status: 'success' | 'info' | 'warning';
  title: string;
  text: string;
  extra?: ReactNode;
}

function JoinResult({ status, title, text, extra }: ResultProps) {
  return (
    <Result
      className="join-result"
      status={status}
      title={<h1 className="result-title">{title}</h1>}
      subTitle={<span className="join-result-text">{text}</span>}
      extra={extra}
    />
  );
}
