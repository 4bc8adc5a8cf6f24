import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { useCameraScanner } from '../lib/useCameraScanner.ts';

export interface CameraScanTexts {
  start: string;
  stop: string;
  camera: string;
  hint: string;
  unsupported: string;
  failed: (reason: string) => string;
}

/**
 * The camera part of a scanner: one big start/stop button, the live picture with a hint while
 * scanning, and what went wrong. Browsers without BarcodeDetector are told to type instead.
 */
export function CameraScan({
  scanner,
  texts,
}: {
  scanner: ReturnType<typeof useCameraScanner>;
  texts: CameraScanTexts;
}) {
  const { supported, scanning, toggle, cameraError, video } = scanner;
  if (!supported) return <Alert type="info" showIcon title={texts.unsupported} />;
  return (
    <>
      <Button
        type={scanning ? 'default' : 'primary'}
        size="large"
        block
        className="big-button scan-button"
        icon={scanning ? <StopOutlined aria-hidden /> : <CameraOutlined aria-hidden />}
        onClick={toggle}
      >
        {scanning ? texts.stop : texts.start}
      </Button>
      {scanning && (
        <>
          <video ref={video} className="scan-video" muted playsInline aria-label={texts.camera} />
          <p className="scan-hint">{texts.hint}</p>
        </>
      )}
      {cameraError && <Alert type="warning" showIcon title={texts.failed(cameraError)} />}
    </>
  );
}
