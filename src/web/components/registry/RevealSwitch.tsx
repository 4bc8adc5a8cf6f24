import { EyeOutlined } from '@ant-design/icons';
import { Switch } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  loading?: boolean;
}

/** Full numbers are shown only on purpose and the server records each look; the note says so. */
export function RevealSwitch({ checked, onChange, loading }: Props) {
  const { t } = useTranslation();
  const noteId = useId();
  const switchId = useId();
  return (
    <div className="reveal-switch">
      <span className="reveal-control">
        <Switch
          id={switchId}
          checked={checked}
          onChange={onChange}
          loading={loading}
          aria-describedby={noteId}
        />
        <label htmlFor={switchId}>
          <EyeOutlined aria-hidden /> {t('registry.reveal')}
        </label>
      </span>
      <span id={noteId} className="reveal-note">
        {t('registry.revealNote')}
      </span>
    </div>
  );
}
