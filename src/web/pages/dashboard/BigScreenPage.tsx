import { CompressOutlined, ExpandOutlined, LogoutOutlined } from '@ant-design/icons';
import { theme as antdTheme, Button, ConfigProvider, Skeleton } from 'antd';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveDashboard } from '../../api/dashboard.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useNow } from '../../lib/useNow.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { DashboardTiles } from './DashboardTiles.tsx';
import { canSeeDashboard, clockTime } from './dashboard-format.ts';
import { LiveStatus } from './LiveStatus.tsx';
import { TILES, type TileKey } from './tile-order.ts';
import '../../styles/dashboard.css';
import '../../styles/dashboard-big.css';

/** A wall screen has nowhere to go: no tile links. */
const NO_LINKS = Object.fromEntries(TILES.map((k) => [k, null])) as Record<TileKey, null>;

const DARK = { algorithm: antdTheme.darkAlgorithm, token: { fontSize: 18, controlHeight: 48 } };

/**
 * /dashboard/big: the committee room's wall screen. No menu or header of the app, a dark theme and
 * type large enough to read across the room, full screen at a touch, and figures that keep
 * themselves current (the dashboard stream, or polling while it is away).
 */
export function BigScreenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboard.bigLabel'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canSeeDashboard(membership.roles)) return <Forbidden />;
  return (
    <ConfigProvider theme={DARK}>
      <BigScreen key={membership.communityId} communityId={membership.communityId} />
    </ConfigProvider>
  );
}

function useFullscreen(target: RefObject<HTMLElement | null>) {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const changed = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  const toggle = () => {
    // a browser may refuse (no user gesture, a kiosk policy): the page works the same without it
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void target.current?.requestFullscreen?.().catch(() => {});
  };
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled !== false;
  return { on, toggle, supported };
}

function BigScreen({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { membership } = useCommunity();
  const root = useRef<HTMLElement>(null);
  const fullscreen = useFullscreen(root);
  const now = useNow(10_000);
  const dashboard = useLiveDashboard(communityId);
  const d = dashboard.data;
  const timeZone = d?.timeZone ?? membership?.timezone ?? 'Asia/Shanghai';
  return (
    <main ref={root} className="dash-big" data-testid="dash-big">
      <header className="dash-big-head">
        <h1>{t('dashboard.bigTitle', { name: d?.name ?? membership?.communityName ?? '' })}</h1>
        <span className="dash-big-clock" data-testid="dash-big-clock">
          {clockTime(new Date(now).toISOString(), timeZone, currentLocale(), false)}
        </span>
        {d && <LiveStatus at={d.at} timeZone={d.timeZone} mode={dashboard.mode} />}
        <div className="dash-big-actions">
          {fullscreen.supported && (
            <Button
              icon={fullscreen.on ? <CompressOutlined aria-hidden /> : <ExpandOutlined aria-hidden />}
              onClick={fullscreen.toggle}
            >
              {fullscreen.on ? t('dashboard.exitFullscreen') : t('dashboard.fullscreen')}
            </Button>
          )}
          <Link to="/dashboard" className="dash-big-exit">
            <LogoutOutlined aria-hidden /> {t('dashboard.exitBig')}
          </Link>
        </div>
      </header>
      {dashboard.error && !d ? (
        <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <DashboardTiles
          d={d}
          order={TILES}
          links={NO_LINKS}
          now={now}
          className="dash-big-grid"
          label={t('dashboard.tilesLabel')}
        />
      )}
    </main>
  );
}
