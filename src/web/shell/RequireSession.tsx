import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session.ts';
import { LoadError } from '../components/LoadError.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { setLocale, storedLocale } from '../i18n/index.ts';
import { AppShell } from './AppShell.tsx';
import { CommunityProvider } from './CommunityContext.tsx';

/**
 * The signed-in part of the app; anyone else is sent to the sign-in page and brought back after.
 * `bare`: without the app's header and menu (a wall screen, e.g. the dashboard's big screen).
 */
export function RequireSession({ bare = false }: { bare?: boolean }) {
  const location = useLocation();
  const { data, error, refetch, isPending } = useSession();
  const session = data?.session;

  useEffect(() => {
    // A device with no language choice of its own follows the account's.
    if (session && !storedLocale()) void setLocale(session.account.locale);
  }, [session]);

  if (isPending || (error && !data)) {
    return (
      <main>{isPending ? <PageLoading /> : <LoadError error={error} onRetry={() => void refetch()} />}</main>
    );
  }
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <CommunityProvider session={session}>
      {bare ? (
        <Outlet />
      ) : (
        <AppShell session={session} demo={data.demo}>
          <Outlet />
        </AppShell>
      )}
    </CommunityProvider>
  );
}
