import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TActionItem, TActionItemStatus } from '../../../shared/api/committee.ts';
import { errorMessage } from '../../api/client.ts';
import { useUpdateActionItem } from '../../api/committee.ts';
import { formatDay } from './committee-format.ts';

/**
 * One action item: what, who, by when (red when overdue), its status, and the buttons the reader may
 * use: the committee moves any item; an owner marks their own done.
 */
export function ActionItemRow({
  communityId,
  item,
  manage,
  showOwner = true,
  linkMeeting = false,
}: {
  communityId: string;
  item: TActionItem;
  /** the committee's buttons (drop, reopen); otherwise only "done" on an open item */
  manage: boolean;
  showOwner?: boolean;
  linkMeeting?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateActionItem(communityId);
  const set = (status: TActionItemStatus) =>
    update.mutate(
      { id: item.id, status },
      {
        onSuccess: () => void (status === 'done' && message.success(t('committee.items.doneMessage'))),
        onError: (e) => void message.error(t('committee.saveFailed', { message: errorMessage(e) })),
      },
    );
  const busy = update.isPending;
  return (
    <li
      className={`cm-item cm-item-${item.status}${item.overdue ? ' is-overdue' : ''}`}
      data-testid="action-item"
    >
      <div className="cm-item-text">
        <p className="cm-item-title">{item.title}</p>
        <p className="cm-item-meta">
          <span className={item.overdue ? 'cm-due is-overdue' : 'cm-due'}>
            {t('committee.items.dueOn', { date: formatDay(item.dueOn, i18n.language) })}
            {item.overdue && <strong className="cm-overdue-tag">{t('committee.items.overdue')}</strong>}
          </span>
          {showOwner && <span>{t('committee.items.ownerLine', { name: item.owner.name })}</span>}
          {item.status !== 'open' && (
            <span className={`cm-status cm-status-${item.status}`}>
              {t(`committee.items.itemStatus.${item.status}`)}
            </span>
          )}
          {item.meetingTitle &&
            (linkMeeting && item.meetingId ? (
              <Link to={`/committee/meetings/${item.meetingId}`}>
                {t('committee.items.from', { meeting: item.meetingTitle })}
              </Link>
            ) : (
              <span>{t('committee.items.from', { meeting: item.meetingTitle })}</span>
            ))}
        </p>
        {item.note && <p className="cm-item-note">{item.note}</p>}
      </div>
      <div className="cm-item-actions">
        {item.status === 'open' && (
          <Button type="primary" size="large" loading={busy} onClick={() => set('done')}>
            {t('committee.items.markDone')}
          </Button>
        )}
        {manage && item.status === 'open' && (
          <Button size="large" disabled={busy} onClick={() => set('dropped')}>
            {t('committee.items.drop')}
          </Button>
        )}
        {item.status !== 'open' && manage && (
          <Button size="large" disabled={busy} onClick={() => set('open')}>
            {t('committee.items.reopen')}
          </Button>
        )}
      </div>
    </li>
  );
}
