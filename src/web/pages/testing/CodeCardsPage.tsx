import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Select, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuildings } from '../../api/registry.ts';
import { useCodeCards } from '../../api/testing-scans.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { CodeQr, spacedCode } from './CodeQr.tsx';
import { canPrintCodeCards } from './scan-access.ts';
import '../../styles/testing-scans.css';

/** /testing/code-cards: a building's households as cut-out cards with a QR per member, for paper. */
export function CodeCardsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('testingScans.cardsTitle'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canPrintCodeCards(membership.roles)) return <Forbidden />;
  return <CodeCards communityId={membership.communityId} />;
}

function CodeCards({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const buildings = useBuildings(communityId);
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const [withoutAccount, setWithoutAccount] = useState(true);
  const cards = useCodeCards(communityId, buildingId, withoutAccount);
  const options = useMemo(
    () =>
      (buildings.data ?? [])
        .map((b) => ({ value: b.id, label: t('parcels.building', { code: b.code }), code: b.code }))
        .sort((x, y) => x.code.localeCompare(y.code, 'zh-CN', { numeric: true })),
    [buildings.data, t],
  );
  return (
    <div className="page code-cards-page">
      <div className="no-print code-cards-controls">
        <h1>{t('testingScans.cardsTitle')}</h1>
        <p className="muted">{t('testingScans.cardsHint')}</p>
        <Select
          size="large"
          showSearch
          optionFilterProp="label"
          className="code-cards-building"
          placeholder={t('testingScans.chooseBuilding')}
          aria-label={t('testingScans.chooseBuilding')}
          loading={buildings.isPending}
          options={options}
          value={buildingId}
          onChange={setBuildingId}
        />
        <Checkbox checked={withoutAccount} onChange={(e) => setWithoutAccount(e.target.checked)}>
          {t('testingScans.withoutAccount')}
        </Checkbox>
        <Button
          type="primary"
          size="large"
          icon={<PrinterOutlined aria-hidden />}
          disabled={!cards.data?.households.length}
          onClick={() => window.print()}
        >
          {t('testingScans.print')}
        </Button>
      </div>
      {buildingId === null ? null : cards.isPending ? (
        <Skeleton active />
      ) : cards.isError ? (
        <LoadError error={cards.error} onRetry={() => cards.refetch()} />
      ) : cards.data.households.length === 0 ? (
        <Alert type="info" showIcon title={t('testingScans.cardsNone')} />
      ) : (
        <div className="code-cards">
          {cards.data.households.map((h) => (
            <section
              key={h.householdId}
              className="code-card"
              aria-label={t('testingScans.cardHeading', { building: h.buildingCode, room: h.room })}
            >
              <h2>{t('testingScans.cardHeading', { building: h.buildingCode, room: h.room })}</h2>
              <ul>
                {h.residents.map((r) => (
                  <li key={r.residentId}>
                    <CodeQr
                      code={r.personalCode}
                      size={132}
                      alt={t('testingScans.codeAlt', { name: r.name })}
                    />
                    <span className="code-card-name">{r.name}</span>
                    <span className="code-card-code">{spacedCode(r.personalCode)}</span>
                  </li>
                ))}
              </ul>
              <p className="code-card-footer">{t('testingScans.cardFooter')}</p>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
