import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TDisinfectionArea } from '../../../shared/api/disinfection.ts';
import { useDisinfectionAreas } from '../../api/disinfection.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { buildingLabel } from '../../lib/registry-format.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { DisinfectionAreaModal } from './DisinfectionAreaModal.tsx';
import { useDisinfectionAccess } from './disinfection-access.ts';
import '../../styles/disinfection.css';

/** A phone lists the areas a screenful at a time (a compound has hundreds). */
const CARDS = 30;

/** /disinfection/areas: the areas and their schedules, for coordinators, staff and the group's leaders. */
export function DisinfectionAreasPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('disinfection.areas.title'));
  const { membership } = useCommunity();
  const access = useDisinfectionAccess(membership?.roles ?? [], membership?.communityId);
  if (!membership) return <NoCommunity />;
  if (access.pending) return <PageLoading />;
  if (!access.manages) return <Forbidden />;
  return <Areas key={membership.communityId} communityId={membership.communityId} />;
}

function Areas({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const areas = useDisinfectionAreas(communityId);
  const [editing, setEditing] = useState<TDisinfectionArea | 'new' | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [cards, setCards] = useState(CARDS);
  const shown = (areas.data ?? []).filter((a) => showInactive || a.active);

  const placeOf = (a: TDisinfectionArea) =>
    a.buildingCode
      ? buildingLabel(a.buildingCode, currentLocale())
      : a.gateName
        ? a.gateName
        : a.x !== null
          ? `(${a.x}, ${a.y})`
          : t('disinfection.areas.noPlace');
  const scheduleOf = (a: TDisinfectionArea) =>
    `${t(`disinfection.scheduleText.${a.schedule}`, {
      times: a.times.join(' '),
      weekday: a.weekday ? t(`disinfection.weekday.${a.weekday}` as 'disinfection.weekday.1') : '',
    })} · ${t('disinfection.areas.graceText', { minutes: a.graceMinutes })}`;
  const status = (a: TDisinfectionArea) =>
    a.active ? (
      <Tag color="green">{t('disinfection.areas.active')}</Tag>
    ) : (
      <Tag>{t('disinfection.areas.inactive')}</Tag>
    );
  const edit = (a: TDisinfectionArea) => (
    <Button onClick={() => setEditing(a)} aria-label={`${t('disinfection.areas.edit')} ${a.name}`}>
      {t('disinfection.areas.edit')}
    </Button>
  );

  return (
    <div className="page dis-page">
      <Link to="/disinfection" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('disinfection.title')}
      </Link>
      <div className="dis-head">
        <h1>{t('disinfection.areas.title')}</h1>
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setEditing('new')}
        >
          {t('disinfection.areas.new')}
        </Button>
      </div>
      <p className="muted">{t('disinfection.areas.intro')}</p>
      <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
        {t('disinfection.areas.showInactive')}
      </Checkbox>
      <section className="panel" aria-label={t('disinfection.areas.listLabel')}>
        {areas.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : areas.error ? (
          <LoadError error={areas.error} onRetry={() => void areas.refetch()} />
        ) : shown.length === 0 ? (
          <Empty description={t('disinfection.areas.empty')} />
        ) : desktop ? (
          <Table<TDisinfectionArea>
            rowKey="id"
            dataSource={shown}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            columns={[
              { title: t('disinfection.areas.columns.name'), dataIndex: 'name' },
              { title: t('disinfection.areas.kind'), render: (_, a) => t(`disinfection.kind.${a.kind}`) },
              { title: t('disinfection.areas.columns.place'), render: (_, a) => placeOf(a) },
              { title: t('disinfection.areas.columns.schedule'), render: (_, a) => scheduleOf(a) },
              { title: t('disinfection.areas.columns.status'), render: (_, a) => status(a) },
              { title: t('disinfection.areas.columns.actions'), render: (_, a) => edit(a) },
            ]}
          />
        ) : (
          <ul className="dis-area-cards">
            {shown.slice(0, cards).map((a) => (
              <li key={a.id} className="dis-area-card">
                <div className="dis-task-head">
                  <h2 className="dis-task-area">{a.name}</h2>
                  {status(a)}
                </div>
                <p>
                  {t(`disinfection.kind.${a.kind}`)} · {placeOf(a)}
                </p>
                <p>{scheduleOf(a)}</p>
                {edit(a)}
              </li>
            ))}
          </ul>
        )}
        {!desktop && shown.length > cards && (
          <Button size="large" block onClick={() => setCards((n) => n + CARDS)}>
            {t('disinfection.more', { count: Math.min(CARDS, shown.length - cards) })}
          </Button>
        )}
      </section>
      {editing && (
        <DisinfectionAreaModal
          communityId={communityId}
          area={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
