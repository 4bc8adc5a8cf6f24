import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useActionItems } from '../../api/committee.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ActionItemRow } from './ActionItemRow.tsx';

/** Everyone's open action items, per person: those with overdue items first, overdue items first. */
export function OpenItemsByPerson({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const list = useActionItems(communityId, 'all');
  return (
    <section className="panel cm-people" aria-labelledby="cm-people-title">
      <h2 id="cm-people-title">{t('committee.byPerson.title')}</h2>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : list.data.people.length === 0 ? (
        <p className="page-note">{t('committee.byPerson.none')}</p>
      ) : (
        <ul className="cm-person-list">
          {list.data.people.map((p) => (
            <li key={p.owner.accountId} className="cm-person" data-testid="open-items-person">
              <h3>
                {p.owner.name}
                <span className="cm-person-count">
                  {t('committee.byPerson.count', { count: p.items.length })}
                </span>
                {p.overdue > 0 && (
                  <span className="cm-overdue-tag">
                    {t('committee.byPerson.overdueCount', { count: p.overdue })}
                  </span>
                )}
              </h3>
              <ul className="cm-item-list">
                {p.items.map((item) => (
                  <ActionItemRow
                    key={item.id}
                    communityId={communityId}
                    item={item}
                    manage
                    showOwner={false}
                    linkMeeting
                  />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
