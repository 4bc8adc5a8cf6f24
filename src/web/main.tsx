import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import { App } from './App.tsx';
import './styles/base.css';
import './styles/shell.css';
import './styles/home.css';
import './styles/audit.css';
import './styles/login.css';
import './styles/registry.css';
import './styles/registry-detail.css';
import './styles/site-plan.css';
import './styles/badges.css';
import './styles/volunteers.css';
import './styles/join.css';
import './styles/shifts.css';
import './styles/shift-templates.css';
import './styles/poster.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
