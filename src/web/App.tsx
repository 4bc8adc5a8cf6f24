import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppProviders } from './components/AppProviders.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage.tsx';
import { AnnouncementPage } from './pages/announcements/AnnouncementPage.tsx';
import { AnnouncementsPage } from './pages/announcements/AnnouncementsPage.tsx';
import { NewAnnouncementPage } from './pages/announcements/NewAnnouncementPage.tsx';
import { NoticePosterPage } from './pages/announcements/NoticePosterPage.tsx';
import { PublicNoticesPage } from './pages/announcements/PublicNoticesPage.tsx';
import { BuildingDetailPage } from './pages/BuildingDetailPage.tsx';
import { BuildingsPage } from './pages/BuildingsPage.tsx';
import { CallPosterPage } from './pages/CallPosterPage.tsx';
import { CommitteePage } from './pages/committee/CommitteePage.tsx';
import { MeetingPage } from './pages/committee/MeetingPage.tsx';
import { MinutesPage } from './pages/committee/MinutesPage.tsx';
import { BigScreenPage } from './pages/dashboard/BigScreenPage.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { DisinfectionAreasPage } from './pages/disinfection/DisinfectionAreasPage.tsx';
import { DisinfectionPage } from './pages/disinfection/DisinfectionPage.tsx';
import { GroupsPage } from './pages/GroupsPage.tsx';
import { DistributionPage } from './pages/group-buys/DistributionPage.tsx';
import { GroupBuyPage } from './pages/group-buys/GroupBuyPage.tsx';
import { GroupBuysPage } from './pages/group-buys/GroupBuysPage.tsx';
import { NewGroupBuyPage } from './pages/group-buys/NewGroupBuyPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { HouseholdsPage } from './pages/HouseholdsPage.tsx';
import { JoinPage } from './pages/JoinPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MyShiftsPage } from './pages/MyShiftsPage.tsx';
import { MedicineAskPage } from './pages/medicine/MedicineAskPage.tsx';
import { MedicineCarePage } from './pages/medicine/MedicineCarePage.tsx';
import { MedicineQueuePage } from './pages/medicine/MedicineQueuePage.tsx';
import { MedicineRequestPage } from './pages/medicine/MedicineRequestPage.tsx';
import { MedicineTripsPage } from './pages/medicine/MedicineTripsPage.tsx';
import { NewCommunityPage } from './pages/NewCommunityPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { NoticeAdminPage } from './pages/notifications/NoticeAdminPage.tsx';
import { NotificationSettingsPage } from './pages/notifications/NotificationSettingsPage.tsx';
import { DeliveryRunsPage } from './pages/parcels/DeliveryRunsPage.tsx';
import { MyParcelsPage } from './pages/parcels/MyParcelsPage.tsx';
import { ParcelBinsPage } from './pages/parcels/ParcelBinsPage.tsx';
import { ParcelBoardPage } from './pages/parcels/ParcelBoardPage.tsx';
import { ParcelImportPage } from './pages/parcels/ParcelImportPage.tsx';
import { ParcelIntakePage } from './pages/parcels/ParcelIntakePage.tsx';
import { PickupPage } from './pages/parcels/PickupPage.tsx';
import { RiderPage } from './pages/parcels/RiderPage.tsx';
import { ResidentsPage } from './pages/ResidentsPage.tsx';
import { RosterImportPage } from './pages/RosterImportPage.tsx';
import { RelaysPage } from './pages/relays/RelaysPage.tsx';
import { DailyReportPage } from './pages/reports/DailyReportPage.tsx';
import { ReportsPage } from './pages/reports/ReportsPage.tsx';
import { ShiftRosterPage } from './pages/ShiftRosterPage.tsx';
import { ShiftsPage } from './pages/ShiftsPage.tsx';
import { ShiftTemplatesPage } from './pages/ShiftTemplatesPage.tsx';
import { SitePlanPage } from './pages/SitePlanPage.tsx';
import { StreetPage } from './pages/street/StreetPage.tsx';
import { CodeCardsPage } from './pages/testing/CodeCardsPage.tsx';
import { MyTestingCodePage } from './pages/testing/MyTestingCodePage.tsx';
import { RoundReportPage } from './pages/testing/RoundReportPage.tsx';
import { TestingGatePage } from './pages/testing/TestingGatePage.tsx';
import { TestingLanePage } from './pages/testing/TestingLanePage.tsx';
import { TestingLivePage } from './pages/testing/TestingLivePage.tsx';
import { TestingRoundPage } from './pages/testing/TestingRoundPage.tsx';
import { TestingRoundsPage } from './pages/testing/TestingRoundsPage.tsx';
import { WhatIfPage } from './pages/testing/WhatIfPage.tsx';
import { VolunteerCallsPage } from './pages/VolunteerCallsPage.tsx';
import { VolunteersPage } from './pages/VolunteersPage.tsx';
import { VulnerablePage } from './pages/VulnerablePage.tsx';
import { RequireSession } from './shell/RequireSession.tsx';

