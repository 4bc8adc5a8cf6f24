import { useEffect, useRef, useState } from 'react';

// The Shape Detection API is not in TypeScript's DOM types yet.
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorClass = {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
};
const detectorClass = () =>
  (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;

/** Whether this browser can read codes with the camera (BarcodeDetector and getUserMedia). */
export const canScanWithCamera = () => Boolean(detectorClass() && navigator.mediaDevices?.getUserMedia);

interface Options {
  /** Formats wanted, in order of preference; those the browser cannot read are left out. */
  formats: string[];
  everyMs: number;
  /** Called with each code read; returning 'stop' ends the scan (one waybill), else it goes on (a queue of badges). */
  onCode: (text: string) => 'stop' | 'continue';
}

/**
 * The camera loop shared by the badge and waybill scanners: opens the back camera while `scanning`,
 * reads a frame every `everyMs`, and always releases the camera when stopped or unmounted.
 */
export function useCameraScanner({ formats, everyMs, onCode }: Options) {
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  // The latest handler, so the camera loop need not restart when the page re-renders.
  const latest = useRef(onCode);
  latest.current = onCode;
  const wanted = formats.join(',');

  useEffect(() => {
    if (!scanning) return;
    const Detector = detectorClass();
    if (!Detector) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = async () => {
      const preferred = wanted.split(',');
      const readable = (await Detector.getSupportedFormats?.().catch(() => null)) ?? preferred;
      const usable = preferred.filter((f) => readable.includes(f));
      const detector = new Detector({ formats: usable.length ? usable : preferred });
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
          if (code?.rawValue && latest.current(code.rawValue) === 'stop') {
            setScanning(false);
            return;
          }
        } catch {
          // a frame that could not be read; the next one will do
        }
        timer = setTimeout(tick, everyMs);
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
  }, [scanning, wanted, everyMs]);

  const toggle = () => {
    setCameraError(null);
    setScanning((on) => !on);
  };
  return { supported: canScanWithCamera(), scanning, toggle, cameraError, video };
}
