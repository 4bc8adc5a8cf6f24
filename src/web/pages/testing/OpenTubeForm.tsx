import { Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTube } from '../../../shared/api/testing-scans.ts';
import { errorMessage } from '../../api/client.ts';
import { useOpenTube } from '../../api/testing-scans.ts';
import { CameraScan } from '../../components/CameraScan.tsx';
import { useCameraScanner } from '../../lib/useCameraScanner.ts';

/** Tube labels carry Code 128 mostly, some a QR code or Code 39. */
const TUBE_FORMATS = ['code_128', 'code_39', 'qr_code', 'ean_13', 'itf'];

/** "Open tube": the tube's barcode by camera, scanner gun or keyboard. */
export function OpenTubeForm({
  communityId,
  roundId,
  gateId,
  lane,
  onOpened,
  onError,
}: {
  communityId: string;
  roundId: string;
  gateId: string | null;
  lane: number;
  onOpened: (tube: TTube) => void;
  onError: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [barcode, setBarcode] = useState('');
  const open = useOpenTube(communityId, roundId);
  const submit = (value: string) => {
    if (!value.trim()) return onError(t('testingScans.barcodeRequired'));
    open.mutate(
      { barcode: value, gateId, lane: gateId ? lane : null },
      {
        onSuccess: (tube) => {
          setBarcode('');
          onOpened(tube);
        },
        onError: (err) => onError(errorMessage(err)),
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
