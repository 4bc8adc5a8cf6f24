import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** Who to scan again: their scans went into a tube the server would not open. Stays until dismissed. */
export interface Rescan {
  barcode: string;
  reason: string;
  labels: string[];
}

export function RescanNotice({ rescan, onDismiss }: { rescan: Rescan; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      className="rescan-notice"
      data-testid="rescan-notice"
      type="error"
      showIcon
      closable={{ 'aria-label': t('testingOffline.rescanDismiss') }}
      onClose={onDismiss}
      title={t('testingOffline.rescanTitle', { barcode: rescan.barcode, count: rescan.labels.length })}
      description={
        <>
          <p>{rescan.reason}</p>
          {rescan.labels.length > 0 && (
            <>
              <p>{t('testingOffline.rescanAsk')}</p>
              <ul className="rescan-list">
                {rescan.labels.map((label, i) => (
                  // the same code scanned twice is listed twice: the order is the key
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
                  <li key={i}>{label}</li>
                ))}
              </ul>
            </>
          )}
        </>
      }
    />
  );
}
