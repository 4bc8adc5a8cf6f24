import { GlobalOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client.ts';
import { useSaveLocale, useSession } from '../api/session.ts';
import { currentLocale, setLocale } from '../i18n/index.ts';

// Set when someone picks a language before signing in, so that pick (not the account's) wins.
let pickedBeforeSignIn = false;

/** Whether the language was picked on the sign-in page; asking clears it for the next sign-in. */
export function takeLanguagePick(): boolean {
  const picked = pickedBeforeSignIn;
  pickedBeforeSignIn = false;
  return picked;
}

/** One button that shows the other language in its own script, so anyone can find it. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession().data?.session;
  const saveLocale = useSaveLocale();
  const target = currentLocale() === 'en' ? 'zh-CN' : 'en';
  const label = target === 'en' ? t('language.en') : t('language.zh');

  const onClick = async () => {
    await setLocale(target);
    if (!session) {
      pickedBeforeSignIn = true;
      return;
    }
    saveLocale.mutate(target, {
      onError: (error) => {
        // A lapsed session is not a failure to report: the sign-in page follows.
        if (error instanceof ApiError && error.status === 401) return;
        void message.error(t('language.saveFailed', { message: errorMessage(error) }));
      },
    });
  };

  return (
    <Button
      // Phones drop the globe rather than abbreviate: "EN" is not clear to everyone.
      icon={compact ? undefined : <GlobalOutlined aria-hidden />}
      onClick={onClick}
      aria-label={t('language.switchTo', { language: label })}
      className="language-switch"
    >
      <span lang={target}>{label}</span>
    </Button>
  );
}