// The trends page carries the charts' library: loaded when first opened, not with the app.
const TrendsPage = lazy(() =>
  import('./pages/dashboard/TrendsPage.tsx').then((m) => ({ default: m.TrendsPage })),
);

export function App() {
  return (
    <AppProviders>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* Behind a call's QR code: open to anyone, outside the signed-in shell. */}
          <Route path="/join/:slug/:token" element={<JoinPage />} />
          {/* The compound's notice board, behind the QR code on each building's board: open to anyone. */}
          <Route path="/c/:slug/notices" element={<PublicNoticesPage />} />
          {/* The committee room's wall screen: signed in, without the app's header and menu. */}
          <Route element={<RequireSession bare />}>
            <Route path="dashboard/big" element={<BigScreenPage />} />
          </Route>
          <Route element={<RequireSession />}>
            <Route index element={<HomePage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="site-plan" element={<SitePlanPage />} />
            <Route path="buildings" element={<BuildingsPage />} />
            <Route path="buildings/:id" element={<BuildingDetailPage />} />
            <Route path="households" element={<HouseholdsPage />} />
            <Route path="residents" element={<ResidentsPage />} />
            <Route path="vulnerable" element={<VulnerablePage />} />
            <Route path="registry/import" element={<RosterImportPage />} />
            <Route path="communities/new" element={<NewCommunityPage />} />
            <Route path="shifts" element={<ShiftsPage />} />
            <Route path="shift-templates" element={<ShiftTemplatesPage />} />
            <Route path="shifts/:shiftId/roster" element={<ShiftRosterPage />} />
            <Route path="my-shifts" element={<MyShiftsPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="settings/notifications" element={<NotificationSettingsPage />} />
            <Route path="account/password" element={<ChangePasswordPage />} />
            <Route path="admin/notices" element={<NoticeAdminPage />} />
            <Route path="parcels/intake" element={<ParcelIntakePage />} />
            <Route path="parcels/import" element={<ParcelImportPage />} />
            <Route path="parcels/bins" element={<ParcelBinsPage />} />
            <Route path="parcels/board" element={<ParcelBoardPage />} />
            <Route path="parcels/runs" element={<DeliveryRunsPage />} />
            <Route path="parcels/ride" element={<RiderPage />} />
            <Route path="parcels/pickup" element={<PickupPage />} />
            <Route path="my/parcels" element={<MyParcelsPage />} />
            <Route path="testing" element={<TestingRoundsPage />} />
            <Route path="testing/rounds/:roundId" element={<TestingRoundPage />} />
            <Route path="testing/rounds/:roundId/report" element={<RoundReportPage />} />
            <Route path="testing/what-if" element={<WhatIfPage />} />
            <Route path="testing/rounds/:roundId/gate" element={<TestingGatePage />} />
            <Route path="testing/rounds/:roundId/live" element={<TestingLivePage />} />
            <Route path="testing/lane" element={<TestingLanePage />} />
            <Route path="testing/code-cards" element={<CodeCardsPage />} />
            <Route path="my/testing-code" element={<MyTestingCodePage />} />
            <Route path="relays" element={<RelaysPage />} />
            <Route path="medicine/ask" element={<MedicineAskPage />} />
            <Route path="medicine" element={<MedicineQueuePage />} />
            <Route path="medicine/requests/:requestId" element={<MedicineRequestPage />} />
            <Route path="medicine/trips" element={<MedicineTripsPage />} />
            <Route path="medicine/care" element={<MedicineCarePage />} />
            <Route path="disinfection" element={<DisinfectionPage />} />
            <Route path="disinfection/areas" element={<DisinfectionAreasPage />} />
            <Route path="group-buys" element={<GroupBuysPage />} />
            <Route path="group-buys/new" element={<NewGroupBuyPage />} />
            <Route path="group-buys/:groupBuyId" element={<GroupBuyPage />} />
            <Route path="group-buys/:groupBuyId/distribution" element={<DistributionPage />} />
            <Route path="dashboard" element={<DashboardPage />} />
            <Route
              path="dashboard/trends"
              element={
                <Suspense fallback={<PageLoading />}>
                  <TrendsPage />
                </Suspense>
              }
            />
            <Route path="street" element={<StreetPage />} />
            <Route path="reports" element={<ReportsPage />} />
            <Route path="reports/:day" element={<DailyReportPage />} />
            <Route path="committee" element={<CommitteePage />} />
            <Route path="committee/meetings/:meetingId" element={<MeetingPage />} />
            <Route path="committee/meetings/:meetingId/minutes" element={<MinutesPage />} />
            <Route path="announcements" element={<AnnouncementsPage />} />
            <Route path="announcements/new" element={<NewAnnouncementPage />} />
            <Route path="announcements/poster" element={<NoticePosterPage />} />
            <Route path="announcements/:announcementId" element={<AnnouncementPage />} />
            <Route path="volunteers" element={<VolunteersPage />} />
            <Route path="groups" element={<GroupsPage />} />
            <Route path="volunteer-calls" element={<VolunteerCallsPage />} />
            <Route path="volunteer-calls/:callId/poster" element={<CallPosterPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AppProviders>
  );
}
