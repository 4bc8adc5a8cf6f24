import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/roles.ts';
import { useGroups } from '../../api/groups.ts';
import { useBuildings, useSitePlan } from '../../api/registry.ts';
import { groupName } from '../../lib/format.ts';
import { type AnnouncementDraft, audienceText } from './announcements-format.ts';

/** The announcement as readers will see it, while it is being written: title, audience, image, text. */
export function AnnouncementPreview({
  draft,
  communityId,
}: {
  draft: AnnouncementDraft;
  communityId: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const buildings = useBuildings(communityId);
  const plan = useSitePlan(communityId);
  const groups = useGroups(communityId);
  const imageUrl = useObjectUrl(draft.image);
  const targets = useMemo(() => {
    if (draft.audience === 'buildings') {
      return (buildings.data ?? [])
        .filter((b) => draft.buildingIds.includes(b.id))
        .map((b) => ({ label: b.code }));
    }
    if (draft.audience === 'zones') {
      return (plan.data?.zones ?? [])
        .filter((z) => draft.zoneIds.includes(z.id))
        .map((z) => ({ label: z.name }));
    }
    if (draft.audience === 'group') {
      return (groups.data ?? [])
        .filter((g) => g.id === draft.groupId)
        .map((g) => ({ label: groupName(g, locale) }));
    }
    return [];
  }, [draft, buildings.data, plan.data, groups.data, locale]);
  return (
    <section className="ann-preview-box" aria-labelledby="ann-preview-title">
      <h2 id="ann-preview-title">{t('announcements.form.preview')}</h2>
      <article className={`ann-article${draft.critical ? ' is-critical' : ''}`}>
        <p className="ann-preview-title">{draft.title.trim() || t('announcements.form.previewEmpty')}</p>
        <p className="ann-meta">{audienceText(t, locale, { audience: draft.audience, targets })}</p>
        {imageUrl && <img className="ann-image" src={imageUrl} alt="" />}
        <div className="ann-body">{draft.body}</div>
      </article>
    </section>
  );
}

/** A browser URL for a chosen file while it is shown, released afterwards. */
function useObjectUrl(file: File | null) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url;
}
