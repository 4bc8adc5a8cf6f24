import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportPreview } from '../../../shared/api/registry.ts';

type Problem = TImportPreview['rejected'][number];

// A sheet with a wrong column can reject thousands of rows; the first ones tell the story.
const FIRST = 20;

interface Props {
  id: string;
  title: string;
  help: string;
  problems: Problem[];
  tone: 'error' | 'info';
}

export function ProblemList({ id, title, help, problems, tone }: Props) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (problems.length === 0) return null;
  const shown = all ? problems : problems.slice(0, FIRST);
  return (
    <section className={`panel problem-panel problem-${tone}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="page-note">{help}</p>
      <ol className="problem-list" data-testid={`preview-${id}-list`}>
        {shown.map((p) => (
          // The server's message already names the row ("第8行：…"), in the reader's language.
          <li key={`${p.row}-${p.code}-${p.message}`} data-row={p.row}>
            {p.message}
          </li>
        ))}
      </ol>
      {problems.length > FIRST && (
        <Button onClick={() => setAll(!all)}>
          {all ? t('rosterImport.showFewer') : t('rosterImport.showAll', { count: problems.length })}
        </Button>
      )}
    </section>
  );
}
