import { Alert, Button, Input, InputNumber, Segmented, Skeleton } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TParcel } from '../../../shared/api/parcels.ts';
import { errorMessage } from '../../api/client.ts';
import { useReceiveParcels } from '../../api/parcels.ts';
import { useBuildings } from '../../api/registry.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { type BuildingChoice, BuildingPicker, rememberBuilding } from './BuildingPicker.tsx';
import { canWorkParcels } from './parcel-access.ts';
import { RecentParcels } from './RecentParcels.tsx';
import { isPhoneTail, RoomFields } from './RoomFields.tsx';
import { WaybillScanner } from './WaybillScanner.tsx';
import '../../styles/parcels.css';
import '../../styles/parcel-import.css';

export function ParcelIntakePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('parcels.intakeTitle'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canWorkParcels(membership.roles)) return <Forbidden />;
  return (
    <Intake
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
    />
  );
}

type Mode = 'single' | 'batch';
type Outcome = { ok: true; text: string } | { ok: false; text: string };

function Intake({ communityId, timeZone }: { communityId: string; timeZone: string }) {
  const { t } = useTranslation();
  const buildings = useBuildings(communityId);
  const receive = useReceiveParcels(communityId);
  const [mode, setMode] = useState<Mode>('single');
  const [waybill, setWaybill] = useState('');
  const [scanned, setScanned] = useState(false);
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const [room, setRoom] = useState('');
  const [phoneTail, setPhoneTail] = useState('');
  const [count, setCount] = useState<number | null>(10);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [recentVersion, setRecentVersion] = useState(0);
  const waybillInput = useRef<HTMLInputElement>(null);

  const choices: BuildingChoice[] = useMemo(
    () =>
      (buildings.data ?? [])
        .map((b) => ({ id: b.id, code: b.code }))
        .sort((x, y) => x.code.localeCompare(y.code, 'zh-CN', { numeric: true })),
    [buildings.data],
  );
  const binOf = (p: Pick<TParcel, 'buildingCode'>) =>
    p.buildingCode ? t('parcels.building', { code: p.buildingCode }) : t('parcels.unassigned');

  const landed = (text: string) => {
    setOutcome({ ok: true, text });
    if (buildingId) rememberBuilding(communityId, buildingId);
    setRecentVersion((v) => v + 1);
  };
  const failed = (error: unknown) => setOutcome({ ok: false, text: errorMessage(error) });

  const recordOne = () => {
    if (!waybill.trim()) {
      setOutcome({ ok: false, text: t('parcels.waybillRequired') });
      waybillInput.current?.focus();
      return;
    }
    if (phoneTail && !isPhoneTail(phoneTail)) {
      setOutcome({ ok: false, text: t('parcels.phoneTailInvalid') });
      return;
    }
    receive.mutate(
      {
        parcels: [
          {
            waybill: waybill.trim(),
            source: scanned ? 'scan' : 'typed',
            ...(buildingId ? { buildingId } : {}),
            ...(room.trim() ? { room: room.trim() } : {}),
            ...(phoneTail ? { phoneTail } : {}),
          },
        ],
      },
      {
        onSuccess: (result) => {
          const parcel = result.parcels[0]!;
          landed(t('parcels.recorded', { waybill: parcel.waybill, bin: binOf(parcel) }));
          setWaybill('');
          setScanned(false);
          setRoom('');
          setPhoneTail('');
          waybillInput.current?.focus();
        },
        onError: failed,
      },
    );
  };
  const recordBatch = () => {
    if (!buildingId) {
      setOutcome({ ok: false, text: t('parcels.batchBuildingRequired') });
      return;
    }
    receive.mutate(
      { batch: { buildingId, count: count ?? 1 } },
      {
        onSuccess: (result) =>
          landed(t('parcels.recordedBatch', { count: result.count, bin: binOf(result.parcels[0]!) })),
        onError: failed,
      },
    );
  };

  return (
    <div className="page parcels-intake">
      <h1 className="page-title">{t('parcels.intakeTitle')}</h1>
      <Segmented
        block
        size="large"
        className="intake-mode"
        value={mode}
        onChange={(value) => {
          setMode(value as Mode);
          setOutcome(null);
        }}
        options={[
          { value: 'single', label: t('parcels.modeSingle') },
          { value: 'batch', label: t('parcels.modeBatch') },
        ]}
      />
      {buildings.error ? (
        <LoadError error={buildings.error} onRetry={() => void buildings.refetch()} />
      ) : buildings.isPending ? (
        <Skeleton active />
      ) : (
        <form
          className="panel intake-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (receive.isPending) return;
            if (mode === 'single') recordOne();
            else recordBatch();
          }}
        >
          {mode === 'single' ? (
            <>
              <WaybillScanner
                onCode={(code) => {
                  setWaybill(code);
                  setScanned(true);
                  setOutcome(null);
                }}
              />
              <label className="field-label-block" htmlFor="waybill">
                {t('parcels.waybill')}
              </label>
              <Input
                id="waybill"
                ref={(input) => {
                  waybillInput.current = input?.input ?? null;
                }}
                size="large"
                className="waybill-input"
                value={waybill}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                placeholder={t('parcels.waybillPlaceholder')}
                onChange={(event) => {
                  setWaybill(event.target.value);
                  setScanned(false);
                }}
              />
            </>
          ) : (
            <p className="page-note">{t('parcels.batchHint')}</p>
          )}
          <BuildingPicker
            communityId={communityId}
            buildings={choices}
            value={buildingId}
            onChange={setBuildingId}
            recentVersion={recentVersion}
          />
          {mode === 'single' ? (
            <RoomFields room={room} phoneTail={phoneTail} onRoom={setRoom} onPhoneTail={setPhoneTail} />
          ) : (
            <>
              <label className="field-label-block" htmlFor="batch-count">
                {t('parcels.count')}
              </label>
              <InputNumber
                id="batch-count"
                size="large"
                min={1}
                max={500}
                precision={0}
                inputMode="numeric"
                className="batch-count"
                value={count}
                onChange={(value) => setCount(value)}
              />
            </>
          )}
          <div aria-live="polite" className="intake-outcome-slot">
            {outcome && (
              <Alert
                type={outcome.ok ? 'success' : 'error'}
                showIcon
                role={outcome.ok ? 'status' : 'alert'}
                title={outcome.text}
                data-testid="intake-outcome"
              />
            )}
          </div>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            className="big-button"
            loading={receive.isPending}
          >
            {mode === 'single' ? t('parcels.record') : t('parcels.recordBatch', { count: count ?? 1 })}
          </Button>
        </form>
      )}
      <RecentParcels communityId={communityId} timeZone={timeZone} />
      <p className="import-link">
        <Link to="/parcels/import">{t('parcelImport.link')}</Link>
      </p>
    </div>
  );
}
