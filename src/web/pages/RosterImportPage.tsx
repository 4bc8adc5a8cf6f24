import { Alert, Button } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportPreview, TImportResult } from '../../shared/api/registry.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { MAX_ROSTER_BYTES, uploadRoster, useCommitImport } from '../api/roster.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { canEditRegistry } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { CommitProgress } from './roster-import/CommitProgress.tsx';
import { FilePicker } from './roster-import/FilePicker.tsx';
import { ImportDone } from './roster-import/ImportDone.tsx';
import { ImportPreview } from './roster-import/ImportPreview.tsx';

export function RosterImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('rosterImport.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canEditRegistry(membership.roles)) return <Forbidden />;
  return (
    <RosterImport
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

type Step =
  | { step: 'pick'; error: string | null }
  | { step: 'upload'; fileName: string; progress: number }
  | { step: 'preview'; preview: TImportPreview }
  | { step: 'done'; result: TImportResult };

/** Only spreadsheet names; the server checks the content too, this saves a pointless upload. */
const looksLikeRoster = (name: string) => /\.(xlsx|csv)$/i.test(name);

function RosterImport({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<Step>({ step: 'pick', error: null });
  const upload = useRef<AbortController | null>(null);
  const commit = useCommitImport(communityId);

  const pick = async (file: File) => {
    if (!looksLikeRoster(file.name)) return setState({ step: 'pick', error: t('rosterImport.wrongType') });
    if (file.size === 0) return setState({ step: 'pick', error: t('rosterImport.emptyFile') });
    if (file.size > MAX_ROSTER_BYTES) return setState({ step: 'pick', error: t('rosterImport.tooLarge') });
    const controller = new AbortController();
    upload.current = controller;
    setState({ step: 'upload', fileName: file.name, progress: 0 });
    try {
      const preview = await uploadRoster(
        communityId,
        file,
        (progress) => setState({ step: 'upload', fileName: file.name, progress }),
        controller.signal,
      );
      setState({ step: 'preview', preview });
    } catch (error) {
      const cancelled = error instanceof ApiError && error.code === 'ABORTED';
      setState({ step: 'pick', error: cancelled ? null : errorMessage(error) });
    } finally {
      upload.current = null;
    }
  };

  const restart = () => {
    commit.reset();
    setState({ step: 'pick', error: null });
  };

  const onCommit = (preview: TImportPreview) =>
    commit.mutate(preview.importId, { onSuccess: (result) => setState({ step: 'done', result }) });

  return (
    <div className="page">
      <h1 className="page-title">{t('rosterImport.title')}</h1>
      <p className="page-note">{t('rosterImport.intro')}</p>
      {(state.step === 'pick' || state.step === 'upload') && (
        <FilePicker
          progress={state.step === 'upload' ? state.progress : null}
          fileName={state.step === 'upload' ? state.fileName : null}
          error={state.step === 'pick' ? state.error : null}
          onPick={(file) => void pick(file)}
          onCancel={() => upload.current?.abort()}
        />
      )}
      {state.step === 'preview' &&
        (commit.isPending ? (
          <section className="panel" aria-label={t('rosterImport.commit')}>
            <CommitProgress rows={state.preview.accepted} />
          </section>
        ) : (
          <>
            {commit.error ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={t('rosterImport.commitFailed')}
                description={errorMessage(commit.error)}
                action={<Button onClick={restart}>{t('rosterImport.uploadAgain')}</Button>}
              />
            ) : null}
            <ImportPreview
              preview={state.preview}
              timeZone={timeZone}
              onCommit={() => onCommit(state.preview)}
              onCancel={restart}
            />
          </>
        ))}
      {state.step === 'done' && <ImportDone result={state.result} onAnother={restart} />}
    </div>
  );
}
