import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { badgeTokenFrom } from '../../../shared/badge.ts';

// The Shape Detection API is not in TypeScript's DOM types yet.
interface DetectedCode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedCode[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;
const detectorClass = () =>
  (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;

/** The same badge seen again within this time is the same person still in front of the camera. */
const SAME_BADGE_MS = 4_000;
const SCAN_EVERY_MS = 250;

interface Handlers {
  onToken: (token: string) => void;
  onInvalid: () => void;
}

/** A scanned or typed text: a badge token checks someone in; anything else is said to be no badge. */
function readBadge(text: string, handlers: Handlers) {
  const token = badgeTokenFrom(text);
  if (token) handlers.onToken(token);
  else handlers.onInvalid();
}

interface Props {
  onToken: (token: string) => void;
  onInvalid: () => void;
}

/**
 * Reads a volunteer's personal QR code with the phone's camera through the browser's BarcodeDetector
 * where there is one; a text field takes the code from a scanner gun, a paste, or a browser without it.
 */
export function BadgeScanner({ onToken, onInvalid }: Props) {
  const { t } = useTranslation();
  const supported = Boolean(detectorClass() && navigator.mediaDevices?.getUserMedia);
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const video = useRef<HTMLVideoElement>(null);
  // The latest handlers, so the camera loop need not restart when the page re-renders.
  const handlers = useRef({ onToken, onInvalid });
  handlers.current = { onToken, onInvalid };

  const submit = (text: string) => readBadge(text, handlers.current);

  useEffect(() => {
    if (!scanning) return;
    const Detector = detectorClass();
    if (!Detector) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = { text: '', at: 0 };
    const detector = new Detector({ formats: ['qr_code'] });
    const tick = async () => {
      if (stopped || !video.current) return;
      try {
        const [code] = await detector.detect(video.current);
        const now = Date.now();
        if (code && (code.rawValue !== last.text || now - last.at > SAME_BADGE_MS)) {
          last = { text: code.rawValue, at: now };
          readBadge(code.rawValue, handlers.current);
        }
      } catch {
        // a frame that could not be read; the next one will do
      }
      timer = setTimeout(tick, SCAN_EVERY_MS);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        void tick();
      })
      .catch((error: Error) => {
        setCameraError(error.name || error.message);
        setScanning(false);
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [scanning]);

  return (
    <div className="badge-scanner">
      {supported && (
        <Button
          type={scanning ? 'default' : 'primary'}
          size="large"
          block
          className="scan-button"
          icon={scanning ? <StopOutlined aria-hidden /> : <CameraOutlined aria-hidden />}
          onClick={() => {
            setCameraError(null);
            setScanning((on) => !on);
          }}
        >
          {scanning ? t('attendance.scanStop') : t('attendance.scan')}
        </Button>
      )}
      {scanning && (
        <>
          <video
            ref={video}
            className="scan-video"
            muted
            playsInline
            aria-label={t('attendance.cameraLabel')}
          />
          <p className="scan-hint">{t('attendance.scanHint')}</p>
        </>
      )}
      {!supported && <Alert type="info" showIcon title={t('attendance.scanUnsupported')} />}
      {cameraError && (
        <Alert type="warning" showIcon title={t('attendance.cameraFailed', { reason: cameraError })} />
      )}
      <form
        className="token-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!typed.trim()) return;
          submit(typed);
          setTyped('');
        }}
      >
        <label className="field-label-block" htmlFor="badge-token">
          {t('attendance.tokenLabel')}
        </label>
        <div className="token-row">
          <Input
            id="badge-token"
            size="large"
            value={typed}
            autoComplete="off"
            placeholder={t('attendance.tokenPlaceholder')}
            onChange={(event) => setTyped(event.target.value)}
          />
          <Button size="large" htmlType="submit">
            {t('attendance.tokenSubmit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
