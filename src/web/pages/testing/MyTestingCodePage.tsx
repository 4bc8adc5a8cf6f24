import { Alert, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyTestingCodes } from '../../api/testing-scans.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { CodeQr, spacedCode } from './CodeQr.tsx';
import { hasTestingCode } from './scan-access.ts';
import '../../styles/testing-scans.css';

/** /my/testing-code: every member of my household with a large QR code, for the lane to scan. */
export function MyTestingCodePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('testingScans.myCodeTitle'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!hasTestingCode(membership.roles)) return <Forbidden />;
  return <MyCodes communityId={membership.communityId} />;
}

function MyCodes({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const codes = useMyTestingCodes(communityId);
  return (
    <div className="page my-code-page">
      <h1>{t('testingScans.myCodeTitle')}</h1>
      {codes.isPending ? (
        <Skeleton active />
      ) : codes.isError ? (
        <LoadError error={codes.error} onRetry={() => codes.refetch()} />
      ) : !codes.data.household ? (
        <Alert type="info" showIcon title={t('testingScans.noHousehold')} />
      ) : (
        <>
          <p className="my-code-hint">{t('testingScans.myCodeHint')}</p>
          <ul className="my-code-list">
            {codes.data.household.residents.map((r) => (
              <li key={r.residentId} className="panel my-code-card">
                <h2>{r.name}</h2>
                <CodeQr code={r.personalCode} size={280} alt={t('testingScans.codeAlt', { name: r.name })} />
                <p className="my-code-text">{spacedCode(r.personalCode)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
