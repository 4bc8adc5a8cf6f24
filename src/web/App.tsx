import { BrowserRouter, Route, Routes } from 'react-router';
import { AppProviders } from './components/AppProviders.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { BuildingDetailPage } from './pages/BuildingDetailPage.tsx';
import { BuildingsPage } from './pages/BuildingsPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { HouseholdsPage } from './pages/HouseholdsPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NewCommunityPage } from './pages/NewCommunityPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ResidentsPage } from './pages/ResidentsPage.tsx';
import { RosterImportPage } from './pages/RosterImportPage.tsx';
import { SitePlanPage } from './pages/SitePlanPage.tsx';
import { VulnerablePage } from './pages/VulnerablePage.tsx';
import { RequireSession } from './shell/RequireSession.tsx';

export function App() {
  return (
    <AppProviders>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
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
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AppProviders>
  );
}
