import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { useImportPositions } from '../../api/registry.ts';

// A position list is a few kilobytes; anything much bigger is the wrong file.
const MAX_CSV_BYTES = 1024 * 1024;

/** Positions surveyed elsewhere, as a CSV of building,x,y, set in one go. */
export function PositionsImport({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const positions = useImportPositions(communityId);
  const [tooBig, setTooBig] = useState(false);
  const read = async (file: File) => {
    positions.reset();
    setTooBig(file.size > MAX_CSV_BYTES);
    if (file.size <= MAX_CSV_BYTES) positions.mutate(await file.text());
  };
  const result = positions.data;
  return (
    <div className="positions-import">
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={positions.isPending}>
          {t('sitePlan.importCsv')}
        </Button>
      </Upload>
      <p className="page-note">{t('sitePlan.importCsvHelp')}</p>
      {tooBig && <Alert type="error" showIcon role="alert" title={t('sitePlan.csvTooBig')} />}
      {positions.error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(positions.error)} />
      ) : null}
      {result && (
        <Alert
          type={result.rejected.length ? 'warning' : 'success'}
          showIcon
          role="status"
          title={t('sitePlan.importResult', { updated: result.updated, rejected: result.rejected.length })}
          description={
            result.rejected.length > 0 && (
              <ul className="problem-list">
                {result.rejected.map((problem) => (
                  <li key={`${problem.row}-${problem.code}`}>{problem.message}</li>
                ))}
              </ul>
            )
          }
        />
      )}
    </div>
  );
}
