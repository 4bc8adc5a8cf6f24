import { Button, Input } from 'antd';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useCreateMeeting } from '../../api/committee.ts';
import { wallClock, wallTimeToUtc } from '../../lib/time.ts';
import { formatDay, weekBefore } from './committee-format.ts';

/** A new meeting: title, day and time (community clock); the server takes the week before's figures. */
export function NewMeetingForm({
  communityId,
  timeZone,
  onCancel,
}: {
  communityId: string;
  timeZone: string;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const ids = { title: useId(), day: useId(), time: useId() };
  const today = wallClock(new Date(), timeZone).day;
  const [day, setDay] = useState(today);
  const [time, setTime] = useState('19:00');
  const [title, setTitle] = useState(() =>
    t('committee.defaultTitle', { date: formatDay(today, i18n.language) }),
  );
  const create = useCreateMeeting(communityId);
  const week = weekBefore(day || today);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const heldAt = wallTimeToUtc(day, time, timeZone);
    if (!heldAt || !title.trim()) return;
    create.mutate(
      { title: title.trim(), heldAt },
      { onSuccess: (meeting) => navigate(`/committee/meetings/${meeting.id}`) },
    );
  };
  return (
    <form className="panel cm-new" onSubmit={submit} aria-labelledby="cm-new-title">
      <h2 id="cm-new-title">{t('committee.newMeetingTitle')}</h2>
      <label htmlFor={ids.title}>{t('committee.meetingTitle')}</label>
      <Input
        id={ids.title}
        size="large"
        value={title}
        maxLength={100}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="cm-when">
        <div>
          <label htmlFor={ids.day}>{t('committee.heldDay')}</label>
          <Input id={ids.day} type="date" size="large" value={day} onChange={(e) => setDay(e.target.value)} />
        </div>
        <div>
          <label htmlFor={ids.time}>{t('committee.heldTime')}</label>
          <Input
            id={ids.time}
            type="time"
            size="large"
            value={time}
            onChange={(e) => setTime(e.target.value)}
          />
        </div>
      </div>
      <p className="page-note">
        {t('committee.weekNote', {
          from: formatDay(week.from, i18n.language),
          to: formatDay(week.to, i18n.language),
        })}
      </p>
      {create.error && (
        <p role="alert" className="cm-form-error">
          {errorMessage(create.error)}
        </p>
      )}
      <div className="cm-form-buttons">
        <Button type="primary" size="large" htmlType="submit" loading={create.isPending}>
          {t('committee.create')}
        </Button>
        <Button size="large" onClick={onCancel}>
          {t('committee.cancel')}
        </Button>
      </div>
    </form>
  );
}
