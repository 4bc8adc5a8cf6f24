import { Alert, App, Button, Checkbox, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEAD_LETTERS_PAGE, type TDeadLetter } from '../../../shared/api/notice-settings.ts';
import { errorMessage } from '../../api/client.ts';
import { useResendDeadLetters } from '../../api/notice-settings.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatMoment } from '../../lib/shift-time.ts';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';
import { describeDeliveryError } from './delivery-error.ts';

interface Props {
  communityId: string;
  timeZone: string;
  items: TDeadLetter[];
}

/** The notices the worker gave up on: a table on a desk, cards on a phone; resend one or those ticked. */
export function DeadLetters({ communityId, timeZone, items }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const desktop = useIsDesktop();
  const resend = useResendDeadLetters(communityId);
  const [selected, setSelected] = useState<string[]>([]);
  // Only ids still listed count: a row resent elsewhere drops out of the selection.
  const chosen = selected.filter((id) => items.some((item) => item.id === id));
  const words = { today: t('notifications.today'), tomorrow: t('notifications.tomorrow') };
  const when = (iso: string) => formatMoment(iso, timeZone, currentLocale(), Date.now(), words);
  const channel = (name: string) => t(`noticeAdmin.channel.${name}`, { defaultValue: name });
  const send = (ids: string[]) =>
    resend.mutate(ids, {
      onSuccess: ({ resent }) => {
        setSelected((old) => old.filter((id) => !ids.includes(id)));
        void message.success(t('noticeAdmin.dead.resent', { count: resent }));
      },
    });
  const resendOne = (item: TDeadLetter) => (
    <Button
      size="large"
      onClick={() => send([item.id])}
      disabled={resend.isPending}
      aria-label={t('noticeAdmin.dead.resendOneLabel', { name: item.recipient })}
    >
      {t('noticeAdmin.dead.resendOne')}
    </Button>
  );
  const title = (item: TDeadLetter) => (
    <>
      {item.critical && <Tag color="red">{t('noticeAdmin.dead.critical')}</Tag>}
      {item.title}
    </>
  );

  if (items.length === 0) return <Empty description={t('noticeAdmin.dead.empty')} />;
  return (
    <div className="dead-letters">
      <div className="notice-actions">
        <Button
          type="primary"
          size="large"
          disabled={chosen.length === 0}
          loading={resend.isPending}
          onClick={() => send(chosen)}
        >
          {t('noticeAdmin.dead.resendSelected', { count: chosen.length })}
        </Button>
      </div>
      {resend.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('noticeAdmin.dead.failed', { message: errorMessage(resend.error) })}
        />
      )}
      {desktop ? (
        <Table<TDeadLetter>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={items}
          rowSelection={{
            selectedRowKeys: chosen,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (item) => ({
              'aria-label': t('noticeAdmin.dead.select', { name: item.recipient }),
            }),
          }}
          columns={[
            { title: t('noticeAdmin.dead.recipient'), dataIndex: 'recipient' },
            { title: t('noticeAdmin.dead.notice'), key: 'title', render: (_, item) => title(item) },
            {
              title: t('noticeAdmin.dead.channel'),
              key: 'channel',
              render: (_, item) => channel(item.channel),
            },
            {
              title: t('noticeAdmin.dead.attempts'),
              dataIndex: 'attempts',
              render: (count: number) => t('noticeAdmin.dead.attemptsCount', { count }),
            },
            {
              title: t('noticeAdmin.dead.lastError'),
              dataIndex: 'lastError',
              className: 'dead-error',
              render: (error: string | null) => (error ? describeDeliveryError(t, error) : ''),
            },
            {
              title: t('noticeAdmin.dead.created'),
              key: 'created',
              render: (_, item) => when(item.createdAt),
            },
            { title: '', key: 'resend', render: (_, item) => resendOne(item) },
          ]}
        />
      ) : (
        <ul className="dead-cards">
          {items.map((item) => (
            <li key={item.id} className="dead-card" data-testid="dead-letter">
              <Checkbox
                checked={chosen.includes(item.id)}
                onChange={(e) =>
                  setSelected((old) =>
                    e.target.checked ? [...old, item.id] : old.filter((id) => id !== item.id),
                  )
                }
                aria-label={t('noticeAdmin.dead.select', { name: item.recipient })}
              />
              <div className="dead-card-body">
                <span className="dead-card-title">{title(item)}</span>
                <span>
                  {item.recipient} · {channel(item.channel)} ·{' '}
                  {t('noticeAdmin.dead.attemptsCount', { count: item.attempts })}
                </span>
                {item.lastError && (
                  <span className="dead-error">{describeDeliveryError(t, item.lastError)}</span>
                )}
                <time dateTime={item.createdAt} className="notice-hint">
                  {when(item.createdAt)}
                </time>
              </div>
              {resendOne(item)}
            </li>
          ))}
        </ul>
      )}
      {items.length >= DEAD_LETTERS_PAGE && (
        <p className="notice-hint">{t('noticeAdmin.dead.more', { count: DEAD_LETTERS_PAGE })}</p>
      )}
    </div>
  );
}
