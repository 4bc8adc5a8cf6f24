import {
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ClearOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  GiftOutlined,
  GlobalOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  KeyOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  PlusCircleOutlined,
  PrinterOutlined,
  QrcodeOutlined,
  ScanOutlined,
  ScheduleOutlined,
  SendOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  SolutionOutlined,
  SoundOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { TSession } from '../../shared/api/auth.ts';
import {
  canCreateCommunity,
  canEditRegistry,
  canSeeAudit,
  canSeeGroups,
  canSeeRegistry,
  canSeeShifts,
  canSeeVolunteers,
  canSignUp,
  isCoordinator,
} from '../lib/access.ts';
import { isCommittee } from '../pages/committee/committee-format.ts';
import { canSeeDashboard } from '../pages/dashboard/dashboard-format.ts';
import { useDisinfectionAccess } from '../pages/disinfection/disinfection-access.ts';
import { canSeeGroupBuys } from '../pages/group-buys/group-buys-format.ts';
import { canAskMedicine, canWorkMedicine } from '../pages/medicine/medicine-access.ts';
import { canManageNotices } from '../pages/notifications/notice-access.ts';
import { canPlanDeliveryRuns } from '../pages/parcels/delivery-runs-format.ts';
import { canWorkParcels } from '../pages/parcels/parcel-access.ts';
import { canRide, hasOwnParcels } from '../pages/parcels/ride-access.ts';
import { useRelayAccess } from '../pages/relays/relay-access.ts';
import { canSeeReports, canSeeStreet } from '../pages/street/street-format.ts';
import { canPrintCodeCards, canScanTesting, hasTestingCode } from '../pages/testing/scan-access.ts';
import { canSeeTesting } from '../pages/testing/testing-access.ts';
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
  const roles = membership?.roles ?? [];
  const disinfection = useDisinfectionAccess(roles, membership?.communityId);
  const relayAccess = useRelayAccess(membership?.communityId, roles);
  // Announcements reach everyone in the community; those who publish find the form on the same page.
  if (roles.length > 0) {
    items.push({
      to: '/announcements',
      label: t('announcements.nav'),
      icon: <NotificationOutlined aria-hidden />,
    });
  }
  // The compound at a glance (and its trends): the committee, and the street office's viewers.
  if (canSeeDashboard(roles)) {
    items.push({ to: '/dashboard', label: t('dashboard.nav'), icon: <DashboardOutlined aria-hidden /> });
  }
  // The day reports (the same people), and the street office's view across its compounds.
  if (canSeeReports(roles)) {
    items.push({ to: '/reports', label: t('reports.nav'), icon: <FileTextOutlined aria-hidden /> });
  }
  if (canSeeStreet(session)) {
    items.push({ to: '/street', label: t('street.nav'), icon: <GlobalOutlined aria-hidden /> });
  }
  // The day's work first: a volunteer opens the app for shifts, the registry is for the office.
  if (canSeeShifts(roles)) {
    items.push({ to: '/shifts', label: t('nav.shifts'), icon: <ScheduleOutlined aria-hidden /> });
  }
  if (canSignUp(roles)) {
    items.push({ to: '/my-shifts', label: t('nav.myShifts'), icon: <CarryOutOutlined aria-hidden /> });
  }
  // A resident's first concern: their parcels and pickup codes.
  if (hasOwnParcels(roles)) {
    items.push({
      to: '/my/parcels',
      label: t('parcelRides.navMine'),
      icon: <ShoppingOutlined aria-hidden />,
    });
  }
  if (hasTestingCode(roles)) {
    items.push({
      to: '/my/testing-code',
      label: t('testingScans.navMyCode'),
      icon: <QrcodeOutlined aria-hidden />,
    });
  }
  // A building's relay contact (楼组长) passes things on; coordinators, staff and publicity oversee it.
  if (relayAccess !== 'none') {
    items.push({ to: '/relays', label: t('relays.nav'), icon: <SoundOutlined aria-hidden /> });
  }
  // The queue: the medicine group's urgent work, and a resident's own household's requests.
  if (canAskMedicine(roles)) {
    items.push({
      to: '/medicine',
      label: t(canWorkMedicine(roles) ? 'medicineWork.queue.title' : 'medicineWork.queue.householdTitle'),
      icon: <MedicineBoxOutlined aria-hidden />,
    });
  }
  if (canWorkMedicine(roles)) {
    items.push(
      { to: '/medicine/trips', label: t('medicineWork.trips.title'), icon: <CarOutlined aria-hidden /> },
      { to: '/medicine/care', label: t('medicineWork.care.title'), icon: <HeartOutlined aria-hidden /> },
    );
  }
  if (canAskMedicine(roles)) {
    items.push({
      to: '/medicine/ask',
      label: t('medicineAsk.title'),
      icon: <MedicineBoxOutlined aria-hidden />,
    });
  }
  if (canSeeGroupBuys(roles)) {
    items.push({ to: '/group-buys', label: t('groupBuys.nav'), icon: <ShoppingCartOutlined aria-hidden /> });
  }
  // Rounds for the disinfection group (and the committee); areas for its leaders and the committee.
  if (disinfection.sees) {
    items.push({ to: '/disinfection', label: t('disinfection.nav'), icon: <ClearOutlined aria-hidden /> });
  }
  if (disinfection.manages) {
    items.push({
      to: '/disinfection/areas',
      label: t('disinfection.navAreas'),
      icon: <AimOutlined aria-hidden />,
    });
  }
  if (canRide(roles)) {
    items.push({ to: '/parcels/ride', label: t('parcelRides.navRide'), icon: <CarOutlined aria-hidden /> });
  }
  if (canWorkParcels(roles)) {
    items.push({
      to: '/parcels/pickup',
      label: t('parcelRides.navPickup'),
      icon: <KeyOutlined aria-hidden />,
    });
  }
  if (canWorkParcels(roles)) {
    items.push(
      { to: '/parcels/intake', label: t('parcels.navIntake'), icon: <InboxOutlined aria-hidden /> },
      { to: '/parcels/bins', label: t('parcels.navBins'), icon: <GiftOutlined aria-hidden /> },
      { to: '/parcels/board', label: t('parcelBoard.nav'), icon: <CheckSquareOutlined aria-hidden /> },
    );
  }
  if (canPlanDeliveryRuns(roles)) {
    items.push({
      to: '/parcels/runs',
      label: t('deliveryRuns.nav'),
      icon: <DeploymentUnitOutlined aria-hidden />,
    });
  }
  if (canSeeTesting(roles)) {
    items.push({ to: '/testing', label: t('testingRounds.nav'), icon: <ExperimentOutlined aria-hidden /> });
  }
  if (canScanTesting(roles)) {
    items.push({ to: '/testing/lane', label: t('testingScans.navLane'), icon: <ScanOutlined aria-hidden /> });
  }
  if (canPrintCodeCards(roles)) {
    items.push({
      to: '/testing/code-cards',
      label: t('testingScans.navCards'),
      icon: <PrinterOutlined aria-hidden />,
    });
  }
  if (canSeeVolunteers(roles)) {
    items.push({ to: '/volunteers', label: t('nav.volunteers'), icon: <IdcardOutlined aria-hidden /> });
  }
  if (canSeeGroups(roles)) {
    items.push({ to: '/groups', label: t('nav.groups'), icon: <ClusterOutlined aria-hidden /> });
  }
  // The weekly committee meeting and its action items: the secretary and the committee staff.
  if (isCommittee(roles)) {
    items.push({ to: '/committee', label: t('committee.nav'), icon: <SolutionOutlined aria-hidden /> });
  }
  if (isCoordinator(roles)) {
    items.push({
      to: '/volunteer-calls',
      label: t('nav.volunteerCalls'),
      icon: <QrcodeOutlined aria-hidden />,
    });
  }
  if (canSeeRegistry(roles)) {
    items.push(
      { to: '/site-plan', label: t('nav.sitePlan'), icon: <EnvironmentOutlined aria-hidden /> },
      { to: '/buildings', label: t('nav.buildings'), icon: <BankOutlined aria-hidden /> },
      { to: '/households', label: t('nav.households'), icon: <TeamOutlined aria-hidden /> },
    );
  }
  // A resident's own household is listed on the residents page, so they get that entry too.
  if (roles.length > 0) {
    items.push({ to: '/residents', label: t('nav.residents'), icon: <UserOutlined aria-hidden /> });
  }
  if (canSeeRegistry(roles)) {
    items.push({ to: '/vulnerable', label: t('nav.vulnerable'), icon: <HeartOutlined aria-hidden /> });
  }
  if (canEditRegistry(roles)) {
    items.push({
      to: '/registry/import',
      label: t('nav.rosterImport'),
      icon: <FileExcelOutlined aria-hidden />,
    });
  }
  if (canManageNotices(roles)) {
    items.push({
      to: '/admin/notices',
      label: t('noticeSettings.adminLink'),
      icon: <SendOutlined aria-hidden />,
    });
  }
  if (membership && canSeeAudit(membership.roles)) {
    items.push({ to: '/audit', label: t('nav.audit'), icon: <AuditOutlined aria-hidden /> });
  }
  // Everyone chooses how they are told (SMS / WeChat, quiet hours).
  if (roles.length > 0) {
    items.push({
      to: '/settings/notifications',
      label: t('noticeSettings.settingsLink'),
      icon: <BellOutlined aria-hidden />,
    });
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
            {/* A building's page keeps "Buildings" marked; only home needs an exact match. */}
            <NavLink
              to={item.to}
              end={item.to === '/' || item.to === '/medicine' || item.to === '/disinfection'}
              onClick={onNavigate}
            >
              {item.icon}
              <span>{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
