import { Button, Input, type InputRef, Popconfirm } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTube } from '../../../shared/api/testing-scans.ts';
import { CameraScan } from '../../components/CameraScan.tsx';
import { useCameraScanner } from '../../lib/useCameraScanner.ts';
import { ResidentFinder } from './ResidentFinder.tsx';

const SAME_CODE_IGNORED_MS = 4_000;

/**
 * The open tube: a big counter, the code field that keeps the focus (a scanner gun types into it and
 * presses Enter), the camera for QR codes, and the finder for residents without a code.
 */
export function TubePanel({
  communityId,
  roundId,
  timeZone,
  tube,
  inQueue,
  onCode,
  onResident,
  onClose,
  closing,
}: {
  communityId: string;
  roundId: string;
  timeZone: string;
  tube: TTube;
  /** scans for this tube still waiting to be sent: counted already, so the counter does not lag */
  inQueue: number;
  onCode: (code: string) => void;
  onResident: (resident: { id: string; name: string }) => void;
  onClose: () => void;
  closing: boolean;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [finding, setFinding] = useState(false);
  const input = useRef<InputRef>(null);
  // the camera reads the same QR code many times a second: one scan per person
  const lastRead = useRef<{ code: string; at: number } | null>(null);
  const scanner = useCameraScanner({
    formats: ['qr_code'],
    everyMs: 250,
    onCode: (text) => {
      const now = Date.now();
      if (lastRead.current?.code === text && now - lastRead.current.at < SAME_CODE_IGNORED_MS)
        return 'continue';
      lastRead.current = { code: text, at: now };
      onCode(text);
      return 'continue';
    },
  });
  useEffect(() => {
    if (!finding) input.current?.focus();
  }, [finding]);
  const samples = Math.min(tube.samples + inQueue, tube.capacity);
  const submit = () => {
    const typed = code.trim();
    setCode('');
    input.current?.focus();
    onCode(typed);
  };
  return (
    <section className="panel tube-panel" aria-labelledby="tube-title">
      <h2 id="tube-title" className="tube-title">
        {t('testingScans.tube', { barcode: tube.barcode })}
      </h2>
      <p className="tube-counter" data-testid="tube-counter">
        <span aria-hidden>{t('testingScans.counter', { samples, capacity: tube.capacity })}</span>
        <span className="visually-hidden">
          {t('testingScans.counterLabel', { samples, capacity: tube.capacity })}
        </span>
      </p>
      <form
        className="code-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor="resident-code">{t('testingScans.residentCode')}</label>
        <div className="code-row">
          <Input
            id="resident-code"
            ref={input}
            size="large"
            autoFocus
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder={t('testingScans.residentCodePlaceholder')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button size="large" type="primary" htmlType="submit">
            {t('testingScans.record')}
          </Button>
        </div>
      </form>
      <CameraScan
        scanner={scanner}
        texts={{
          start: t('testingScans.scanResident'),
          stop: t('testingScans.scanStop'),
          camera: t('testingScans.cameraLabel'),
          hint: t('testingScans.scanHint'),
          unsupported: t('testingScans.scanUnsupported'),
          failed: (reason) => t('testingScans.cameraFailed', { reason }),
        }}
      />
      <div className="tube-actions">
        <Button size="large" block onClick={() => setFinding((f) => !f)} aria-expanded={finding}>
          {finding ? t('testingScans.close') : t('testingScans.findByPlace')}
        </Button>
        <Popconfirm
          title={t('testingScans.closeTubeConfirm', { samples })}
          onConfirm={onClose}
          okText={t('testingScans.closeTube')}
          cancelText={t('common.cancel')}
        >
          <Button size="large" block danger loading={closing}>
            {t('testingScans.closeTube')}
          </Button>
        </Popconfirm>
      </div>
      {finding && (
        <ResidentFinder
          communityId={communityId}
          roundId={roundId}
          timeZone={timeZone}
          onChoose={(r) => {
            setFinding(false);
            onResident(r);
          }}
        />
      )}
    </section>
  );
}
