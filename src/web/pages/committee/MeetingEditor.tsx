import { App, Button, Input, Segmented } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_STATUSES, type TMeeting } from '../../../shared/api/committee.ts';
import { errorMessage } from '../../api/client.ts';
import { useUpdateMeeting } from '../../api/committee.ts';

type Draft = Pick<TMeeting, 'agenda' | 'minutes' | 'attendees' | 'status'>;
const FIELDS = ['agenda', 'minutes', 'attendees', 'status'] as const;

/**
 * The secretary's text: agenda (drafted from the figures), minutes, attendees, and whether the meeting
 * was held. Plain text areas and one save button that sends only what changed.
 */
export function MeetingEditor({ communityId, meeting }: { communityId: string; meeting: TMeeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ids = { agenda: useId(), agendaHelp: useId(), minutes: useId(), attendees: useId(), status: useId() };
  const [draft, setDraft] = useState<Draft>(() => pick(meeting));
  const update = useUpdateMeeting(communityId, meeting.id);
  const changed = Object.fromEntries(FIELDS.filter((k) => draft[k] !== meeting[k]).map((k) => [k, draft[k]]));
  const dirty = Object.keys(changed).length > 0;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = () =>
    update.mutate(changed, {
      onSuccess: (saved) => {
        setDraft(pick(saved));
        void message.success(t('committee.editor.saved'));
      },
      onError: (e) => void message.error(t('committee.saveFailed', { message: errorMessage(e) })),
    });
  return (
    <section className="panel cm-editor" aria-labelledby="cm-editor-title">
      <h2 id="cm-editor-title">{t('committee.editor.title')}</h2>
      <div className="cm-field">
        <span id={ids.status} className="cm-label">
          {t('committee.editor.statusLabel')}
        </span>
        <Segmented
          size="large"
          aria-labelledby={ids.status}
          value={draft.status}
          onChange={(v) => set({ status: v as Draft['status'] })}
          options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`committee.status.${s}`) }))}
        />
      </div>
      <div className="cm-field">
        <label htmlFor={ids.attendees} className="cm-label">
          {t('committee.editor.attendees')}
        </label>
        <Input
          id={ids.attendees}
          size="large"
          value={draft.attendees}
          maxLength={2000}
          placeholder={t('committee.editor.attendeesPlaceholder')}
          onChange={(e) => set({ attendees: e.target.value })}
        />
      </div>
      <div className="cm-field">
        <label htmlFor={ids.agenda} className="cm-label">
          {t('committee.editor.agenda')}
        </label>
        <span id={ids.agendaHelp} className="page-note">
          {t('committee.editor.agendaHelp')}
        </span>
        <Input.TextArea
          id={ids.agenda}
          aria-describedby={ids.agendaHelp}
          value={draft.agenda}
          maxLength={20_000}
          autoSize={{ minRows: 6, maxRows: 24 }}
          onChange={(e) => set({ agenda: e.target.value })}
        />
      </div>
      <div className="cm-field">
        <label htmlFor={ids.minutes} className="cm-label">
          {t('committee.editor.minutes')}
        </label>
        <Input.TextArea
          id={ids.minutes}
          value={draft.minutes}
          maxLength={50_000}
          autoSize={{ minRows: 8, maxRows: 40 }}
          placeholder={t('committee.editor.minutesPlaceholder')}
          onChange={(e) => set({ minutes: e.target.value })}
        />
      </div>
      <div className="cm-save">
        <Button type="primary" size="large" disabled={!dirty} loading={update.isPending} onClick={save}>
          {t('committee.editor.save')}
        </Button>
        <span className="page-note" aria-live="polite">
          {dirty ? t('committee.editor.unsaved') : ''}
        </span>
      </div>
    </section>
  );
}

const pick = (m: Draft): Draft => ({
  agenda: m.agenda,
  minutes: m.minutes,
  attendees: m.attendees,
  status: m.status,
});
