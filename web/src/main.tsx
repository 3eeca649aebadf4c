import '@fontsource-variable/noto-sans-arabic';
import '@fontsource-variable/noto-sans';
import './ui/styles.css';
import './app/common-i18n.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App.tsx';
import { ApiProblem } from './lib/api.ts';
import { initI18n, initialLocale } from './lib/i18n.ts';
import './features/accounts/i18n.ts';
import './features/admin/i18n.ts';
import './features/agencies/i18n.ts';
import './features/back-office/i18n.ts';
import './features/cases/i18n.ts';
import './features/complaints/i18n.ts';
import './features/e-document/i18n.ts';
import './features/e-note/i18n.ts';
import './features/geoportal/i18n.ts';
import './features/home/i18n.ts';
import './features/my-space/i18n.ts';
import './features/notifications/i18n.ts';
import './features/payments/i18n.ts';
import './features/verify/i18n.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

await initI18n(initialLocale());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
