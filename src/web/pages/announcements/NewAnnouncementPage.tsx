import { LeftOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Checkbox, Input, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  uploadAnnouncementImage,
  useAnnouncements,
  usePublishAnnouncement,
} from '../../api/announcements.ts';
import { errorMessage, fieldErrors } from '../../api/client.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { FormField } from '../group-buys/FormField.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { AnnouncementPreview } from './AnnouncementPreview.tsx';
import { AudiencePicker } from './AudiencePicker.tsx';
import {
  type AnnouncementDraft,
  type DraftErrors,
  draftToBody,
  emptyDraft,
  errorFieldOf,
  formFieldOf,
  isPublicAllowed,
} from './announcements-format.ts';
import '../../styles/group-buys.css';
import '../../styles/announcements.css';

/** /announcements/new: coordinators, staff and the publicity group write and send an announcement. */
export function NewAnnouncementPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('announcements.form.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  return (
    <PublishersOnly
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

/** Whether this person publishes is the server's answer: the publicity group is not a role. */
function PublishersOnly({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const list = useAnnouncements(communityId, false);
  if (list.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!list.data?.canPublish) return <Forbidden />;
  return <NewAnnouncementForm communityId={communityId} timeZone={timeZone} />;
}

function NewAnnouncementForm({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const publish = usePublishAnnouncement(communityId);
  const [draft, setDraft] = useState<AnnouncementDraft>(emptyDraft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState<number | null>(null);
  const set = (patch: Partial<AnnouncementDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // a field's error goes as soon as the field is changed; the rest stay until the next try
    setErrors((e) => {
      const changed = Object.keys(patch).map(errorFieldOf);
      return Object.fromEntries(Object.entries(e).filter(([field]) => !changed.includes(field)));
    });
  };
  const errorAt = (field: keyof DraftErrors) => {
    const key = errors[field];
    return key ? t(`announcements.form.error.${key}`) : serverErrors[field];
  };

  const submit = () => {
    const result = draftToBody(draft, timeZone, new Date());
    setServerErrors({});
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    publish.mutate(result.body, {
      onSuccess: async (created) => {
        if (draft.image) {
          setUploading(0);
          try {
            await uploadAnnouncementImage(communityId, created.id, draft.image, setUploading);
          } catch (err) {
            void message.error(t('announcements.form.imageFailed', { reason: errorMessage(err) }));
          }
        }
        void message.success(t('announcements.form.published'));
        navigate(`/announcements/${created.id}`);
      },
      onError: (error) => {
        const byField: Record<string, string> = {};
        for (const [path, messages] of fieldErrors(error)) byField[formFieldOf(path)] = messages.join(' ');
        setServerErrors(byField);
      },
    });
  };

  const invalid = Object.keys(errors).length > 0;
  const publicAllowed = isPublicAllowed(draft.audience);
  return (
    <div className="page ann-page ann-form-page">
      <Link to="/announcements" className="ann-back">
        <LeftOutlined aria-hidden /> {t('announcements.back')}
      </Link>
      <h1>{t('announcements.form.title')}</h1>
      <form
        className="panel gb-form ann-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {invalid && <Alert type="error" showIcon role="alert" title={t('announcements.form.fixErrors')} />}
        {publish.error && !invalid && (
          <Alert type="error" showIcon role="alert" title={errorMessage(publish.error)} />
        )}
        <FormField label={t('announcements.form.titleLabel')} error={errorAt('title')}>
          <Input
            size="large"
            maxLength={80}
            showCount
            value={draft.title}
            onChange={(e) => set({ title: e.target.value })}
          />
        </FormField>
        <FormField
          label={t('announcements.form.bodyLabel')}
          help={t('announcements.form.bodyHelp')}
          error={errorAt('body')}
        >
          <Input.TextArea
            rows={6}
            maxLength={5000}
            value={draft.body}
            onChange={(e) => set({ body: e.target.value })}
          />
        </FormField>
        <AudiencePicker
          communityId={communityId}
          draft={draft}
          onChange={set}
          error={errorAt('audienceIds')}
        />
        <fieldset className="ann-fieldset ann-options">
          <legend>{t('announcements.form.options')}</legend>
          <Checkbox checked={draft.pinned} onChange={(e) => set({ pinned: e.target.checked })}>
            {t('announcements.form.pinned')}
          </Checkbox>
          <Checkbox checked={draft.critical} onChange={(e) => set({ critical: e.target.checked })}>
            {t('announcements.form.critical')}
          </Checkbox>
          <Checkbox checked={draft.relay} onChange={(e) => set({ relay: e.target.checked })}>
            {t('announcements.form.relay')}
          </Checkbox>
          <Checkbox
            checked={draft.public && publicAllowed}
            disabled={!publicAllowed}
            onChange={(e) => set({ public: e.target.checked })}
          >
            {t('announcements.form.public')}
          </Checkbox>
          {!publicAllowed && <p className="ann-hint">{t('announcements.form.publicOff')}</p>}
        </fieldset>
        <fieldset className="ann-fieldset">
          <legend>{t('announcements.form.expiry')}</legend>
          <div className="gb-form-row">
            <FormField label={t('announcements.form.expiryDay')} error={errorAt('expiresAt')}>
              <Input
                size="large"
                type="date"
                value={draft.expiryDay}
                onChange={(e) => set({ expiryDay: e.target.value })}
              />
            </FormField>
            <FormField label={t('announcements.form.expiryTime')}>
              <Input
                size="large"
                type="time"
                value={draft.expiryTime}
                onChange={(e) => set({ expiryTime: e.target.value })}
              />
            </FormField>
          </div>
        </fieldset>
        <FormField label={t('announcements.form.image')} error={errorAt('image')}>
          <input
            className="ann-file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            onChange={(e) => set({ image: e.target.files?.[0] ?? null })}
          />
        </FormField>
        <AnnouncementPreview draft={draft} communityId={communityId} />
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          loading={publish.isPending || uploading !== null}
        >
          {uploading !== null
            ? `${t('announcements.form.submit')} ${uploading}%`
            : t('announcements.form.submit')}
        </Button>
      </form>
    </div>
  );
}
