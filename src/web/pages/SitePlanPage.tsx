import { EditOutlined, SaveOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button, Skeleton } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TBuilding } from '../../shared/api/registry.ts';
import { errorMessage } from '../api/client.ts';
import { useBuildings, useSaveBuildingPositions, useSitePlan } from '../api/registry.ts';
import { Forbidden } from '../components/Forbidden.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { canEditRegistry, canSeeRegistry } from '../lib/access.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useCommunity } from '../shell/CommunityContext.tsx';
import { NoCommunity } from './NoCommunity.tsx';
import type { Point } from './site-plan/geometry.ts';
import { PositionsImport } from './site-plan/PositionsImport.tsx';
import { SitePlanCanvas } from './site-plan/SitePlanCanvas.tsx';
import { SitePlanLegend } from './site-plan/SitePlanLegend.tsx';

export function SitePlanPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('sitePlan.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeRegistry(membership.roles)) return <Forbidden />;
  return (
    <SitePlan
      key={membership.communityId}
      communityId={membership.communityId}
      canEdit={canEditRegistry(membership.roles)}
    />
  );
}

function SitePlan({ communityId, canEdit }: { communityId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const plan = useSitePlan(communityId);
  const buildings = useBuildings(communityId);
  const save = useSaveBuildingPositions(communityId);
  const [editing, setEditing] = useState(false);
  const [moved, setMoved] = useState<ReadonlyMap<string, Point>>(new Map());

  const onMove = useCallback((id: string, to: Point) => setMoved((m) => new Map(m).set(id, to)), []);
  const onOpen = useCallback((b: TBuilding) => navigate(`/buildings/${b.id}`), [navigate]);
  const stopEditing = () => {
    setMoved(new Map());
    setEditing(false);
  };
  const onSave = () =>
    save.mutate(
      [...moved].map(([id, p]) => ({ id, ...p })),
      {
        onSuccess: () => {
          void message.success(t('sitePlan.saved', { count: moved.size }));
          stopEditing();
        },
        onError: (error) => void message.error(t('sitePlan.saveFailed', { message: errorMessage(error) })),
      },
    );

  const error = plan.error ?? buildings.error;
  return (
    <div className="page">
      <div className="page-head">
        <h1 className="page-title" id="site-plan-title">
          {t('sitePlan.title')}
        </h1>
        <div className="page-actions">
          <Link to="/buildings" className="button-link">
            <UnorderedListOutlined aria-hidden /> {t('sitePlan.listView')}
          </Link>
          {canEdit && !editing && (
            <Button
              icon={<EditOutlined aria-hidden />}
              onClick={() => setEditing(true)}
              disabled={!plan.data}
            >
              {t('sitePlan.editPositions')}
            </Button>
          )}
        </div>
      </div>
      {editing && (
        <section className="panel plan-edit-panel" aria-label={t('sitePlan.editPositions')}>
          <p className="page-note">{t('sitePlan.editHelp')}</p>
          <div className="form-buttons">
            <Button
              type="primary"
              icon={<SaveOutlined aria-hidden />}
              disabled={moved.size === 0}
              loading={save.isPending}
              onClick={onSave}
            >
              {t('sitePlan.savePositions', { count: moved.size })}
            </Button>
            <Button onClick={stopEditing} disabled={save.isPending}>
              {moved.size ? t('sitePlan.discard') : t('sitePlan.doneEditing')}
            </Button>
          </div>
          <PositionsImport communityId={communityId} />
        </section>
      )}
      {plan.isPending || buildings.isPending ? (
        <div className="panel" aria-busy="true">
          <Skeleton active paragraph={{ rows: 10 }} />
        </div>
      ) : error || !plan.data || !buildings.data ? (
        <LoadError
          error={error}
          onRetry={() => {
            void plan.refetch();
            void buildings.refetch();
          }}
        />
      ) : (
        <>
          <SitePlanCanvas
            plan={plan.data}
            buildings={buildings.data}
            editing={editing}
            moved={moved}
            onMove={onMove}
            onOpen={onOpen}
          />
          <SitePlanLegend plan={plan.data} />
        </>
      )}
    </div>
  );
}
