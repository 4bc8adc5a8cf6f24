import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The Shape Detection API is not in TypeScript's DOM types yet (see shift-roster/BadgeScanner).
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorClass = {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
};
const detectorClass = () =>
  (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;

/** Couriers print Code 128 mostly; some labels carry Code 39, ITF, Codabar or a QR code. */
const WAYBILL_FORMATS = ['code_128', 'code_39', 'code_93', 'itf', 'codabar', 'ean_13', 'qr_code'];
const SCAN_EVERY_MS = 200;

export const canScanWaybills = () => Boolean(detectorClass() && navigator.mediaDevices?.getUserMedia);

/**
 * Reads a waybill barcode with the phone's camera through the browser's BarcodeDetector, and stops
 * at the first code read. Browsers without it (or without a camera) type the waybill instead: the
 * page's text field takes a scanner gun's input just as well.
 */
export function WaybillScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef(onCode);
  latest.current = onCode;

  useEffect(() => {
    if (!scanning) return;
    const Detector = detectorClass();
    if (!Detector) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = async () => {
      const supported = (await Detector.getSupportedFormats?.().catch(() => null)) ?? WAYBILL_FORMATS;
      const formats = WAYBILL_FORMATS.filter((f) => supported.includes(f));
      const detector = new Detector({ formats: formats.length ? formats : WAYBILL_FORMATS });
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play();
      const tick = async () => {
        if (stopped || !video.current) return;
        try {
          const [code] = await detector.detect(video.current);
          if (code?.rawValue) {
            latest.current(code.rawValue);
            setScanning(false);
            return;
          }
        } catch {
          // a frame that could not be read; the next one will do
        }
        timer = setTimeout(tick, SCAN_EVERY_MS);
      };
      void tick();
    };
    start().catch((error: Error) => {
      setCameraError(error.name || error.message);
      setScanning(false);
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [scanning]);

  if (!canScanWaybills()) return <Alert type="info" showIcon title={t('parcels.scanUnsupported')} />;
  return (
    <div className="waybill-scanner">
      <Button
        type={scanning ? 'default' : 'primary'}
        size="large"
        block
        className="big-button"
        icon={scanning ? <StopOutlined aria-hidden /> : <CameraOutlined aria-hidden />}
        onClick={() => {
          setCameraError(null);
          setScanning((on) => !on);
        }}
      >
        {scanning ? t('parcels.scanStop') : t('parcels.scan')}
      </Button>
      {scanning && (
        <>
          <video ref={video} className="scan-video" muted playsInline aria-label={t('parcels.cameraLabel')} />
          <p className="scan-hint">{t('parcels.scanHint')}</p>
        </>
      )}
      {cameraError && (
        <Alert type="warning" showIcon title={t('parcels.cameraFailed', { reason: cameraError })} />
      )}
    </div>
  );
}
