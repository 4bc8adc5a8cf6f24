import { AuditOutlined, HomeOutlined, PlusCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { TSession } from '../../shared/api/auth.ts';
import { canCreateCommunity, canSeeAudit } from '../lib/access.ts';
import { useCommunity } from './CommunityContext.tsx';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

export function useNavItems(session: TSession): NavItem[] {
  const { t } = useTranslation();
  const { membership } = useCommunity();
  const items: NavItem[] = [{ to: '/', label: t('nav.home'), icon: <HomeOutlined aria-hidden /> }];
  if (membership && canSeeAudit(membership.roles)) {
    items.push({ to: '/audit', label: t('nav.audit'), icon: <AuditOutlined aria-hidden /> });
  }
  if (canCreateCommunity(session)) {
    items.push({
      to: '/communities/new',
      label: t('nav.newCommunity'),
      icon: <PlusCircleOutlined aria-hidden />,
    });
  }
  return items;
}

/** Plain links (not an antd Menu) so each page has a real URL and aria-current marks the open one. */
export function NavLinks({ session, onNavigate }: { session: TSession; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const items = useNavItems(session);
  return (
    <nav aria-label={t('shell.mainNav')} className="nav-links">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end onClick={onNavigate}>
              {item.icon}
              <span>{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
