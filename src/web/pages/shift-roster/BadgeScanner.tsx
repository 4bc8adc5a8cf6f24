import { Button, Input } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { badgeTokenFrom } from '../../../shared/badge.ts';
import { CameraScan } from '../../components/CameraScan.tsx';
import { useCameraScanner } from '../../lib/useCameraScanner.ts';

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
  const [typed, setTyped] = useState('');
  const handlers = { onToken, onInvalid };
  const submit = (text: string) => readBadge(text, handlers);
  const last = useRef({ text: '', at: 0 });
  const scanner = useCameraScanner({
    formats: ['qr_code'],
    everyMs: SCAN_EVERY_MS,
    onCode: (text) => {
      const now = Date.now();
      if (text !== last.current.text || now - last.current.at > SAME_BADGE_MS) {
        last.current = { text, at: now };
        submit(text);
      }
      return 'continue';
    },
  });

  return (
    <div className="badge-scanner">
      <CameraScan
        scanner={scanner}
        texts={{
          start: t('attendance.scan'),
          stop: t('attendance.scanStop'),
          camera: t('attendance.cameraLabel'),
          hint: t('attendance.scanHint'),
          unsupported: t('attendance.scanUnsupported'),
          failed: (reason) => t('attendance.cameraFailed', { reason }),
        }}
      />
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
