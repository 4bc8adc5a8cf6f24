import { CheckOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TImportPreview } from '../../../shared/api/registry.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { formatDateTime } from '../../lib/time.ts';
import { PreviewDetails } from './PreviewDetails.tsx';

interface Props {
  preview: TImportPreview;
  timeZone: string;
  onCommit: () => void;
  onCancel: () => void;
}

/** What the file would change, before anything changes: counts first, then the rows to look at. */
export function ImportPreview({ preview, timeZone, onCommit, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const counts = [
    {
      key: 'householdsToCreate',
      label: t('rosterImport.householdsToCreate'),
      value: preview.householdsToCreate,
    },
    {
      key: 'householdsToUpdate',
      label: t('rosterImport.householdsToUpdate'),
      value: preview.householdsToUpdate,
    },
    {
      key: 'residentsToCreate',
      label: t('rosterImport.residentsToCreate'),
      value: preview.residentsToCreate,
    },
    {
      key: 'residentsToUpdate',
      label: t('rosterImport.residentsToUpdate'),
      value: preview.residentsToUpdate,
    },
    { key: 'unchanged', label: t('rosterImport.unchanged'), value: preview.unchanged },
    { key: 'rejected', label: t('rosterImport.rejectedRows'), value: preview.rejected.length },
  ];
  const actions = (
    <div className="form-buttons">
      <Button
        type="primary"
        size="large"
        icon={<CheckOutlined aria-hidden />}
        onClick={onCommit}
        disabled={preview.accepted === 0}
      >
        {t('rosterImport.commit')}
      </Button>
      <Button size="large" onClick={onCancel}>
        {t('rosterImport.discard')}
      </Button>
    </div>
  );
  return (
    <>
      <section className="panel" aria-labelledby="preview-title">
        <h2 id="preview-title">{t('rosterImport.previewTitle')}</h2>
        <p data-testid="preview-summary">
          {t('rosterImport.previewSummary', {
            name: preview.fileName,
            rows: formatCount(preview.rows, locale),
            accepted: formatCount(preview.accepted, locale),
          })}
        </p>
        <p className="page-note">
          {t('rosterImport.expires', { time: formatDateTime(preview.expiresAt, timeZone, locale) })}
        </p>
        <dl className="tile-grid preview-counts">
          {counts.map((c) => (
            <div
              key={c.key}
              className={c.key === 'rejected' && c.value > 0 ? 'tile tile-warning' : 'tile'}
              data-testid={`preview-${c.key}`}
            >
              <dt className="tile-label">{c.label}</dt>
              <dd className="tile-value">{formatCount(c.value, locale)}</dd>
            </div>
          ))}
        </dl>
        {preview.accepted === 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('rosterImport.nothingToImport')}
            className="form-alert"
          />
        )}
        {actions}
      </section>
      <PreviewDetails preview={preview} />
      <section className="panel" aria-label={t('rosterImport.commit')}>
        {actions}
      </section>
    </>
  );
}
