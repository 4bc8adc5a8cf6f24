import { EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TGroup } from '../../shared/api/volunteers.ts';
import { useGroups } from '../api/groups.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { formatHours } from '../components/RecordFigures.tsx';
import { currentLocale } from '../i18n/index.ts';
import { canSeeGroups, canSeeVolunteers, isCoordinator } from '../lib/access.ts';
import { groupName } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { GroupNameModal } from './groups/GroupNameModal.tsx';
import { NoCommunity } from './NoCommunity.tsx';

export function GroupsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('groups.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeGroups(membership.roles)) return <Forbidden />;
  return (
    <GroupList
      key={membership.communityId}
      communityId={membership.communityId}
      coordinator={isCoordinator(membership.roles)}
      membersLinked={canSeeVolunteers(membership.roles)}
    />
  );
}

interface ListProps {
  communityId: string;
  coordinator: boolean;
  /** Those who may open the roster get a link to each group's members. */
  membersLinked: boolean;
}

function GroupList({ communityId, coordinator, membersLinked }: ListProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const groups = useGroups(communityId);
  // undefined: closed; null: a new group; a group: renaming it.
  const [naming, setNaming] = useState<TGroup | null | undefined>(undefined);
  return (
    <div className="page">
      <div className="page-head">
        <h1 className="page-title">{t('groups.title')}</h1>
        {coordinator && (
          <div className="page-actions">
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setNaming(null)}>
              {t('groups.create')}
            </Button>
          </div>
        )}
      </div>
      <p className="page-note">{coordinator ? t('groups.introCoordinator') : t('groups.intro')}</p>
      {groups.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : groups.error ? (
        <LoadError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <Empty />
      ) : (
        <ul className="group-grid">
          {groups.data.map((group) => {
            const name = groupName(group, locale);
            return (
              <li key={group.id} className="panel group-card" data-testid={`group-${group.key}`}>
                <h2>{name}</h2>
                <dl className="inline-stats">
                  <div>
                    <dt>{t('groups.members')}</dt>
                    <dd>{t('groups.membersCount', { count: group.members })}</dd>
                  </div>
                  <div>
                    <dt>{t('groups.leaders')}</dt>
                    <dd>
                      {group.leaders.length > 0 ? (
                        group.leaders.map((l) => l.name).join('、')
                      ) : (
                        <span className="muted">{t('groups.noLeader')}</span>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('attendance.groupShifts')}</dt>
                    <dd>{t('attendance.groupShiftsValue', { count: group.record.shiftsDone })}</dd>
                  </div>
                  <div>
                    <dt>{t('attendance.groupHours')}</dt>
                    <dd>{t('attendance.groupHoursValue', { hours: formatHours(group.record.hours) })}</dd>
                  </div>
                  <div>
                    <dt>{t('attendance.groupNoShows')}</dt>
                    <dd>{t('attendance.groupNoShowsValue', { count: group.record.noShows })}</dd>
                  </div>
                </dl>
                <div className="form-buttons">
                  {membersLinked && (
                    <Link className="button-link" to={`/volunteers?status=approved&groupId=${group.id}`}>
                      <TeamOutlined aria-hidden />
                      {t('groups.viewMembers')}
                      <span className="visually-hidden">{` ${name}`}</span>
                    </Link>
                  )}
                  {coordinator && (
                    <Button icon={<EditOutlined aria-hidden />} onClick={() => setNaming(group)}>
                      {t('groups.rename')}
                      <span className="visually-hidden">{` ${name}`}</span>
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {naming !== undefined && (
        <GroupNameModal communityId={communityId} group={naming} onClose={() => setNaming(undefined)} />
      )}
    </div>
  );
}
