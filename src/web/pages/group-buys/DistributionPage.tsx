import { FileExcelOutlined, LeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Empty, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TDistributionBuilding, TDistributionList } from '../../../shared/api/group-buys.ts';
import { errorMessage } from '../../api/client.ts';
import {
  distributionXlsxUrl,
  useDistributionList,
  useLiveGroupBuys,
  useMarkBuildingDistributed,
} from '../../api/group-buys.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel, compareCodes } from '../../lib/registry-format.ts';
import { formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { DistributionOverview } from './DistributionOverview.tsx';
import { ExceptionDialog, type ExceptionTarget } from './ExceptionDialog.tsx';
import { GroupBuyRunsPanel } from './GroupBuyRunsPanel.tsx';
import { formatFen } from './group-buys-format.ts';
import '../../styles/group-buys.css';

/**
 * /group-buys/:id/distribution: per building, room by room, what each household gets, what it owes
 * and a column to sign; printed one building per page for the volunteer who carries it there.
 */
export function DistributionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('groupBuys.distribution.title'));
  const { membership } = useCommunity();
  const { groupBuyId = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!membership.roles.some((r) => r !== 'resident')) return <Forbidden />;
  return (
    <Distribution
      key={`${membership.communityId}/${groupBuyId}`}
      communityId={membership.communityId}
      groupBuyId={groupBuyId}
      timeZone={membership.timezone}
    />
  );
}

function Distribution({
  communityId,
  groupBuyId,
  timeZone,
}: {
  communityId: string;
  groupBuyId: string;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const list = useDistributionList(communityId, groupBuyId);
  useLiveGroupBuys(communityId);
  const [exceptionFor, setExceptionFor] = useState<ExceptionTarget | null>(null);
  return (
    <div className="page gb-page gb-distribution">
      <Link to={`/group-buys/${groupBuyId}`} className="gb-back no-print">
        <LeftOutlined aria-hidden /> {t('groupBuys.distribution.back')}
      </Link>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <header className="gb-distribution-head">
            <h1>{t('groupBuys.distribution.heading', { title: list.data.title })}</h1>
            <div className="gb-actions no-print">
              <Button
                size="large"
                type="primary"
                icon={<PrinterOutlined aria-hidden />}
                onClick={() => window.print()}
              >
                {t('groupBuys.distribution.print')}
              </Button>
              <a
                href={distributionXlsxUrl(communityId, groupBuyId)}
                download
                className="button-link button-link-large"
              >
                <FileExcelOutlined aria-hidden /> {t('groupBuys.detail.distributionXlsx')}
              </a>
            </div>
          </header>
          {list.data.buildings.length > 0 && <DistributionOverview list={list.data} />}
          {list.data.fulfilment === 'delivery' && list.data.buildings.length > 0 && (
            <GroupBuyRunsPanel communityId={communityId} groupBuyId={groupBuyId} />
          )}
          {list.data.buildings.length === 0 ? (
            <Empty description={t('groupBuys.distribution.empty')} />
          ) : (
            [...list.data.buildings]
              .sort((a, b) => compareCodes(a.buildingCode, b.buildingCode))
              .map((b) => (
                <BuildingSheet
                  key={b.buildingId}
                  communityId={communityId}
                  list={list.data}
                  building={b}
                  timeZone={timeZone}
                  onException={setExceptionFor}
                />
              ))
          )}
          <ExceptionDialog
            communityId={communityId}
            groupBuyId={groupBuyId}
            items={list.data.items}
            target={exceptionFor}
            onClose={() => setExceptionFor(null)}
          />
        </>
      )}
    </div>
  );
}

