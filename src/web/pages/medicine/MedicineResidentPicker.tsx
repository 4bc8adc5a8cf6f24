import { Alert, Button, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMedicineResidentChoice } from '../../../shared/api/medicine.ts';
import { errorMessage } from '../../api/client.ts';
import { useMedicineResidents } from '../../api/medicine.ts';
import { flagLabel, roomLabel } from '../../lib/registry-format.ts';

/** Intake on someone's behalf: find the resident by building, room or name; the vulnerable come first. */
export function MedicineResidentPicker({
  communityId,
  onChoose,
}: {
  communityId: string;
  onChoose: (resident: TMedicineResidentChoice) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [fields, setFields] = useState({ building: '', room: '', q: '' });
  const [query, setQuery] = useState(fields);
  const found = useMedicineResidents(communityId, query, true);
  const field = (key: keyof typeof fields, inputMode?: 'numeric') => (
    <Input
      size="large"
      aria-label={t(`medicineAsk.find.${key}`)}
      placeholder={t(`medicineAsk.find.${key}`)}
      value={fields[key]}
      inputMode={inputMode}
      onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
    />
  );
  return (
    <section className="panel medicine-picker" aria-labelledby="medicine-picker-title">
      <h2 id="medicine-picker-title">{t('medicineAsk.forWhom')}</h2>
      <form
        className="medicine-picker-fields"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(fields);
        }}
      >
        {field('building', 'numeric')}
        {field('room', 'numeric')}
        {field('q')}
        <Button size="large" type="primary" htmlType="submit">
          {t('medicineAsk.find.search')}
        </Button>
      </form>
      {found.isError && <Alert type="error" showIcon title={errorMessage(found.error)} />}
      <ul className="medicine-picker-list">
        {found.data?.residents.map((r) => (
          <li key={r.residentId}>
            <button type="button" className="medicine-picker-choice" onClick={() => onChoose(r)}>
              <span className="medicine-picker-name">{r.name}</span>
              <span>
                {roomLabel(r.buildingCode, r.room, locale)}
                {r.birthYear ? ` · ${r.birthYear}` : ''}
              </span>
              {(r.flags.length > 0 || r.openRequests > 0) && (
                <span className="medicine-picker-tags">
                  {r.flags.map((f) => (
                    <Tag key={f} className="medicine-flag">
                      {flagLabel(f, locale)}
                    </Tag>
                  ))}
                  {r.openRequests > 0 && (
                    <Tag className="medicine-open">
                      {t('medicineAsk.openRequests', { count: r.openRequests })}
                    </Tag>
                  )}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {found.data && found.data.residents.length === 0 && <p>{t('medicineAsk.find.none')}</p>}
    </section>
  );
}
