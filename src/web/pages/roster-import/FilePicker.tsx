import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

export const ACCEPTED =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

interface Props {
  /** Percent uploaded while a file is on its way, else null. */
  progress: number | null;
  fileName: string | null;
  error: string | null;
  onPick: (file: File) => void;
  onCancel: () => void;
}

/** Drop or choose one sheet; while it uploads, a real progress bar (a roster can be megabytes). */
export function FilePicker({ progress, fileName, error, onPick, onCancel }: Props) {
  const { t } = useTranslation();
  const uploading = progress !== null;
  return (
    <section className="panel" aria-labelledby="roster-pick-title">
      <h2 id="roster-pick-title">{t('rosterImport.pickTitle')}</h2>
      <p className="page-note upload-columns-help">{t('rosterImport.columnsHelp')}</p>
      {error && <Alert type="error" showIcon role="alert" title={error} className="form-alert" />}
      {uploading ? (
        <div className="upload-progress" aria-live="polite">
          <p>{t('rosterImport.uploading', { name: fileName })}</p>
          <Progress percent={progress} status="active" aria-label={t('rosterImport.uploadProgress')} />
          {progress === 100 && <p className="page-note">{t('rosterImport.checking')}</p>}
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      ) : (
        <Upload.Dragger
          accept={ACCEPTED}
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            onPick(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="upload-drag-text">{t('rosterImport.dropHere')}</p>
          <p className="page-note">{t('rosterImport.fileHelp')}</p>
        </Upload.Dragger>
      )}
    </section>
  );
}
