import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import type { ResidentFilters } from '../../api/residents.ts';
import { downloadRoster } from '../../api/roster.ts';

/** Exports the roster with the list's zone, building and flag filters (a name search is not a roster). */
export function ExportButton({ communityId, filters }: { communityId: string; filters: ResidentFilters }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadRoster(communityId, filters);
    } catch (error) {
      void message.error(t('residents.exportFailed', { message: errorMessage(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void onClick()} loading={busy}>
      {t('residents.export')}
    </Button>
  );
}
