import { LeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMeeting } from '../../api/committee.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { formatDay, isCommittee } from './committee-format.ts';
import '../../styles/committee.css';

/** /committee/meetings/:meetingId/minutes: the minutes as a plain document, to print and file. */
export function MinutesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('committee.print'));
  const { membership } = useCommunity();
  const { meetingId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!isCommittee(membership.roles)) return <Forbidden />;
  return <Minutes communityId={membership.communityId} meetingId={meetingId} />;
}

function Minutes({ communityId, meetingId }: { communityId: string; meetingId: string }) {
  const { t, i18n } = useTranslation();
  const meeting = useMeeting(communityId, meetingId);
  if (meeting.isError) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (meeting.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  const m = meeting.data;
  const none = t('committee.minutesDoc.none');
  return (
    <div className="page cm-minutes">
      <div className="cm-actions no-print">
        <Link to={`/committee/meetings/${m.id}`} className="back-link">
          <LeftOutlined aria-hidden /> {m.title}
        </Link>
        <Button
          type="primary"
          size="large"
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => window.print()}
        >
          {t('committee.minutesDoc.print')}
        </Button>
      </div>
      <article className="cm-doc">
        <h1>{t('committee.minutesDoc.title', { title: m.title })}</h1>
        <dl className="cm-doc-head">
          <dt>{t('committee.minutesDoc.time')}</dt>
          <dd>{formatDateTime(m.heldAt, m.timeZone, i18n.language)}</dd>
          <dt>{t('committee.minutesDoc.attendees')}</dt>
          <dd>{m.attendees || none}</dd>
        </dl>
        <h2>{t('committee.minutesDoc.agenda')}</h2>
        <p className="cm-doc-text">{m.agenda || none}</p>
        <h2>{t('committee.minutesDoc.minutes')}</h2>
        <p className="cm-doc-text">{m.minutes || none}</p>
        <h2>{t('committee.minutesDoc.items')}</h2>
        {m.actionItems.length === 0 ? (
          <p>{none}</p>
        ) : (
          <table className="cm-doc-items">
            <thead>
              <tr>
                <th scope="col">{t('committee.items.what')}</th>
                <th scope="col">{t('committee.minutesDoc.owner')}</th>
                <th scope="col">{t('committee.minutesDoc.due')}</th>
                <th scope="col">{t('committee.minutesDoc.status')}</th>
              </tr>
            </thead>
            <tbody>
              {m.actionItems.map((i) => (
                <tr key={i.id}>
                  <td>{i.title}</td>
                  <td>{i.owner.name}</td>
                  <td>{formatDay(i.dueOn, i18n.language)}</td>
                  <td>{t(`committee.items.itemStatus.${i.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </article>
    </div>
  );
}
