import { SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisinfectionTasks } from '../../api/disinfection.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { DisinfectionTaskCard } from './DisinfectionTaskCard.tsx';
import { doneLatestFirst, matchesSearch, openFirst } from './disinfection-format.ts';

type Filter = 'open' | 'done';
/** A compound has hundreds of rounds a day: a phone shows them a page at a time. */
const PAGE = 40;

/** Today's rounds: overdue on top in red, then by time; done ones on their own tab. */
export function DisinfectionTasks({ communityId, canLog }: { communityId: string; canLog: boolean }) {
  const { t } = useTranslation();
  const tasks = useDisinfectionTasks(communityId);
  const [filter, setFilter] = useState<Filter>('open');
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);

  if (tasks.isError) return <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (tasks.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { timeZone } = tasks.data;
  const open = openFirst(tasks.data.tasks);
  const done = doneLatestFirst(tasks.data.tasks);
  const overdue = open.filter((x) => x.overdue).length;
  const listed = (filter === 'open' ? open : done).filter((x) => matchesSearch(x, query));

  return (
    <section className="dis-tasks" aria-labelledby="dis-tasks-title">
      <h2 id="dis-tasks-title" className="visually-hidden">
        {t('disinfection.viewTasks')}
      </h2>
      <p className="dis-summary" data-testid="dis-summary">
        <span>{t('disinfection.day', { date: tasks.data.date })}</span>
        <span>
          {t('disinfection.summary', {
            total: open.length + done.length,
            done: done.length,
            open: open.length,
            overdue,
          })}
        </span>
      </p>
      <Segmented
        size="large"
        block
        value={filter}
        onChange={(v) => {
          setFilter(v as Filter);
          setShown(PAGE);
        }}
        aria-label={t('disinfection.filterLabel')}
        options={[
          { value: 'open', label: t('disinfection.filterOpen', { count: open.length }) },
          { value: 'done', label: t('disinfection.filterDone', { count: done.length }) },
        ]}
      />
      <Input
        size="large"
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('disinfection.search')}
        aria-label={t('disinfection.search')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setShown(PAGE);
        }}
      />
      {listed.length === 0 ? (
        <Empty
          description={
            query.trim()
              ? t('disinfection.noMatch', { q: query.trim() })
              : t(filter === 'open' ? 'disinfection.noneOpen' : 'disinfection.noneDone')
          }
        />
      ) : (
        <ul className="dis-task-list" aria-label={t('disinfection.listLabel')}>
          {listed.slice(0, shown).map((task) => (
            <DisinfectionTaskCard
              key={task.id}
              communityId={communityId}
              task={task}
              timeZone={timeZone}
              day={tasks.data.date}
              canLog={canLog}
            />
          ))}
        </ul>
      )}
      {listed.length > shown && (
        <Button size="large" block onClick={() => setShown((n) => n + PAGE)}>
          {t('disinfection.more', { count: Math.min(PAGE, listed.length - shown) })}
        </Button>
      )}
    </section>
  );
}
