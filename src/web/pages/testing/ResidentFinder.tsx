import { Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSamplingResident } from '../../../shared/api/testing-scans.ts';
import { errorMessage } from '../../api/client.ts';
import { findResidentsForSampling } from '../../api/testing-scans.ts';

/** The elderly without a code: found by building, room and name, then sampled with one tap. */
export function ResidentFinder({
  communityId,
  roundId,
  timeZone,
  onChoose,
}: {
  communityId: string;
  roundId: string;
  timeZone: string;
  onChoose: (resident: TSamplingResident) => void;
}) {
  const { t, i18n } = useTranslation();
  const [building, setBuilding] = useState('');
  const [room, setRoom] = useState('');
  const [name, setName] = useState('');
  const [found, setFound] = useState<TSamplingResident[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  const search = async () => {
    setProblem(null);
    try {
      const answer = await findResidentsForSampling(communityId, roundId, { building, room, q: name });
      setFound(answer.residents);
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };
  return (
    <section className="panel resident-finder" aria-labelledby="finder-title">
      <h2 id="finder-title">{t('testingScans.finderTitle')}</h2>
      <form
        className="finder-fields"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <Input
          size="large"
          aria-label={t('testingScans.building')}
          placeholder={t('testingScans.building')}
          value={building}
          onChange={(e) => setBuilding(e.target.value)}
          inputMode="numeric"
        />
        <Input
          size="large"
          aria-label={t('testingScans.room')}
          placeholder={t('testingScans.room')}
          value={room}
          onChange={(e) => setRoom(e.target.value)}
          inputMode="numeric"
        />
        <Input
          size="large"
          aria-label={t('testingScans.name')}
          placeholder={t('testingScans.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button size="large" type="primary" htmlType="submit">
          {t('testingScans.search')}
        </Button>
      </form>
      {problem && (
        <p role="alert" className="finder-problem">
          {problem}
        </p>
      )}
      {found && found.length === 0 && <p className="muted">{t('testingScans.noMatch')}</p>}
      {found && found.length > 0 && (
        <ul className="finder-results">
          {found.map((r) => (
            <li key={r.id}>
              <div className="finder-who">
                <strong>{r.name}</strong>
                <span>
                  {t('testingScans.cardHeading', { building: r.buildingCode, room: r.room })}
                  {r.birthYear ? ` · ${t('testingScans.born', { year: r.birthYear })}` : ''}
                </span>
                {r.sampledAt && (
                  <span className="finder-sampled">
                    {t('testingScans.alreadySampled', { time: time(r.sampledAt), barcode: r.tubeBarcode })}
                  </span>
                )}
              </div>
              <Button size="large" disabled={r.sampledAt !== null} onClick={() => onChoose(r)}>
                {t('testingScans.sampleThis')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
