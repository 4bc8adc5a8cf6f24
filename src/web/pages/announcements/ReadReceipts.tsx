import { Progress, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBuildingReceipt } from '../../../shared/api/announcements.ts';
import { buildingLabel } from '../../../shared/registry.ts';
import type { Locale } from '../../../shared/roles.ts';
import { useReadReceipts } from '../../api/announcements.ts';
import { LoadError } from '../../components/LoadError.tsx';

const percentOf = (read: number, reached: number) => (reached > 0 ? Math.round((read / reached) * 100) : 0);

/**
 * Who has read it, building by building, as a table: a progress bar each, the relay contact's task,
 * and who has not read it yet behind a disclosure (a building of 300 names must not bury the table).
 * Refreshed live as people read.
 */
export function ReadReceipts({
  communityId,
  announcementId,
}: {
  communityId: string;
  announcementId: string;
}) {
  const { t } = useTranslation();
  const receipts = useReadReceipts(communityId, announcementId, true);
  return (
    <section className="panel ann-receipts" aria-labelledby="ann-receipts-title" data-testid="ann-receipts">
      <h2 id="ann-receipts-title">{t('announcements.receipts.title')}</h2>
      {receipts.isError ? (
        <LoadError error={receipts.error} onRetry={() => void receipts.refetch()} />
      ) : receipts.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <>
          <p className="ann-receipts-summary" data-testid="ann-receipts-summary">
            {t('announcements.receipts.summary', receipts.data)}
          </p>
          <Progress
            percent={percentOf(receipts.data.read, receipts.data.reached)}
            aria-label={t('announcements.reachLabel')}
          />
          {receipts.data.buildings.length === 0 ? (
            <p>{t('announcements.receipts.empty')}</p>
          ) : (
            <div className="ann-table-wrap">
              <table className="ann-table">
                <thead>
                  <tr>
                    <th scope="col">{t('announcements.receipts.building')}</th>
                    <th scope="col">{t('announcements.receipts.read')}</th>
                    <th scope="col">{t('announcements.receipts.relay')}</th>
                  </tr>
                </thead>
                <tbody>
                  {receipts.data.buildings.map((b) => (
                    <BuildingRows key={b.buildingId ?? 'none'} b={b} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function BuildingRows({ b }: { b: TBuildingReceipt }) {
  const { t, i18n } = useTranslation();
  const name = b.buildingCode
    ? buildingLabel(b.buildingCode, i18n.language as Locale)
    : t('announcements.receipts.noBuilding');
  const relay = b.relay
    ? t(`announcements.receipts.relayStatus.${b.relay.status}`)
    : t('announcements.receipts.relayStatus.none');
  return (
    <>
      <tr data-testid="ann-receipt-row" data-building={b.buildingCode ?? ''}>
        <th scope="row">{name}</th>
        <td>
          <span className="ann-count">
            {b.read} / {b.reached}
          </span>
          <Progress
            percent={percentOf(b.read, b.reached)}
            size="small"
            showInfo={false}
            aria-label={t('announcements.receipts.progressLabel', { building: name })}
          />
        </td>
        <td className={`ann-relay ann-relay-${b.relay?.status ?? 'none'}`}>
          {relay}
          {b.relay && !b.relay.hasContact && (
            <span className="ann-hint">{t('announcements.receipts.noContact')}</span>
          )}
        </td>
      </tr>
      {b.unread.length > 0 && (
        <tr className="ann-unread-row">
          <td colSpan={3}>
            <details>
              <summary>{t('announcements.receipts.unreadTitle', { count: b.unread.length })}</summary>
              <ul className="ann-unread">
                {b.unread.map((p) => (
                  <li key={p.accountId}>
                    <span>{p.name}</span>
                    {p.room && <span>{p.room}</span>}
                    {p.mobile && <span className="ann-hint">{p.mobile}</span>}
                  </li>
                ))}
              </ul>
            </details>
          </td>
        </tr>
      )}
    </>
  );
}
