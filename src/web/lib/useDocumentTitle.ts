import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "首页 · 邻里 Linli": screen readers announce it and phones show it in the tab switcher. */
export function useDocumentTitle(page: string) {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = `${page} · ${app === 'Linli' ? 'Linli 邻里' : '邻里 Linli'}`;
  }, [page, app]);
}
