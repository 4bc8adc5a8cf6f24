import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TImportResult } from '../../../shared/api/registry.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';

export function ImportDone({ result, onAnother }: { result: TImportResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const counts = [
    { key: 'buildingsCreated', label: t('rosterImport.buildingsCreated'), value: result.buildingsCreated },
    { key: 'householdsCreated', label: t('rosterImport.householdsCreated'), value: result.householdsCreated },
    { key: 'householdsUpdated', label: t('rosterImport.householdsUpdated'), value: result.householdsUpdated },
    { key: 'residentsCreated', label: t('rosterImport.residentsCreated'), value: result.residentsCreated },
    { key: 'residentsUpdated', label: t('rosterImport.residentsUpdated'), value: result.residentsUpdated },
    { key: 'unchanged', label: t('rosterImport.unchanged'), value: result.unchanged },
  ];
  return (
    <section className="panel" aria-labelledby="import-done-title">
      <Result
        status="success"
        title={<h2 id="import-done-title">{t('rosterImport.doneTitle')}</h2>}
        extra={
          <div className="form-buttons form-buttons-center">
            <Link to="/residents" className="button-link button-link-primary">
              {t('rosterImport.viewResidents')}
            </Link>
            <Button onClick={onAnother}>{t('rosterImport.another')}</Button>
          </div>
        }
      >
        <dl className="tile-grid">
          {counts.map((c) => (
            <div key={c.key} className="tile" data-testid={`import-${c.key}`}>
              <dt className="tile-label">{c.label}</dt>
              <dd className="tile-value">{formatCount(c.value, locale)}</dd>
            </div>
          ))}
        </dl>
      </Result>
    </section>
  );
}
