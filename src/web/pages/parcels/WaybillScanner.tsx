import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { canScanWithCamera, useCameraScanner } from '../../lib/useCameraScanner.ts';

/** Couriers print Code 128 mostly; some labels carry Code 39, ITF, Codabar or a QR code. */
const WAYBILL_FORMATS = ['code_128', 'code_39', 'code_93', 'itf', 'codabar', 'ean_13', 'qr_code'];
const SCAN_EVERY_MS = 200;

export const canScanWaybills = canScanWithCamera;

/**
 * Reads a waybill barcode with the phone's camera through the browser's BarcodeDetector, and stops
 * at the first code read. Browsers without it (or without a camera) type the waybill instead: the
 * page's text field takes a scanner gun's input just as well.
 */
export function WaybillScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const { scanning, toggle, cameraError, video } = useCameraScanner({
    formats: WAYBILL_FORMATS,
    everyMs: SCAN_EVERY_MS,
    onCode: (code) => {
      onCode(code);
      return 'stop';
    },
  });

  if (!canScanWaybills()) return <Alert type="info" showIcon title={t('parcels.scanUnsupported')} />;
  return (
    <div className="waybill-scanner">
      <Button
        type={scanning ? 'default' : 'primary'}
        size="large"
        block
        className="big-button"
        icon={scanning ? <StopOutlined aria-hidden /> : <CameraOutlined aria-hidden />}
        onClick={toggle}
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
