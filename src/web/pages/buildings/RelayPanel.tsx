import { TeamOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBuildingDetail } from '../../../shared/api/registry.ts';
import { RelayContact } from '../../components/registry/RelayContact.tsx';
import { SetRelayModal } from './SetRelayModal.tsx';

interface Props {
  communityId: string;
  building: TBuildingDetail;
  canEdit: boolean;
}

export function RelayPanel({ communityId, building, canEdit }: Props) {
  const { t } = useTranslation();
  const [choosing, setChoosing] = useState(false);
  return (
    <section className="panel" aria-labelledby="relay-title">
      <h2 id="relay-title">{t('registry.relay')}</h2>
      <p className="page-note">{t('buildings.relayExplain')}</p>
      <div className="relay-panel-body" data-testid="building-relay">
        <RelayContact relay={building.relay} />
        {canEdit && (
          <Button icon={<TeamOutlined aria-hidden />} onClick={() => setChoosing(true)}>
            {building.relay ? t('buildings.changeRelay') : t('buildings.setRelay')}
          </Button>
        )}
      </div>
      {choosing && (
        <SetRelayModal communityId={communityId} building={building} onClose={() => setChoosing(false)} />
      )}
    </section>
  );
}
