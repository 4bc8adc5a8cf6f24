import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TImportPreview } from '../../../shared/api/registry.ts';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel } from '../../lib/registry-format.ts';
import { useFieldLabel } from './field-labels.ts';
import { ProblemList } from './ProblemList.tsx';
import { SampleRows } from './SampleRows.tsx';

export function PreviewDetails({ preview }: { preview: TImportPreview }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const fieldLabel = useFieldLabel();
  return (
    <>
      {preview.newBuildings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('rosterImport.newBuildings', { count: preview.newBuildings.length })}
          description={
            <>
              <p className="alert-text">{t('rosterImport.newBuildingsHelp')}</p>
              <ul className="chip-list" data-testid="preview-new-buildings">
                {preview.newBuildings.map((code) => (
                  <li key={code}>{buildingLabel(code, locale)}</li>
                ))}
              </ul>
            </>
          }
        />
      )}
      <ProblemList
        id="rejected"
        title={t('rosterImport.rejectedTitle', { count: preview.rejected.length })}
        help={t('rosterImport.rejectedHelp')}
        problems={preview.rejected}
        tone="error"
      />
      <ProblemList
        id="merged"
        title={t('rosterImport.mergedTitle', { count: preview.merged.length })}
        help={t('rosterImport.mergedHelp')}
        problems={preview.merged}
        tone="info"
      />
      <section className="panel" aria-labelledby="columns-title">
        <h2 id="columns-title">{t('rosterImport.columnsTitle')}</h2>
        <ul className="column-map">
          {preview.columns.map((c) => (
            <li key={`${c.header}-${c.field}`}>
              <span className="column-header">{c.header}</span>
              <span aria-hidden>→</span>
              <span className="visually-hidden">{t('rosterImport.readAs')}</span>
              <strong>{fieldLabel(c.field)}</strong>
            </li>
          ))}
        </ul>
      </section>
      {preview.sample.length > 0 && (
        <section className="panel" aria-labelledby="sample-title">
          <h2 id="sample-title">{t('rosterImport.sampleTitle')}</h2>
          <SampleRows sample={preview.sample} />
        </section>
      )}
    </>
  );
}
