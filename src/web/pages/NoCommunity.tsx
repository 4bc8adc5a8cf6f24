import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.ts';

/**
 * No membership yet. Someone who registered through a call is told where their registration
 * stands, rather than being sent to "ask to be added" for something they have already asked.
 */
export function NoCommunity() {
  const { t } = useTranslation();
  const session = useSession();
  const applications = session.data?.session?.applications ?? [];
  if (applications.length === 0) {
    return (
      <Result
        status="info"
        title={<h1 className="result-title">{t('shell.noCommunityTitle')}</h1>}
        subTitle={t('shell.noCommunityText')}
      />
    );
  }
  const pending = applications.filter((a) => a.status === 'pending');
  const shown = pending[0] ?? applications[0]!;
  const waiting = shown.status === 'pending';
  const community = [...new Set((waiting ? pending : applications).map((a) => a.communityName))].join('、');
  return (
    <Result
      status={waiting ? 'info' : 'warning'}
      icon={waiting ? <ClockCircleOutlined aria-hidden /> : undefined}
      title={
        <h1 className="result-title" data-testid="application-status">
          {waiting ? t('applications.pendingTitle') : t('applications.rejectedTitle')}
        </h1>
      }
      subTitle={
        waiting ? t('applications.pendingText', { community }) : t('applications.rejectedText', { community })
      }
      extra={
        waiting && (
          // Approval gives a membership; a fresh session shows it, and with it the shifts.
          <Button size="large" loading={session.isFetching} onClick={() => void session.refetch()}>
            {t('applications.checkAgain')}
          </Button>
        )
      }
    />
  );
}
