import { Alert, Button, Input, type InputRef, Skeleton } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TPickup } from '../../../shared/api/parcel-rides.ts';
import type { Role } from '../../../shared/roles.ts';
import { errorMessage } from '../../api/client.ts';
import {
  useConfirmPickup,
  useLiveParcelStatus,
  useMyParcels,
  usePickupLookup,
} from '../../api/parcel-rides.ts';
import { useBuildings } from '../../api/registry.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { compareCodes, toHalfWidth } from '../../lib/registry-format.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { type BuildingChoice, BuildingPicker } from './BuildingPicker.tsx';
import { isPickupCrew } from './ride-access.ts';
import { momentOf, tailsOf } from './ride-format.ts';
import '../../styles/parcels.css';
import '../../styles/parcel-rides.css';

/** The pickup desk: a volunteer or a building's relay contact hands parcels over by building and code. */
export function PickupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('parcelRides.pickup.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  return (
    <div className="page parcel-pickup">
      <h1 className="page-title">{t('parcelRides.pickup.title')}</h1>
      <Desk
        key={membership.communityId}
        communityId={membership.communityId}
        roles={membership.roles}
        timeZone={membership.timezone}
      />
    </div>
  );
}

/** Every building for the crew; a relay contact only their own. */
function useDeskBuildings(communityId: string, roles: readonly Role[]) {
  const crew = isPickupCrew(roles);
  const all = useBuildings(communityId);
  const mine = useMyParcels(communityId);
  const source = crew ? all : mine;
  const choices: BuildingChoice[] = useMemo(() => {
    const list = crew ? (all.data ?? []) : (mine.data?.relayBuildings ?? []);
    return list.map((b) => ({ id: b.id, code: b.code })).sort((x, y) => compareCodes(x.code, y.code));
  }, [crew, all.data, mine.data]);
  return {
    crew,
    choices,
    pending: source.isPending,
    error: source.error,
    retry: () => void source.refetch(),
  };
}

function Desk({ communityId, roles, timeZone }: { communityId: string; roles: Role[]; timeZone: string }) {
  const { t } = useTranslation();
  const desk = useDeskBuildings(communityId, roles);
  const [params] = useSearchParams();
  const [picked, setPicked] = useState<string | null>(params.get('building'));
  const [code, setCode] = useState('');
  const [done, setDone] = useState<TPickup | null>(null);
  const codeInput = useRef<InputRef>(null);
  useLiveParcelStatus(communityId);

  if (desk.error) return <LoadError error={desk.error} onRetry={desk.retry} />;
  if (desk.pending) return <Skeleton active />;
  if (desk.choices.length === 0) return <p className="panel">{t('parcelRides.pickup.notAllowed')}</p>;
  const single = desk.choices.length === 1 ? desk.choices[0]!.id : null;
  const buildingId = desk.choices.some((b) => b.id === picked) ? picked : single;
  const nextPerson = () => {
    setCode('');
    setDone(null);
    codeInput.current?.focus();
  };

  return (
    <>
      <p className="page-note">{t('parcelRides.pickup.intro')}</p>
      <div className="panel pickup-form">
        {desk.crew ? (
          <BuildingPicker
            communityId={communityId}
            buildings={desk.choices}
            value={buildingId}
            onChange={setPicked}
            recentVersion={0}
          />
        ) : (
          <fieldset className="recent-buildings" aria-label={t('parcelRides.pickup.building')}>
            {desk.choices.map((b) => (
              <Button
                key={b.id}
                size="large"
                className="building-button"
                type={buildingId === b.id ? 'primary' : 'default'}
                aria-pressed={buildingId === b.id}
                onClick={() => setPicked(b.id)}
              >
                {t('parcelRides.building', { code: b.code })}
              </Button>
            ))}
          </fieldset>
        )}
        <label className="field-label-block" htmlFor="pickup-code-input">
          {t('parcelRides.pickup.code')}
        </label>
        <Input
          id="pickup-code-input"
          ref={codeInput}
          className="pickup-code-input"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          placeholder={t('parcelRides.pickup.codePlaceholder')}
          value={code}
          onChange={(event) => {
            setDone(null);
            setCode(toHalfWidth(event.target.value).replace(/\D/g, '').slice(0, 4));
          }}
        />
      </div>
      {buildingId && (
        <Found
          key={`${buildingId}/${code}`}
          communityId={communityId}
          timeZone={timeZone}
          buildingId={buildingId}
          code={code}
          done={done}
          onDone={setDone}
          onNext={nextPerson}
        />
      )}
    </>
  );
}

interface FoundProps {
  communityId: string;
  timeZone: string;
  buildingId: string;
  code: string;
  done: TPickup | null;
  onDone: (pickup: TPickup) => void;
  onNext: () => void;
}

/** What the code stands for, and the one button that hands it over. */
function Found({ communityId, timeZone, buildingId, code, done, onDone, onNext }: FoundProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const lookup = usePickupLookup(communityId, buildingId, code);
  const confirm = useConfirmPickup(communityId);
  const found = lookup.data;
  const waiting = found?.parcels.filter((p) => p.status === 'delivered') ?? [];
  const takenAt = found?.parcels.find((p) => p.pickedUpAt)?.pickedUpAt;
  return (
    <div className="pickup-found" aria-live="polite" data-testid="pickup-found">
      {lookup.isFetching && !found && <Skeleton active paragraph={{ rows: 2 }} />}
      {lookup.error && <Alert type="error" showIcon role="alert" title={errorMessage(lookup.error)} />}
      {confirm.error && <Alert type="error" showIcon role="alert" title={errorMessage(confirm.error)} />}
      {found && !lookup.error && (
        <section className="panel" aria-labelledby="pickup-found-title">
          <h2 id="pickup-found-title">
            {t('parcelRides.building', { code: found.buildingCode })} · {found.code} ·{' '}
            {t('parcelRides.pickup.found', { count: found.parcels.length })}
          </h2>
          <ul className="pickup-parcels">
            {found.parcels.map((p) => (
              <li key={p.id}>
                <span className="pickup-parcel-room">
                  {p.room ? t('parcelRides.room', { room: p.room }) : t('parcelRides.noRoom')}
                </span>
                <span className="pickup-parcel-tail">{tailsOf(t, [p])}</span>
                {p.reminded && p.status === 'delivered' && (
                  <span className="ride-room-note">{t('parcelRides.flagged')}</span>
                )}
              </li>
            ))}
          </ul>
          {done ? (
            <>
              <Alert
                type="success"
                showIcon
                title={t('parcelRides.pickup.done', { count: done.parcels.length })}
              />
              <Button size="large" block className="big-button" onClick={onNext}>
                {t('parcelRides.pickup.nextPerson')}
              </Button>
            </>
          ) : waiting.length === 0 ? (
            <Alert
              type="info"
              showIcon
              title={t('parcelRides.pickup.already', {
                time: takenAt ? momentOf(takenAt, timeZone, locale) : '',
              })}
            />
          ) : (
            <Button
              type="primary"
              size="large"
              block
              className="big-button"
              loading={confirm.isPending}
              onClick={() => confirm.mutate({ by: 'code', buildingId, code }, { onSuccess: onDone })}
            >
              {t('parcelRides.pickup.confirm', { count: waiting.length })}
            </Button>
          )}
        </section>
      )}
    </div>
  );
}
