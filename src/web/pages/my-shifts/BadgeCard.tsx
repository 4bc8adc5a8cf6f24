import { Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { badgeQrText } from '../../../shared/badge.ts';

/**
 * My personal QR code, large and black on white with a wide quiet zone, so a leader's phone reads it
 * in a dark stairwell. Drawn here from the token: no image request, works on a weak connection.
 */
export function BadgeCard({ name, badgeToken }: { name: string; badgeToken: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(badgeQrText(badgeToken), { type: 'svg', margin: 3, errorCorrectionLevel: 'M' }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [badgeToken]);
  return (
    <section className="panel badge-card" aria-labelledby="badge-title">
      <h2 id="badge-title">{t('attendance.badgeTitle')}</h2>
      <p className="badge-name">{name}</p>
      {src ? (
        <img className="badge-qr" src={src} alt={t('attendance.badgeAlt', { name })} data-testid="badge-qr" />
      ) : (
        <Skeleton.Node active style={{ width: 260, height: 260 }} />
      )}
      <p className="muted">{t('attendance.badgeHint')}</p>
    </section>
  );
}
