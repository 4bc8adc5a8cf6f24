import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMedicineRequestRow } from '../../../shared/api/medicine.ts';
import { type MedicineListFilter, useMedicineRequests } from '../../api/medicine.ts';
import { useLiveMedicine } from '../../api/medicine-work.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useNow } from '../../lib/useNow.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { MedicineAssignDialog } from './MedicineAssignDialog.tsx';
import { MedicineDeadlineSetting } from './MedicineDeadlineSetting.tsx';
import { MedicineQueueRow } from './MedicineQueueRow.tsx';
import { canAskMedicine, canLeadMedicine, canWorkMedicine } from './medicine-access.ts';
import '../../styles/medicine.css';
import '../../styles/medicine-work.css';

type View = 'open' | 'finished' | 'mine';

/**
 * /medicine: the medicine group's urgent queue (overdue first, then by deadline, as the server orders
 * them); for a resident, their household's requests. Live: any change to a request refetches it.
 */
export function MedicineQueuePage() {
  const { t } = useTranslation();
  const { membership } = useCommunity();
  const worker = membership ? canWorkMedicine(membership.roles) : false;
  useDocumentTitle(t(worker ? 'medicineWork.queue.title' : 'medicineWork.queue.householdTitle'));
  if (!membership) return <NoCommunity />;
  if (!canAskMedicine(membership.roles)) return <Forbidden />;
  return (
    <Queue
      key={membership.communityId}
      communityId={membership.communityId}
      timeZone={membership.timezone}
      worker={worker}
      leader={canLeadMedicine(membership.roles)}
    />
  );
}

interface QueueProps {
  communityId: string;
  timeZone: string;
  worker: boolean;
  leader: boolean;
}

function Queue({ communityId, timeZone, worker, leader }: QueueProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [view, setView] = useState<View>('open');
  const filter: MedicineListFilter =
    view === 'mine' ? { status: 'open', mine: true } : { status: view === 'open' ? 'open' : 'finished' };
  const list = useMedicineRequests(communityId, filter);
  useLiveMedicine(communityId);
  const now = useNow(30_000);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assigning, setAssigning] = useState(false);

  // The server orders by deadline; a delivered request only waits for the household's confirmation,
  // so it goes below the ones the group still has to act on.
  const all = list.data?.requests ?? [];
  const rows = [
    ...all.filter((r) => r.status !== 'delivered'),
    ...all.filter((r) => r.status === 'delivered'),
  ];
  // Only rows still on screen and still triaged count: a live refetch may have moved some on.
  const assignable = new Set(rows.filter((r) => r.status === 'triaged').map((r) => r.id));
  const chosen = [...selected].filter((id) => assignable.has(id));
  const toggle = (row: TMedicineRequestRow, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(row.id);
      else next.delete(row.id);
      return next;
    });

  return (
    <div className="page medicine-queue-page">
      <div className="medicine-queue-head">
        <h1>{t(worker ? 'medicineWork.queue.title' : 'medicineWork.queue.householdTitle')}</h1>
        <Link
          to="/medicine/ask"
          className="button-link button-link-primary button-link-large medicine-ask-link"
        >
          <PlusOutlined aria-hidden /> {t('medicineWork.queue.ask')}
        </Link>
      </div>
      {worker && (
        <p className="medicine-queue-links">
          <Link to="/medicine/trips">{t('medicineWork.trips.title')}</Link>
          <Link to="/medicine/care">{t('medicineWork.care.title')}</Link>
        </p>
      )}
      {leader && <MedicineDeadlineSetting communityId={communityId} />}
      <Segmented
        size="large"
        block
        value={view}
        onChange={(v) => setView(v as View)}
        aria-label={t('medicineWork.queue.filter')}
        options={[
          { value: 'open', label: t('medicineWork.queue.open') },
          { value: 'finished', label: t('medicineWork.queue.finished') },
          ...(worker ? [{ value: 'mine', label: t('medicineWork.queue.mine') }] : []),
        ]}
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : rows.length === 0 ? (
        <Empty description={t(`medicineWork.queue.empty.${view}`)} />
      ) : (
        <ul className="medicine-queue" aria-label={t('medicineWork.queue.listLabel')}>
          {rows.map((row) => (
            <MedicineQueueRow
              key={row.id}
              row={row}
              timeZone={list.data.timeZone || timeZone}
              now={now}
              selection={
                leader && row.status === 'triaged'
                  ? { selected: selected.has(row.id), onToggle: (on) => toggle(row, on) }
                  : undefined
              }
            />
          ))}
        </ul>
      )}
      {leader && chosen.length > 0 && (
        <section className="medicine-assign-bar" aria-label={t('medicineWork.assign.bar')}>
          <span>{t('medicineWork.assign.selected', { count: chosen.length })}</span>
          <Button type="primary" size="large" onClick={() => setAssigning(true)}>
            {t('medicineWork.assign.open', { count: chosen.length })}
          </Button>
        </section>
      )}
      <MedicineAssignDialog
        communityId={communityId}
        requestIds={chosen}
        open={assigning}
        onClose={() => setAssigning(false)}
        onAssigned={(name, count) => {
          setAssigning(false);
          setSelected(new Set());
          void message.success(t('medicineWork.assign.done', { name, count }));
        }}
      />
    </div>
  );
}
