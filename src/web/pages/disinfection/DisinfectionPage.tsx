import { SettingOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLiveDisinfection } from '../../api/disinfection.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { DisinfectionCoverage } from './DisinfectionCoverage.tsx';
import { DisinfectionTasks } from './DisinfectionTasks.tsx';
import { useDisinfectionAccess } from './disinfection-access.ts';
import '../../styles/disinfection.css';

type View = 'tasks' | 'coverage';

/**
 * /disinfection: the group's day on a phone (today's rounds, big "done" buttons, overdue on top), and
 * the coverage on the site plan (?view=coverage). Both refetch live when anyone logs a round.
 */
export function DisinfectionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('disinfection.title'));
  const { membership } = useCommunity();
  const access = useDisinfectionAccess(membership?.roles ?? [], membership?.communityId);
  if (!membership) return <NoCommunity />;
  if (access.pending) return <PageLoading />;
  if (!access.sees) return <Forbidden />;
  return (
    <Disinfection
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
      canLog={access.logs}
      canManage={access.manages}
    />
  );
}

interface Props {
  communityId: string;
  timeZone: string;
  canLog: boolean;
  canManage: boolean;
}

function Disinfection({ communityId, timeZone, canLog, canManage }: Props) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'coverage' ? 'coverage' : 'tasks';
  useLiveDisinfection(communityId);
  return (
    <div className="page dis-page">
      <div className="dis-head">
        <h1>{t('disinfection.title')}</h1>
        {canManage && (
          <Link to="/disinfection/areas" className="button-link">
            <SettingOutlined aria-hidden /> {t('disinfection.manageAreas')}
          </Link>
        )}
      </div>
      <Segmented
        size="large"
        block
        value={view}
        onChange={(v) => setParams(v === 'coverage' ? { view: 'coverage' } : {}, { replace: true })}
        aria-label={t('disinfection.viewLabel')}
        options={[
          { value: 'tasks', label: t('disinfection.viewTasks') },
          { value: 'coverage', label: t('disinfection.viewCoverage') },
        ]}
      />
      {view === 'tasks' ? (
        <DisinfectionTasks communityId={communityId} canLog={canLog} />
      ) : (
        <DisinfectionCoverage communityId={communityId} timeZone={timeZone} />
      )}
    </div>
  );
}