function BuildingSheet({
  communityId,
  list,
  building,
  timeZone,
  onException,
}: {
  communityId: string;
  list: TDistributionList;
  building: TDistributionBuilding;
  timeZone: string;
  onException: (target: ExceptionTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const locale = currentLocale();
  const mark = useMarkBuildingDistributed(communityId, list.groupBuyId);
  const label = buildingLabel(building.buildingCode, locale);
  const headingId = `gb-building-${building.buildingId}`;
  const canMark = list.status === 'arrived' && !building.distributedAt;
  const rows = [...building.rows].sort((a, b) => compareCodes(a.room, b.room));
  const totalFen = rows.reduce((sum, r) => sum + r.amountFen, 0);
  return (
    <section className="panel gb-sheet" aria-labelledby={headingId} data-testid="gb-sheet">
      <header className="gb-sheet-head">
        <h2 id={headingId}>
          {label}{' '}
          <span className="gb-sheet-units">
            {t('groupBuys.distribution.units', { count: building.units })}
          </span>
        </h2>
        <span className="print-only gb-sheet-title">{list.title}</span>
        {building.distributedAt ? (
          <Tag className="gb-tag gb-tag-green">
            {t('groupBuys.distribution.distributedAt', {
              time: formatDateTime(building.distributedAt, timeZone, i18n.language),
            })}
          </Tag>
        ) : (
          canMark && (
            <Button
              size="large"
              className="no-print"
              loading={mark.isPending}
              onClick={() =>
                mark.mutate(building.buildingId, {
                  onSuccess: () =>
                    void message.success(t('groupBuys.distribution.marked', { building: label })),
                })
              }
            >
              {t('groupBuys.distribution.markDistributed')}
            </Button>
          )
        )}
      </header>
      {mark.error && (
        <Alert className="no-print" type="error" showIcon role="alert" title={errorMessage(mark.error)} />
      )}
      <div className="gb-table-scroll">
        <table className="gb-table">
          <caption className="visually-hidden">
            {t('groupBuys.distribution.caption', { building: label })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('groupBuys.distribution.room')}</th>
              {list.items.map((item) => (
                <th scope="col" key={item.id} className="gb-num">
                  {item.name}（{item.unit}）
                </th>
              ))}
              <th scope="col" className="gb-num">
                {t('groupBuys.distribution.amount')}
              </th>
              <th scope="col">{t('groupBuys.distribution.payment')}</th>
              <th scope="col" className="gb-sign">
                {t('groupBuys.distribution.signature')}
              </th>
              <th scope="col" className="no-print">
                <span className="visually-hidden">{t('groupBuys.distribution.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.orderId} data-testid="gb-distribution-row">
                <th scope="row">
                  {row.room}
                  {row.proxy && <span className="gb-proxy-mark">{t('groupBuys.proxy.mark')}</span>}
                </th>
                {list.items.map((item) => (
                  <td key={item.id} className="gb-num">
                    {row.quantities[item.id] ?? 0}
                  </td>
                ))}
                <td className="gb-num">{formatFen(row.amountFen)}</td>
                <td>{t(`groupBuys.payment.${row.payment}`)}</td>
                <td className="gb-sign">
                  {row.receivedAt ? t('groupBuys.distribution.received') : ''}
                  {row.exceptions.length > 0 && (
                    <span className="gb-exceptions">
                      {row.exceptions
                        .map((e) =>
                          t('groupBuys.exception.short', {
                            kind: t(`groupBuys.exception.kind.${e.kind}`),
                            count: e.quantity,
                          }),
                        )
                        .join('；')}
                    </span>
                  )}
                </td>
                <td className="no-print">
                  <Button
                    size="large"
                    type="link"
                    onClick={() => onException({ orderId: row.orderId, household: `${label} ${row.room}` })}
                    aria-label={t('groupBuys.exception.openFor', { household: `${label} ${row.room}` })}
                  >
                    {t('groupBuys.exception.open')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('groupBuys.distribution.total')}</th>
              {list.items.map((item) => (
                <td key={item.id} className="gb-num">
                  {rows.reduce((sum, r) => sum + (r.quantities[item.id] ?? 0), 0)}
                </td>
              ))}
              <td className="gb-num">{formatFen(totalFen)}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
