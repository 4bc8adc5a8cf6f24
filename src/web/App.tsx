import { BrowserRouter, Route, Routes } from 'react-router';
import { AppProviders } from './components/AppProviders.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NewCommunityPage } from './pages/NewCommunityPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
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
            <Route path="communities/new" element={<NewCommunityPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AppProviders>
  );
}
