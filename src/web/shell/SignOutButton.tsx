import { LogoutOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../api/client.ts';
import { useSignOut } from '../api/session.ts';

export function SignOutButton({ block = false }: { block?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const onClick = () =>
    signOut.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (error) => {
        // An expired session is as good as signed out; the 401 handler already shows the sign-in page.
        if (error instanceof ApiError && error.status === 401) return;
        void message.error(t('shell.signOutFailed', { message: errorMessage(error) }));
      },
    });
  return (
    <Button icon={<LogoutOutlined aria-hidden />} onClick={onClick} loading={signOut.isPending} block={block}>
      {t('shell.signOut')}
    </Button>
  );
}
