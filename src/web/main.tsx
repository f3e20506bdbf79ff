// First: it registers how a page's chunk loads its share of the catalog, and the router starts the
// first page's import as soon as it is created.
import { activate, i18n } from './i18n/i18n.ts';
import { I18nProvider } from '@lingui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { queryClient } from './app/query-client.ts';
import { router } from './app/router.tsx';
import { applyStoredTheme } from './components/theme-toggle.tsx';
import { detectLocale, storedLocale } from './i18n/locale.ts';
import './styles.css';

applyStoredTheme();

// The catalog downloads beside the first page's data (the router's loaders started on import);
// nothing is drawn before it is there, so no text shows in the wrong language.
await activate(detectLocale(location.search, storedLocale(), navigator.languages));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
