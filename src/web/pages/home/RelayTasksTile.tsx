import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveRelayTasks, useRelayTasks } from '../../api/relay-tasks.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { useRelayAccess } from '../relays/relay-access.ts';
import '../../styles/relays.css';

/**
 * A relay contact's (楼组长) open tasks on the home page: how many things to tell the building, the
 * first few, and the way to the cards. Nothing for anyone who is not a building's relay contact.
 */
export function RelayTasksTile({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { membership } = useCommunity();
  const access = useRelayAccess(communityId, membership?.roles ?? []);
  const list = useRelayTasks(communityId, {}, access !== 'none');
  useLiveRelayTasks(communityId);
  const tasks = list.data?.tasks.filter((task) => task.mine) ?? [];
  // a relay contact with nothing open still sees the tile; those who oversee relays have the menu
  if (access !== 'relay' && tasks.length === 0) return null;
  const open = tasks.filter((task) => task.status !== 'confirmed');
  return (
    <section className="panel relay-home" aria-labelledby="relay-home-title" data-testid="home-relays">
      <h2 id="relay-home-title">{t('relays.home.title')}</h2>
      <p className={open.length > 0 ? 'relay-home-count has-open' : 'relay-home-count'}>
        {open.length > 0 ? t('relays.home.open', { count: open.length }) : t('relays.home.none')}
      </p>
      {open.length > 0 && (
        <ul>
          {open.slice(0, 3).map((task) => (
            <li key={task.id}>{`${task.buildingCode} · ${task.title}`}</li>
          ))}
        </ul>
      )}
      <Link to="/relays">{t('relays.home.go')}</Link>
    </section>
  );
}
