import { Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A personal code as a QR image, black on white with a wide quiet zone so a lane phone reads it
 * quickly; drawn in the browser (no image request, works on a weak signal), like the badge QR.
 */
export function CodeQr({ code, alt, size }: { code: string; alt: string; size: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(code, { type: 'svg', margin: 3, errorCorrectionLevel: 'M' }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return src ? (
    <img className="code-qr" src={src} alt={alt} width={size} height={size} data-code={code} />
  ) : (
    <Skeleton.Node active style={{ width: size, height: size }} />
  );
}

/** LLABCDEFGHJK as LL ABCD EFGH JK: easier to read aloud and type from a card. */
export const spacedCode = (code: string) => code.replace(/^(LL)(.{4})(.{4})(.*)$/, '$1 $2 $3 $4');
