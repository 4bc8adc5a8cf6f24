import { Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TTube, ZTubeBarcode } from '../../../shared/api/testing-scans.ts';
import { errorMessage } from '../../api/client.ts';
import { useOpenTube } from '../../api/testing-scans.ts';
import { CameraScan } from '../../components/CameraScan.tsx';
import { useCameraScanner } from '../../lib/useCameraScanner.ts';
import { newClientKey } from './scan-queue.ts';
import { isNetworkError } from './useScanQueue.ts';

/** Tube labels carry Code 128 mostly, some a QR code or Code 39. */
const TUBE_FORMATS = ['code_128', 'code_39', 'qr_code', 'ean_13', 'itf'];

/**
 * "Open tube": the tube's barcode by camera, scanner gun or keyboard. Without signal the lane does not
 * stop: a well-formed barcode goes to `onOffline`, and the lane takes the tube provisionally.
 */
export function OpenTubeForm({
  communityId,
  roundId,
  gateId,
  lane,
  onOpened,
  onOffline,
  onError,
}: {
  communityId: string;
  roundId: string;
  gateId: string | null;
  lane: number;
  onOpened: (tube: TTube) => void;
  /** the server could not be reached: the normalised barcode, to open the tube once it can */
  onOffline: (barcode: string, clientKey: string) => void;
  onError: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [barcode, setBarcode] = useState('');
  const open = useOpenTube(communityId, roundId);
  const submit = (value: string) => {
    if (!value.trim()) return onError(t('testingScans.barcodeRequired'));
    // the key goes with the first attempt too: if only its answer was lost, the queued open that
    // follows is its replay and gets the same tube back, not "barcode already used"
    const clientKey = newClientKey();
    open.mutate(
      { barcode: value, gateId, lane: gateId ? lane : null, clientKey },
      {
        onSuccess: (tube) => {
          setBarcode('');
          onOpened(tube);
        },
        onError: (err) => {
          if (!isNetworkError(err)) return onError(errorMessage(err));
          const parsed = ZTubeBarcode.safeParse(value);
          if (!parsed.success) return onError(t('testingOffline.barcodeInvalid'));
          setBarcode('');
          onOffline(parsed.data, clientKey);
        },
      },
    );
  };
  const scanner = useCameraScanner({
    formats: TUBE_FORMATS,
    everyMs: 200,
    onCode: (code) => {
      setBarcode(code);
      submit(code);
      return 'stop';
    },
  });
  return (
    <section className="panel open-tube" aria-labelledby="open-tube-title">
      <h2 id="open-tube-title">{t('testingScans.openTubeTitle')}</h2>
      <form
        className="code-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit(barcode);
        }}
      >
        <label htmlFor="tube-barcode">{t('testingScans.tubeBarcode')}</label>
        <div className="code-row">
          <Input
            id="tube-barcode"
            size="large"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            placeholder={t('testingScans.tubeBarcodePlaceholder')}
            value={barcode}
            onChange={(e) => setBarcode(e.target.value)}
          />
          <Button size="large" type="primary" htmlType="submit" loading={open.isPending}>
            {t('testingScans.openTube')}
          </Button>
        </div>
      </form>
      <CameraScan
        scanner={scanner}
        texts={{
          start: t('testingScans.scanTube'),
          stop: t('testingScans.scanStop'),
          camera: t('testingScans.cameraLabel'),
          hint: t('testingScans.scanHint'),
          unsupported: t('testingScans.scanUnsupported'),
          failed: (reason) => t('testingScans.cameraFailed', { reason }),
        }}
      />
    </section>
  );
}
