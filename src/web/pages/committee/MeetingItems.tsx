import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMeeting } from '../../../shared/api/committee.ts';
import { ActionItemRow } from './ActionItemRow.tsx';
import { AddActionItemForm } from './AddActionItemForm.tsx';

/** The meeting's decisions as action items, with their status, and "add action item". */
export function MeetingItems({ communityId, meeting }: { communityId: string; meeting: TMeeting }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel cm-items" aria-labelledby="cm-items-title">
      <h2 id="cm-items-title">{t('committee.items.title')}</h2>
      {meeting.actionItems.length === 0 ? (
        <p className="page-note">{t('committee.items.none')}</p>
      ) : (
        <ul className="cm-item-list">
          {meeting.actionItems.map((item) => (
            <ActionItemRow key={item.id} communityId={communityId} item={item} manage />
          ))}
        </ul>
      )}
      {adding ? (
        <AddActionItemForm
          communityId={communityId}
          meetingId={meeting.id}
          timeZone={meeting.timeZone}
          onDone={() => setAdding(false)}
        />
      ) : (
        <Button size="large" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
          {t('committee.items.add')}
        </Button>
      )}
    </section>
  );
}
