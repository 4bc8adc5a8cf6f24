import { Alert, Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TParcelImportResult, TParcelImportRow } from '../../../shared/api/parcels.ts';
import { errorMessage } from '../../api/client.ts';
import { uploadParcelSheet } from '../../api/parcel-import.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { canWorkParcels } from './parcel-access.ts';
import '../../styles/parcels.css';
import '../../styles/parcel-import.css';

export function ParcelImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('parcelImport.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canWorkParcels(membership.roles)) return <Forbidden />;
  return <SheetImport key={membership.communityId} communityId={membership.communityId} />;
}

type State =
  | { step: 'pick'; error: string | null }
  | { step: 'busy'; fileName: string }
  | { step: 'preview'; file: File; preview: TParcelImportResult; error: string | null }
  | { step: 'done'; result: TParcelImportResult };

const lands = (row: TParcelImportRow) => row.outcome === 'ok' || row.outcome === 'unassigned';

/** Pick a sheet, see what would land and what not, confirm: the same file is posted again for real. */
function SheetImport({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'pick', error: null });

  const preview = async (file: File) => {
    if (!/\.(xlsx|csv)$/i.test(file.name))
      return setState({ step: 'pick', error: t('parcelImport.wrongType') });
    setState({ step: 'busy', fileName: file.name });
    try {
      setState({
        step: 'preview',
        file,
        preview: await uploadParcelSheet(communityId, file, true),
        error: null,
      });
    } catch (error) {
      setState({ step: 'pick', error: errorMessage(error) });
    }
  };
  const commit = async (file: File, shown: TParcelImportResult) => {
    setState({ step: 'busy', fileName: file.name });
    try {
      setState({ step: 'done', result: await uploadParcelSheet(communityId, file, false) });
    } catch (error) {
      setState({ step: 'preview', file, preview: shown, error: errorMessage(error) });
    }
  };
  const restart = () => setState({ step: 'pick', error: null });

  return (
    <div className="page parcel-import">
      <Link to="/parcels/intake" className="back-link">
        {t('parcelImport.backToIntake')}
      </Link>
      <h1 className="page-title">{t('parcelImport.title')}</h1>
      {state.step === 'pick' && (
        <section className="panel">
          <p className="page-note">{t('parcelImport.intro')}</p>
          {state.error && <Alert type="error" showIcon role="alert" title={state.error} />}
          <label className="sheet-pick big-button ant-btn ant-btn-primary ant-btn-lg ant-btn-block">
            {t('parcelImport.pick')}
            <input
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void preview(file);
              }}
            />
          </label>
        </section>
      )}
      {state.step === 'busy' && (
        <section className="panel" aria-live="polite">
          <Spin /> {t('parcelImport.checking', { name: state.fileName })}
        </section>
      )}
      {state.step === 'preview' && (
        <Preview
          result={state.preview}
          error={state.error}
          onConfirm={() => void commit(state.file, state.preview)}
          onCancel={restart}
        />
      )}
      {state.step === 'done' && (
        <section className="panel">
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="import-outcome"
            title={
              state.result.landed > 0
                ? t('parcelImport.done', { count: state.result.landed })
                : t('parcelImport.doneNothing')
            }
          />
          <Button size="large" block className="big-button" onClick={restart}>
            {t('parcelImport.another')}
          </Button>
        </section>
      )}
    </div>
  );
}

function Preview(props: {
  result: TParcelImportResult;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { result } = props;
  const toLand = result.rows.filter(lands).length;
  return (
    <section className="panel">
      <p className="import-summary">
        {t('parcelImport.summary', {
          name: result.fileName,
          land: toLand,
          refused: result.rows.length - toLand,
        })}
      </p>
      {props.error && <Alert type="error" showIcon role="alert" title={props.error} />}
      <RowLists result={result} />
      <div className="import-actions">
        {toLand > 0 ? (
          <Button type="primary" size="large" block className="big-button" onClick={props.onConfirm}>
            {t('parcelImport.confirm', { count: toLand })}
          </Button>
        ) : (
          <Alert type="info" showIcon title={t('parcelImport.nothingNew')} />
        )}
        <Button size="large" block className="big-button" onClick={props.onCancel}>
          {t('parcelImport.another')}
        </Button>
      </div>
    </section>
  );
}

function RowLists({ result }: { result: TParcelImportResult }) {
  const { t } = useTranslation();
  const landing = result.rows.filter(lands);
  const refused = result.rows.filter((r) => !lands(r));
  return (
    <>
      {landing.length > 0 && (
        <>
          <h2 className="import-heading">{t('parcelImport.toLand', { count: landing.length })}</h2>
          <ul className="import-rows">
            {landing.map((row) => (
              <RowItem key={row.line} row={row} />
            ))}
          </ul>
        </>
      )}
      {refused.length > 0 && (
        <>
          <h2 className="import-heading">{t('parcelImport.refused', { count: refused.length })}</h2>
          <ul className="import-rows refused">
            {refused.map((row) => (
              <RowItem key={row.line} row={row} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function RowItem({ row }: { row: TParcelImportRow }) {
  const { t } = useTranslation();
  const where = (() => {
    if (row.outcome === 'ok')
      return [
        t('parcelImport.bin', { code: row.buildingCode }),
        row.room && t('parcelImport.room', { room: row.room }),
      ]
        .filter(Boolean)
        .join(' ');
    if (row.outcome === 'unassigned')
      return row.detail
        ? t('parcelImport.unassigned', { typed: row.detail })
        : t('parcelImport.noBuildingGiven');
    if (row.outcome === 'invalid')
      return t(`parcelImport.reason.${row.detail === 'phoneTail' ? 'phoneTail' : 'waybill'}`);
    return t(`parcelImport.reason.${row.outcome}`, { detail: row.detail });
  })();
  return (
    <li className={`import-row ${row.outcome}`}>
      <span className="import-line">{t('parcelImport.line', { line: row.line })}</span>
      <span className="import-waybill">{row.waybill ?? t('parcelImport.noWaybill')}</span>
      <span className="import-where">{where}</span>
    </li>
  );
}
