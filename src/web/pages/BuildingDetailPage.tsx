import { ArrowLeftOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBuilding, useSitePlan } from '../api/registry.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { RevealSwitch } from '../components/registry/RevealSwitch.tsx';
import { ZoneBadge, zoneMap } from '../components/registry/ZoneBadge.tsx';
import { currentLocale } from '../i18n/index.ts';
import { canEditRegistry, canSeeRegistry } from '../lib/access.ts';
import { formatCount } from '../lib/format.ts';
import { buildingLabel } from '../lib/registry-format.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { BuildingHouseholds } from './buildings/BuildingHouseholds.tsx';
import { EditBuildingModal } from './buildings/EditBuildingModal.tsx';
import { RelayPanel } from './buildings/RelayPanel.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import { type DrawerTarget, ResidentDrawer } from './residents/ResidentDrawer.tsx';

export function BuildingDetailPage() {
  const { membership } = useCommunity();
  const { id = '' } = useParams();
  if (!membership) return <NoCommunity />;
  if (!canSeeRegistry(membership.roles)) return <Forbidden />;
  return (
    <BuildingDetail
      key={`${membership.communityId}/${id}`}
      communityId={membership.communityId}
      buildingId={id}
      canEdit={canEditRegistry(membership.roles)}
    />
  );
}

interface Props {
  communityId: string;
  buildingId: string;
  canEdit: boolean;
}

function BuildingDetail({ communityId, buildingId, canEdit }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [reveal, setReveal] = useState(false);
  const [editing, setEditing] = useState(false);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const building = useBuilding(communityId, buildingId, reveal);
  const zones = zoneMap(useSitePlan(communityId).data);
  const b = building.data;
  const label = b ? buildingLabel(b.code, locale) : t('buildings.title');
  useDocumentTitle(label);

  const back = (
    <Link to="/buildings" className="back-link">
      <ArrowLeftOutlined aria-hidden /> {t('buildings.backToList')}
    </Link>
  );
  if (building.isPending) {
    return (
      <div className="page">
        {back}
        <div className="panel" aria-busy="true">
          <Skeleton active paragraph={{ rows: 8 }} />
        </div>
      </div>
    );
  }
  if (building.error && !b) {
    return (
      <div className="page">
        {back}
        <LoadError error={building.error} onRetry={() => void building.refetch()} />
      </div>
    );
  }
  if (!b) return null;
  const stats = [
    { key: 'floors', label: t('registry.floors'), value: b.floors },
    { key: 'households', label: t('registry.households'), value: b.households },
    { key: 'residents', label: t('registry.residents'), value: b.residents },
    { key: 'vulnerable', label: t('registry.vulnerable'), value: b.vulnerable },
  ];

  return (
    <div className="page">
      {back}
      <div className="page-head">
        <h1 className="page-title">{label}</h1>
        <ZoneBadge zone={b.zoneId ? zones.get(b.zoneId) : undefined} />
        {canEdit && (
          <div className="page-actions">
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {t('buildings.edit')}
            </Button>
            <Button
              icon={<UserAddOutlined aria-hidden />}
              onClick={() => setDrawer({ mode: 'create', buildingId: b.id })}
            >
              {t('residents.create')}
            </Button>
          </div>
        )}
      </div>
      <section className="panel" aria-label={t('buildings.summary')}>
        <dl className="tile-grid">
          {stats.map((stat) => (
            <div key={stat.key} className="tile" data-testid={`building-${stat.key}`}>
              <dt className="tile-label">{stat.label}</dt>
              <dd className="tile-value">{formatCount(stat.value, locale)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <RelayPanel communityId={communityId} building={b} canEdit={canEdit} />
      {canEdit && (
        <RevealSwitch checked={reveal} onChange={setReveal} loading={reveal && building.isFetching} />
      )}
      <BuildingHouseholds building={b} onOpen={(residentId) => setDrawer({ mode: 'view', residentId })} />
      {editing && (
        <EditBuildingModal communityId={communityId} building={b} onClose={() => setEditing(false)} />
      )}
      <ResidentDrawer
        communityId={communityId}
        target={drawer}
        reveal={reveal}
        canEdit={canEdit}
        onClose={() => setDrawer(null)}
      />
    </div>
  );
}
