import { CameraOutlined, CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDisinfectionTask } from '../../../shared/api/disinfection.ts';
import { errorMessage } from '../../api/client.ts';
import { useLogDisinfection } from '../../api/disinfection.ts';
import { localTime, timeOnDay } from './disinfection-format.ts';

interface Props {
  communityId: string;
  task: TDisinfectionTask;
  timeZone: string;
  /** the list's day: a round of an earlier day shows its date */
  day: string;
  /** the group and the committee log rounds; viewers only look */
  canLog: boolean;
}

/**
 * One round on a phone: the area in large type, its time, and a big "done" button. A photo (the
 * phone's camera opens) and a note are optional and taken before the tap; the log goes first, then
 * the photo, so a failed upload never loses the log.
 */
export function DisinfectionTaskCard({ communityId, task, timeZone, day, canLog }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const log = useLogDisinfection(communityId);
  const [photo, setPhoto] = useState<File | null>(null);
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState('');
  const photoId = useId();
  const noteId = useId();
  const due = timeOnDay(task.dueAt, timeZone, day);
  const kind = t(`disinfection.kind.${task.areaKind}`);
  const stateClass = task.status === 'done' ? 'is-done' : task.overdue ? 'is-overdue' : '';

  // Awaited rather than mutate()'s callbacks: the card leaves the list as soon as the round is logged,
  // and a callback of an unmounted card would never run, leaving the volunteer without an answer.
  const onDone = async () => {
    try {
      const { photoError } = await log.mutateAsync({
        taskId: task.id,
        note: note.trim() || undefined,
        photo,
      });
      if (photoError)
        void message.warning(t('disinfection.photoFailed', { message: errorMessage(photoError) }));
      else void message.success(t('disinfection.logged', { area: task.areaName }));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <li className={`dis-task ${stateClass}`} data-testid="dis-task" data-task-id={task.id}>
      <div className="dis-task-head">
        <h3 className="dis-task-area">{task.areaName}</h3>
        <span className="dis-task-kind">{kind}</span>
      </div>
      <p className="dis-task-when">
        {task.overdue && (
          <Tag color="red" className="dis-tag">
            {t('disinfection.overdue')}
          </Tag>
        )}
        <span>{t('disinfection.dueAt', { time: due })}</span>
        {task.overdue && (
          <span> · {t('disinfection.overdueHint', { time: timeOnDay(task.overdueAt, timeZone, day) })}</span>
        )}
      </p>
      {task.status === 'done' ? (
        <div className="dis-task-done">
          <CheckOutlined aria-hidden />{' '}
          {task.doneBy
            ? t('disinfection.doneBy', { name: task.doneBy.name, time: localTime(task.doneAt!, timeZone) })
            : t('disinfection.doneNoName', { time: localTime(task.doneAt!, timeZone) })}
          {task.note && <p className="dis-task-note">{task.note}</p>}
          {task.photoPath && (
            <a href={task.photoPath} target="_blank" rel="noreferrer" className="dis-task-photo">
              <img src={task.photoPath} alt={t('disinfection.viewPhoto')} loading="lazy" />
            </a>
          )}
        </div>
      ) : (
        canLog && (
          <>
            {noting && (
              <div className="dis-task-note-field">
                <label htmlFor={noteId}>{t('disinfection.note')}</label>
                <Input.TextArea
                  id={noteId}
                  value={note}
                  maxLength={500}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  placeholder={t('disinfection.notePlaceholder')}
                  onChange={(e) => setNote(e.target.value)}
                />
              </div>
            )}
            <div className="dis-task-actions">
              {photo ? (
                <Button
                  size="large"
                  className="dis-photo-chosen"
                  icon={<CloseOutlined aria-hidden />}
                  aria-label={t('disinfection.removePhoto')}
                  onClick={() => setPhoto(null)}
                >
                  {t('disinfection.photoChosen')}
                </Button>
              ) : (
                <label htmlFor={photoId} className="button-link dis-photo-button">
                  <CameraOutlined aria-hidden /> {t('disinfection.photo')}
                  <span className="visually-hidden">
                    {t('disinfection.photoAria', { area: task.areaName })}
                  </span>
                </label>
              )}
              <input
                id={photoId}
                className="dis-photo-input"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                capture="environment"
                onChange={(e) => {
                  setPhoto(e.target.files?.[0] ?? null);
                  e.target.value = '';
                }}
              />
              {!noting && (
                <Button size="large" icon={<EditOutlined aria-hidden />} onClick={() => setNoting(true)}>
                  {t('disinfection.addNote')}
                </Button>
              )}
              <Button
                type="primary"
                size="large"
                className="dis-done-button"
                icon={<CheckOutlined aria-hidden />}
                loading={log.isPending}
                aria-label={t('disinfection.doneAria', { area: task.areaName, time: due })}
                onClick={() => void onDone()}
              >
                {t('disinfection.done')}
              </Button>
            </div>
          </>
        )
      )}
    </li>
  );
}
