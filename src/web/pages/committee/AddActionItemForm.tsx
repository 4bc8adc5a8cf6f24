import { App, Button, Input, Select } from 'antd';
import { type FormEvent, useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../api/client.ts';
import { useCommitteeMembers, useCreateActionItem } from '../../api/committee.ts';
import { addDays, wallClock } from '../../lib/time.ts';

/** The owner picker: the committee and leaders at first, anyone in the community by name or sign-in. */
function OwnerPicker({
  communityId,
  id,
  value,
  onChange,
  invalid,
}: {
  communityId: string;
  id: string;
  value: string | undefined;
  onChange: (accountId: string) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const members = useCommitteeMembers(communityId, q, true);
  const options = (members.data?.items ?? []).map((m) => ({
    value: m.accountId,
    label: `${m.name}（${m.username}）`,
  }));
  return (
    <Select
      id={id}
      size="large"
      // The server searches; the same test here hides the earlier answer's non-matches at once, so an
      // Enter pressed before the answer arrives cannot pick someone who does not match.
      showSearch={{
        onSearch: setSearch,
        filterOption: (input, option) => !!option?.label.toLowerCase().includes(input.trim().toLowerCase()),
      }}
      value={value}
      onChange={onChange}
      options={options}
      loading={members.isFetching}
      placeholder={t('committee.items.ownerPlaceholder')}
      status={invalid ? 'error' : undefined}
      aria-invalid={invalid || undefined}
      className="cm-owner-picker"
      notFoundContent={null}
    />
  );
}

/** A decision of the meeting as an action item: what, who (told at once), by when. */
export function AddActionItemForm({
  communityId,
  meetingId,
  timeZone,
  onDone,
}: {
  communityId: string;
  meetingId: string;
  timeZone: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ids = { title: useId(), owner: useId(), due: useId(), error: useId() };
  const today = wallClock(new Date(), timeZone).day;
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState<string>();
  const [dueOn, setDueOn] = useState(addDays(today, 7));
  const [missing, setMissing] = useState(false);
  const create = useCreateActionItem(communityId);
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !owner || !dueOn) {
      setMissing(true);
      return;
    }
    create.mutate(
      { title: title.trim(), ownerAccountId: owner, dueOn, meetingId },
      {
        onSuccess: () => {
          void message.success(t('committee.items.added'));
          onDone();
        },
      },
    );
  };
  const problem = missing ? t('committee.items.required') : create.error ? errorMessage(create.error) : null;
  return (
    <form className="cm-add-item" onSubmit={submit} aria-label={t('committee.items.addTitle')} noValidate>
      <h3>{t('committee.items.addTitle')}</h3>
      <label htmlFor={ids.title}>{t('committee.items.what')}</label>
      <Input
        id={ids.title}
        size="large"
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={t('committee.items.whatPlaceholder')}
        status={errors.has('title') ? 'error' : undefined}
      />
      <label htmlFor={ids.owner}>{t('committee.items.owner')}</label>
      <OwnerPicker
        communityId={communityId}
        id={ids.owner}
        value={owner}
        onChange={setOwner}
        invalid={errors.has('ownerAccountId')}
      />
      <label htmlFor={ids.due}>{t('committee.items.due')}</label>
      <Input
        id={ids.due}
        type="date"
        size="large"
        value={dueOn}
        min={today}
        onChange={(e) => setDueOn(e.target.value)}
        status={errors.has('dueOn') ? 'error' : undefined}
      />
      {problem && (
        <p id={ids.error} role="alert" className="cm-form-error">
          {problem}
        </p>
      )}
      <div className="cm-form-buttons">
        <Button type="primary" size="large" htmlType="submit" loading={create.isPending}>
          {t('committee.items.add')}
        </Button>
        <Button size="large" onClick={onDone}>
          {t('committee.cancel')}
        </Button>
      </div>
    </form>
  );
}
