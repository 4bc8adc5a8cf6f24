import { useTranslation } from 'react-i18next';
import { useActionItems } from '../../api/committee.ts';
import { ActionItemRow } from '../committee/ActionItemRow.tsx';
import '../../styles/committee.css';

/** The committee's action items the reader owns and has not finished; nothing when there are none. */
export function MyActionItems({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const mine = useActionItems(communityId, 'me');
  const items = mine.data?.people[0]?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="panel cm-mine" aria-labelledby="cm-mine-title" data-testid="home-action-items">
      <h2 id="cm-mine-title">{t('committee.mine.title')}</h2>
      <p className="page-note">{t('committee.mine.intro')}</p>
      <ul className="cm-item-list">
        {items.map((item) => (
          <ActionItemRow
            key={item.id}
            communityId={communityId}
            item={item}
            manage={false}
            showOwner={false}
          />
        ))}
      </ul>
    </section>
  );
}
