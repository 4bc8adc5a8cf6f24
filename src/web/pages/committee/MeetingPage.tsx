import { LeftOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useMeeting, useUpdateMeeting } from '../../api/committee.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { formatDay, isCommittee } from './committee-format.ts';
import { MeetingEditor } from './MeetingEditor.tsx';
import { MeetingItems } from './MeetingItems.tsx';
import { WeekFigureTiles } from './WeekFigureTiles.tsx';
import '../../styles/committee.css';

/** /committee/meetings/:meetingId: the week's figures, agenda and minutes, and the decisions as action items. */
export function MeetingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('committee.title'));
  const { membership } = useCommunity();
  const { meetingId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!isCommittee(membership.roles)) return <Forbidden />;
  return (
    <Meeting
      key={`${membership.communityId}/${meetingId}`}
      communityId={membership.communityId}
      meetingId={meetingId}
    />
  );
}

function Meeting({ communityId, meetingId }: { communityId: string; meetingId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const meeting = useMeeting(communityId, meetingId);
  const refresh = useUpdateMeeting(communityId, meetingId);
  if (meeting.isError) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (meeting.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  const m = meeting.data;
  const retake = () =>
    refresh.mutate(
      { refreshFigures: true },
      {
        onSuccess: () => void message.success(t('committee.refreshed')),
        onError: (e) => void message.error(t('committee.saveFailed', { message: errorMessage(e) })),
      },
    );
  return (
    <div className="page cm-page">
      <Link to="/committee" className="back-link">
        <LeftOutlined aria-hidden /> {t('committee.back')}
      </Link>
      <div className="cm-head">
        <h1 className="page-title">{m.title}</h1>
        <span className={`cm-meeting-status cm-meeting-${m.status}`}>
          {t(`committee.status.${m.status}`)}
        </span>
      </div>
      <p className="cm-meta">
        <span>{t('committee.heldAt', { at: formatDateTime(m.heldAt, m.timeZone, i18n.language) })}</span>
        <span>
          {t('committee.week', {
            from: formatDay(m.figures.weekStart, i18n.language),
            to: formatDay(m.figures.weekEnd, i18n.language),
          })}
        </span>
      </p>
      <div className="cm-actions">
        <Link to={`/committee/meetings/${m.id}/minutes`} className="button-link">
          <PrinterOutlined aria-hidden /> {t('committee.print')}
        </Link>
        <Button
          size="large"
          icon={<ReloadOutlined aria-hidden />}
          loading={refresh.isPending}
          onClick={retake}
        >
          {t('committee.refresh')}
        </Button>
      </div>
      <WeekFigureTiles figures={m.figures} timeZone={m.timeZone} />
      <MeetingEditor communityId={communityId} meeting={m} />
      <MeetingItems communityId={communityId} meeting={m} />
    </div>
  );
}
