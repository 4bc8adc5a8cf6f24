import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSession } from '../../shared/api/auth.ts';
import { DemoBanner } from '../components/DemoBanner.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useIsDesktop } from '../lib/useIsDesktop.ts';
import { AccountMenu, ChangePasswordLink } from './AccountMenu.tsx';
import { CommunitySwitcher } from './CommunitySwitcher.tsx';
import { NavLinks } from './NavLinks.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { SignOutButton } from './SignOutButton.tsx';

interface ShellProps {
  session: TSession;
  demo: boolean;
  children: ReactNode;
}

/** Desktop: header with everything plus a side menu. Phone: a slim header and a drawer menu. */
export function AppShell({ session, demo, children }: ShellProps) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Closed with its own button or Esc, the menu hands focus back to the menu button; closed because
  // the person went to a page, it must not: they may already be typing in that page's first field
  // (a scan gun's Enter would otherwise open the menu again).
  const [returnFocus, setReturnFocus] = useState(true);
  const openMenu = () => {
    setReturnFocus(true);
    setDrawerOpen(true);
  };
  const closeAfterNavigation = () => {
    setReturnFocus(false);
    setDrawerOpen(false);
  };

  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <span className="brand">
          <span lang="zh-CN">邻里</span>
          {desktop && <span lang="en"> Linli</span>}
        </span>
        <div className="shell-community">
          {/* A phone header has no room for a chooser; the drawer menu has one. */}
          <CommunitySwitcher nameOnly={!desktop} />
        </div>
        <div className="shell-actions">
          <NotificationBell />
          <LanguageSwitch compact={!desktop} />
          {desktop ? (
            <>
              <AccountMenu displayName={session.account.displayName} />
              <SignOutButton />
            </>
          ) : (
            <Button
              icon={<MenuOutlined aria-hidden />}
              aria-label={t('shell.openMenu')}
              aria-expanded={drawerOpen}
              onClick={openMenu}
            />
          )}
        </div>
      </Layout.Header>
      <Layout hasSider={desktop}>
        {desktop && (
          <Layout.Sider width={232} className="shell-sider">
            <NavLinks session={session} />
          </Layout.Sider>
        )}
        <Layout.Content className="shell-main">
          {demo && <DemoBanner />}
          {children}
        </Layout.Content>
      </Layout>
      {!desktop && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('shell.menuTitle')}
          placement="right"
          size={300}
          focusable={{ focusTriggerAfterClose: returnFocus }}
        >
          <div className="drawer-body">
            <div className="drawer-account">
              <span className="drawer-label">{t('shell.signedInAs')}</span>
              <strong>{session.account.displayName}</strong>
              <ChangePasswordLink onNavigate={closeAfterNavigation} />
            </div>
            <div className="drawer-account">
              <span className="drawer-label">{t('shell.community')}</span>
              <CommunitySwitcher block onSwitched={closeAfterNavigation} />
            </div>
            <NavLinks session={session} onNavigate={closeAfterNavigation} />
            <SignOutButton block />
          </div>
        </Drawer>
      )}
    </Layout>
  );
}
