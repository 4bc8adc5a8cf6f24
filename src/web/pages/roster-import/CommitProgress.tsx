import { Progress } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The commit is one request with no progress of its own, so the bar estimates from the row
 * count and never claims to be done: it approaches 95% and jumps to 100% on the answer.
 */
export function CommitProgress({ rows }: { rows: number }) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    const expectedMs = 1500 + rows * 2;
    const started = Date.now();
    const timer = setInterval(() => {
      const elapsed = Date.now() - started;
      setPercent(Math.round(95 * (1 - Math.exp(-elapsed / expectedMs))));
    }, 200);
    return () => clearInterval(timer);
  }, [rows]);
  return (
    <div className="commit-progress" role="status">
      <p>{t('rosterImport.committing', { count: rows })}</p>
      <Progress percent={percent} status="active" aria-label={t('rosterImport.commitProgress')} />
      <p className="page-note">{t('rosterImport.dontClose')}</p>
    </div>
  );
}
