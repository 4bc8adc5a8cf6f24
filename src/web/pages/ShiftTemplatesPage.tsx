import { ArrowLeftOutlined, CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TShiftTemplate } from '../../shared/api/shift-templates.ts';
import type { Role } from '../../shared/roles.ts';
import { useGroups } from '../api/groups.ts';
import { useSession } from '../api/session.ts';
import { useShiftTemplates } from '../api/shift-templates.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { currentLocale } from '../i18n/index.ts';
import { canPlanShifts } from '../lib/access.ts';
import { groupName } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useSearchFilters } from '../lib/useSearchFilters.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { GenerateDrawer } from './shift-templates/GenerateDrawer.tsx';
import { TemplateCard } from './shift-templates/TemplateCard.tsx';
import { TemplateDrawer } from './shift-templates/TemplateDrawer.tsx';
import { usePlannableGroups } from './shifts/usePlannableGroups.ts';

const FILTERS = ['groupId'] as const;

export function ShiftTemplatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('shiftTemplates.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canPlanShifts(membership.roles)) return <Forbidden />;
  return (
    <TemplateBoard
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
      roles={membership.roles}
    />
  );
}

interface BoardProps {
  communityId: string;
  timeZone: string;
  roles: readonly Role[];
}

/** A group's recurring shifts: define them once, then make them for the coming days. */
function TemplateBoard({ communityId, timeZone, roles }: BoardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const account = useSession().data?.session?.account ?? null;
  const plannable = usePlannableGroups(communityId, roles, account);
  const groupsLoading = useGroups(communityId).isPending;
  const { values, setFilters } = useSearchFilters(FILTERS);
  // The chosen group, else the first one this person plans for (a leader's own group).
  const groupId = values.groupId ?? plannable.groups[0]?.id;
  const templates = useShiftTemplates(communityId, groupId);
  const [creating, setCreating] = useState(false);
  const [generating, setGenerating] = useState<string[] | null>(null);
  const items: TShiftTemplate[] = groupId ? (templates.data ?? []) : [];

  return (
    <div className="page">
      <Link to="/shifts" className="back-link">
        <ArrowLeftOutlined aria-hidden />
        {t('shiftTemplates.back')}
      </Link>
      <div className="page-head">
        <h1 className="page-title">{t('shiftTemplates.title')}</h1>
        {plannable.groups.length > 0 && (
          <div className="page-actions">
            {items.length > 0 && (
              <Button
                type="primary"
                icon={<CalendarOutlined aria-hidden />}
                onClick={() => setGenerating(items.map((x) => x.id))}
              >
                {t('shiftTemplates.generate')}
              </Button>
            )}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('shiftTemplates.create')}
            </Button>
          </div>
        )}
      </div>
      <p className="page-note">{t('shiftTemplates.intro')}</p>
      {plannable.groups.length > 1 && (
        <Form layout="vertical" className="panel shift-filter">
          <Form.Item label={t('shiftTemplates.group')} htmlFor="templates-group">
            <Select
              id="templates-group"
              value={groupId}
              onChange={(next: string) => setFilters({ groupId: next })}
              options={plannable.groups.map((g) => ({ value: g.id, label: groupName(g, locale) }))}
            />
          </Form.Item>
        </Form>
      )}
      {groupsLoading ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : plannable.groups.length === 0 ? (
        <div className="panel">
          <Empty description={t('shiftTemplates.noGroups')} />
        </div>
      ) : templates.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : templates.error ? (
        <LoadError error={templates.error} onRetry={() => void templates.refetch()} />
      ) : items.length === 0 ? (
        <div className="panel">
          <Empty description={t('shiftTemplates.empty')} />
        </div>
      ) : (
        <ul className="shift-list">
          {items.map((template) => (
            <TemplateCard
              key={template.id}
              communityId={communityId}
              template={template}
              onGenerate={(x) => setGenerating([x.id])}
            />
          ))}
        </ul>
      )}
      <TemplateDrawer
        communityId={communityId}
        timeZone={timeZone}
        groups={plannable.groups}
        groupId={groupId}
        open={creating}
        onClose={() => setCreating(false)}
      />
      {generating && (
        <GenerateDrawer
          communityId={communityId}
          timeZone={timeZone}
          templates={items}
          chosen={generating}
          onClose={() => setGenerating(null)}
        />
      )}
    </div>
  );
}
