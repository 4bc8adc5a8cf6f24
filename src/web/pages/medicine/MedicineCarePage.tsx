import { LeftOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Empty, Input, Radio, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCareFollowUp } from '../../../shared/api/medicine-work.ts';
import { errorMessage } from '../../api/client.ts';
import { useCareFollowUps, useLiveMedicine, useRecordCareContact } from '../../api/medicine-work.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { FlagTags } from '../../components/registry/FlagTags.tsx';
import { formatDate, formatDateTime } from '../../lib/time.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useCommunity } from '../../shell/CommunityContext.tsx';
import { NoCommunity } from '../NoCommunity.tsx';
import { StatusTag, UrgencyTag } from './MedicineTags.tsx';
import { canWorkMedicine } from './medicine-access.ts';
import '../../styles/medicine.css';
import '../../styles/medicine-work.css';

const WINDOWS = [3, 7, 14] as const;

/** /medicine/care: vulnerable residents, when someone last got in touch, what they need and what runs out. */
export function MedicineCarePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('medicineWork.care.title'));
  const { membership } = useCommunity();
  if (!membership) return <NoCommunity />;
  if (!canWorkMedicine(membership.roles)) return <Forbidden />;
  return <CareList key={membership.communityId} communityId={membership.communityId} />;
}

function CareList({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(7);
  const list = useCareFollowUps(communityId, days);
  useLiveMedicine(communityId);
  return (
    <div className="page medicine-care-page">
      <Link to="/medicine" className="medicine-back">
        <LeftOutlined aria-hidden /> {t('medicineWork.detail.back')}
      </Link>
      <h1>{t('medicineWork.care.title')}</h1>
      <Segmented
        size="large"
        value={days}
        onChange={(v) => setDays(v as number)}
        aria-label={t('medicineWork.care.window')}
        options={WINDOWS.map((d) => ({ value: d, label: t('medicineWork.care.days', { count: d }) }))}
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : list.data.residents.length === 0 ? (
        <Empty description={t('medicineWork.care.none')} />
      ) : (
        <ul className="medicine-care">
          {list.data.residents.map((item) => (
            <CareCard
              key={item.resident.residentId}
              communityId={communityId}
              item={item}
              timeZone={list.data.timeZone}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function CareCard({
  communityId,
  item,
  timeZone,
}: {
  communityId: string;
  item: TCareFollowUp;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const [logging, setLogging] = useState(false);
  const r = item.resident;
  const last = item.lastContact;
  return (
    <li className="medicine-care-card" data-testid="care-card">
      <h2>{t('medicineWork.recipient', { building: r.buildingCode, room: r.room, name: r.name })}</h2>
      <FlagTags flags={r.flags} />
      <p>
        {last
          ? t('medicineWork.care.lastContact', {
              kind: t(`medicineWork.care.kind.${last.kind}`),
              at: formatDateTime(last.at, timeZone, i18n.language),
              by: last.byName ?? '—',
            })
          : t('medicineWork.care.neverContacted')}
        {last?.note && <span className="medicine-history-reason">{last.note}</span>}
      </p>
      {item.runningOut.length > 0 && (
        <ul className="medicine-care-list" aria-label={t('medicineWork.care.runningOut')}>
          {item.runningOut.map((m) => (
            <li key={m.requestId} className="is-running-out">
              <Link to={`/medicine/requests/${m.requestId}`}>{m.drugName}</Link>{' '}
              {t('medicineWork.care.runsOut', { at: formatDate(m.nextRunsOutAt, timeZone, i18n.language) })}
              {m.reminded && ` · ${t('medicineWork.care.reminded')}`}
            </li>
          ))}
        </ul>
      )}
      {item.openRequests.length > 0 && (
        <ul className="medicine-care-list" aria-label={t('medicineWork.care.openNeeds')}>
          {item.openRequests.map((o) => (
            <li key={o.id}>
              <Link to={`/medicine/requests/${o.id}`}>{o.drugName}</Link> <UrgencyTag urgency={o.urgency} />
              <StatusTag status={o.status} />
            </li>
          ))}
        </ul>
      )}
      {logging ? (
        <ContactForm communityId={communityId} residentId={r.residentId} onClose={() => setLogging(false)} />
      ) : (
        <Button size="large" onClick={() => setLogging(true)}>
          {t('medicineWork.care.log', { name: r.name })}
        </Button>
      )}
    </li>
  );
}

function ContactForm({
  communityId,
  residentId,
  onClose,
}: {
  communityId: string;
  residentId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const record = useRecordCareContact(communityId);
  const [kind, setKind] = useState<'call' | 'visit'>('call');
  const [note, setNote] = useState('');
  const noteId = `care-note-${residentId}`;
  const submit = async () => {
    try {
      await record.mutateAsync({ residentId, kind, note });
      void message.success(t('medicineWork.care.logged'));
      onClose();
    } catch {
      // shown below
    }
  };
  return (
    <form
      className="medicine-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'call' | 'visit')}>
        <Radio value="call">{t('medicineWork.care.kind.call')}</Radio>
        <Radio value="visit">{t('medicineWork.care.kind.visit')}</Radio>
      </Radio.Group>
      <label htmlFor={noteId}>{t('medicineWork.care.note')}</label>
      <Input.TextArea
        id={noteId}
        value={note}
        maxLength={500}
        autoSize={{ minRows: 2 }}
        onChange={(e) => setNote(e.target.value)}
      />
      {record.error && <Alert type="error" showIcon role="alert" title={errorMessage(record.error)} />}
      <div className="medicine-buttons">
        <Button type="primary" size="large" htmlType="submit" loading={record.isPending}>
          {t('medicineWork.care.save')}
        </Button>
        <Button size="large" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
