import { Alert, Button, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TMedicineResidentChoice } from '../../../shared/api/medicine.ts';
import type { Role } from '../../../shared/roles.ts';
import { errorMessage } from '../../api/client.ts';
import { uploadMedicinePhoto, useCreateMedicineRequest, useMedicineResidents } from '../../api/medicine.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { type FormExtras, MedicineRequestForm } from './MedicineRequestForm.tsx';
import { MedicineResidentPicker } from './MedicineResidentPicker.tsx';
import { canAskForOthers, canAskMedicine } from './medicine-access.ts';
import { WrittenConversation } from './WrittenConversation.tsx';
import { emptyDraft, type IntakeDraft, type Member } from './written-conversation.ts';
import '../../styles/medicine-intake.css';
import '../../styles/medicine.css';

/** /medicine/ask: a resident asks for their household, or a volunteer asks on a resident's behalf. */
export function MedicineAskPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('medicineAsk.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canAskMedicine(membership.roles)) return <Forbidden />;
  return <Ask communityId={membership.communityId} roles={membership.roles} />;
}

function Ask({ communityId, roles }: { communityId: string; roles: readonly Role[] }) {
  const { t } = useTranslation();
  const forOthers = canAskForOthers(roles);
  const both = forOthers && roles.includes('resident');
  const [whose, setWhose] = useState<'others' | 'mine'>(forOthers ? 'others' : 'mine');
  return (
    <div className="page medicine-ask-page">
      <h1>{t('medicineAsk.title')}</h1>
      {both && (
        <Segmented
          size="large"
          value={whose}
          onChange={(v) => setWhose(v as 'others' | 'mine')}
          options={[
            { value: 'others', label: t('medicineAsk.forOthers') },
            { value: 'mine', label: t('medicineAsk.forMine') },
          ]}
        />
      )}
      {whose === 'others' ? (
        <OnBehalf key="others" communityId={communityId} />
      ) : (
        <ForMyHousehold key="mine" communityId={communityId} />
      )}
    </div>
  );
}

function OnBehalf({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [resident, setResident] = useState<TMedicineResidentChoice | null>(null);
  if (!resident) return <MedicineResidentPicker communityId={communityId} onChoose={setResident} />;
  return (
    <>
      <p className="medicine-ask-for" data-testid="medicine-ask-for">
        {t('medicineAsk.askingFor', {
          name: resident.name,
          building: resident.buildingCode,
          room: resident.room,
        })}{' '}
        <Button onClick={() => setResident(null)}>{t('medicineAsk.otherResident')}</Button>
      </p>
      <Intake communityId={communityId} members={[]} residentId={resident.residentId} onBehalf />
    </>
  );
}

function ForMyHousehold({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const household = useMedicineResidents(communityId, { mine: '1' }, true);
  if (household.isPending) return <Skeleton active />;
  if (household.isError) return <LoadError error={household.error} onRetry={() => household.refetch()} />;
  const members = household.data.residents.map((r) => ({ id: r.residentId, name: r.name }));
  if (members.length === 0) return <Alert type="info" showIcon title={t('medicineAsk.noHousehold')} />;
  return (
    <Intake
      communityId={communityId}
      members={members}
      residentId={members.length === 1 ? members[0]!.id : null}
      onBehalf={false}
    />
  );
}

function Intake({
  communityId,
  members,
  residentId,
  onBehalf,
}: {
  communityId: string;
  members: Member[];
  residentId: string | null;
  onBehalf: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'form' | 'written'>(onBehalf ? 'written' : 'form');
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft(residentId));
  const [extras, setExtras] = useState<FormExtras>({ strength: '', note: '' });
  const [photo, setPhoto] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = useCreateMedicineRequest(communityId);

  const submit = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const created = await create.mutateAsync({
        residentId: draft.residentId ?? residentId ?? '',
        drugName: draft.drugName.trim(),
        strength: extras.strength,
        quantity: draft.quantity.trim(),
        source: draft.source ?? '',
        supplyDaysLeft: draft.supplyDaysLeft ?? null,
        chronic: draft.chronic === true,
        payment: draft.payment ?? 'yes',
        note: extras.note,
        written: onBehalf && mode === 'written',
      });
      let photoProblem: string | null = null;
      if (photo) {
        try {
          await uploadMedicinePhoto(communityId, created.id, 'box', photo);
        } catch (err) {
          photoProblem = errorMessage(err);
        }
      }
      navigate(`/medicine/requests/${created.id}`, { state: { created: true, photoProblem } });
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Segmented
        size="large"
        block
        value={mode}
        onChange={(v) => setMode(v as 'form' | 'written')}
        options={[
          { value: 'written', label: t('medicineAsk.modeWritten') },
          { value: 'form', label: t('medicineAsk.modeForm') },
        ]}
      />
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      {mode === 'written' ? (
        <WrittenConversation
          members={members}
          draft={draft}
          onChange={setDraft}
          photo={photo}
          onPhoto={setPhoto}
          onDone={() => void submit()}
          submitting={busy}
        />
      ) : (
        <MedicineRequestForm
          members={members}
          draft={draft}
          extras={extras}
          onChange={setDraft}
          onExtras={setExtras}
          photo={photo}
          onPhoto={setPhoto}
          onSubmit={() => void submit()}
          submitting={busy}
        />
      )}
    </>
  );
}
