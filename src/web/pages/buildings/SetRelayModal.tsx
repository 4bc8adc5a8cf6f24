import { Alert, App, Button, Modal, Select } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBuildingDetail } from '../../../shared/api/registry.ts';
import { errorMessage } from '../../api/client.ts';
import { useSetRelay } from '../../api/registry.ts';
import { compareCodes } from '../../lib/registry-format.ts';

interface Props {
  communityId: string;
  building: TBuildingDetail;
  onClose: () => void;
}

/** Picks the building's relay contact among its own residents; searching by name or room. */
export function SetRelayModal({ communityId, building, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const selectId = useId();
  const setRelay = useSetRelay(communityId);
  const [chosen, setChosen] = useState<string | undefined>(building.relay?.residentId);
  const options = useMemo(
    () =>
      [...building.residentList]
        .sort((a, b) => compareCodes(a.room, b.room))
        .map((r) => ({
          value: r.id,
          label: `${r.name}（${t('registry.roomShort', { room: r.room })}）`,
          search: `${r.name} ${r.room}`,
        })),
    [building.residentList, t],
  );

  const save = (residentId: string | null) =>
    setRelay.mutate(
      { buildingId: building.id, residentId },
      {
        onSuccess: () => {
          void message.success(residentId ? t('buildings.relaySaved') : t('buildings.relayCleared'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('buildings.setRelay')}
      onCancel={onClose}
      footer={
        <div className="form-buttons">
          {building.relay && (
            <Button danger onClick={() => save(null)} disabled={setRelay.isPending}>
              {t('buildings.clearRelay')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={!chosen}
            loading={setRelay.isPending}
            onClick={() => chosen && save(chosen)}
          >
            {t('common.save')}
          </Button>
        </div>
      }
    >
      {setRelay.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(setRelay.error)}
          className="form-alert"
        />
      ) : null}
      <label htmlFor={selectId} className="field-label-block">
        {t('buildings.chooseRelay')}
      </label>
      <Select
        id={selectId}
        className="full-width"
        value={chosen}
        onChange={setChosen}
        options={options}
        showSearch={{ filterOption: (input, option) => !!option?.search.includes(input.trim()) }}
        placeholder={t('buildings.chooseRelayPlaceholder')}
      />
    </Modal>
  );
}
