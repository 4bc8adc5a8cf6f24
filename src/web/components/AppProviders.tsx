import { LoadingOutlined } from '@ant-design/icons';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { markSignedOut } from '../api/session.ts';
import { theme } from '../lib/theme.ts';

// Retrying a 4xx cannot succeed; a dropped connection on a phone often does.
function shouldRetry(failures: number, error: unknown) {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

function createQueryClient() {
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) markSignedOut(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      // Without signal a mutation would wait silently for the phone to come back online: the volunteer
      // taps and nothing happens. It runs and fails instead, and the page says the server cannot be
      // reached (pages that queue work for later, like the testing lane, do so on that error).
      mutations: { networkMode: 'always' },
    },
  });
  return client;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={i18n.language === 'en' ? enUS : zhCN}
        theme={theme}
        // "登 录" with an inserted space reads oddly aloud and breaks text search. A button's own
        // loading icon animates in and out, and when an answer comes within a frame or two its
        // way out can wait forever for a transition that never runs: the spinner stayed on a
        // button that was done, named "loading". Given an icon, antd shows it without the motion.
        button={{
          autoInsertSpace: false,
          loadingIcon: <LoadingOutlined aria-label={i18n.t('common.working')} />,
        }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
