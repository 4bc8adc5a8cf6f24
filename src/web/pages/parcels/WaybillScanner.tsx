import { useTranslation } from 'react-i18next';
import { CameraScan } from '../../components/CameraScan.tsx';
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
  const scanner = useCameraScanner({
    formats: WAYBILL_FORMATS,
    everyMs: SCAN_EVERY_MS,
    onCode: (code) => {
      onCode(code);
      return 'stop';
    },
  });
  return (
    <div className="waybill-scanner">
      <CameraScan
        scanner={scanner}
        texts={{
          start: t('parcels.scan'),
          stop: t('parcels.scanStop'),
          camera: t('parcels.cameraLabel'),
          hint: t('parcels.scanHint'),
          unsupported: t('parcels.scanUnsupported'),
          failed: (reason) => t('parcels.cameraFailed', { reason }),
        }}
      />
    </div>
  );
}
