import { PlusOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMeetings } from '../../api/committee.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { isCommittee } from './committee-format.ts';
import { NewMeetingForm } from './NewMeetingForm.tsx';
import { OpenItemsByPerson } from './OpenItemsByPerson.tsx';
import '../../styles/committee.css';

/** /committee: the meetings, newest first, a new one, and the open action items per person. */
export function CommitteePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('committee.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!isCommittee(membership.roles)) return <Forbidden />;
  return (
    <Committee
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

function Committee({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [creating, setCreating] = useState(false);
  const meetings = useMeetings(communityId);
  return (
    <div className="page cm-page">
      <div className="cm-head">
        <h1 className="page-title">{t('committee.title')}</h1>
        {!creating && (
          <Button
            type="primary"
            size="large"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('committee.newMeeting')}
          </Button>
        )}
      </div>
      <p className="page-note">{t('committee.intro')}</p>
      {creating && (
        <NewMeetingForm communityId={communityId} timeZone={timeZone} onCancel={() => setCreating(false)} />
      )}
      <section className="panel" aria-labelledby="cm-meetings-title">
        <h2 id="cm-meetings-title">{t('committee.meetings')}</h2>
        {meetings.isError ? (
          <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} />
        ) : meetings.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : meetings.data.items.length === 0 ? (
          <p className="page-note">{t('committee.noMeetings')}</p>
        ) : (
          <ul className="cm-meeting-list">
            {meetings.data.items.map((m) => (
              <li key={m.id}>
                <Link to={`/committee/meetings/${m.id}`} className="cm-meeting-link">
                  <span className="cm-meeting-title">{m.title}</span>
                  <span className="cm-meeting-when">
                    {formatDateTime(m.heldAt, meetings.data.timeZone, i18n.language)}
                  </span>
                  <span className={`cm-meeting-status cm-meeting-${m.status}`}>
                    {t(`committee.status.${m.status}`)}
                  </span>
                  {m.openItems > 0 && (
                    <span className="cm-meeting-open">
                      {t('committee.openCount', { count: m.openItems })}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <OpenItemsByPerson communityId={communityId} />
    </div>
  );
}
