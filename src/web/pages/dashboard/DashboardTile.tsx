import { RightOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TileKey } from './tile-order.ts';

interface TileProps {
  tile: TileKey;
  title: string;
  /** the tile calls for attention now (drawn with a red edge; said by its badge) */
  alert?: boolean;
  badge?: ReactNode;
  /** the feature's page, and the words of the link to it; none on the big screen or without access */
  link?: { to: string; label: string } | null;
  children: ReactNode;
}

/** One area of the compound: a titled card, its figures, and the way into the feature's own page. */
export function DashboardTile({ tile, title, alert, badge, link, children }: TileProps) {
  return (
    <section
      className={alert ? `dash-tile dash-tile-${tile} is-alert` : `dash-tile dash-tile-${tile}`}
      aria-labelledby={`dash-${tile}-title`}
      data-testid={`dash-tile-${tile}`}
    >
      <div className="dash-tile-head">
        <h2 id={`dash-${tile}-title`}>{title}</h2>
        {badge}
      </div>
      <div className="dash-tile-body">{children}</div>
      {link && (
        <Link to={link.to} className="dash-tile-link">
          <span>{link.label}</span>
          <RightOutlined aria-hidden />
        </Link>
      )}
    </section>
  );
}

/** A number over its label, the way the tiles show every count. */
export function Figure({
  value,
  label,
  testId,
  tone,
  size = 'normal',
}: {
  value: string;
  label: string;
  testId?: string;
  tone?: 'alert' | 'good';
  size?: 'large' | 'normal';
}) {
  const classes = ['dash-figure', `dash-figure-${size}`, tone ? `is-${tone}` : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <span className="dash-figure-value" data-testid={testId}>
        {value}
      </span>
      <span className="dash-figure-label">{label}</span>
    </div>
  );
}

/** A share as a bar, with its name and value for screen readers. */
export function ShareBar({ share, label }: { share: number; label: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, share)) * 100);
  return (
    <div
      className="dash-bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}
