import { DownOutlined, KeyOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

/** Desktop header: the signed-in person's name opens their account's menu. */
export function AccountMenu({ displayName }: { displayName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'password',
            icon: <KeyOutlined aria-hidden />,
            label: t('account.changePassword'),
            onClick: () => navigate('/account/password'),
          },
        ],
      }}
    >
      <Button type="text" className="account-name" aria-label={`${t('account.menu')}: ${displayName}`}>
        {displayName} <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}

/** Phone drawer: the same, as one big link under the person's name. */
export function ChangePasswordLink({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <Link to="/account/password" className="drawer-account-link" onClick={onNavigate}>
      <KeyOutlined aria-hidden /> {t('account.changePassword')}
    </Link>
  );
}
