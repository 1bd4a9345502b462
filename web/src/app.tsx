import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPage } from './auth/login-page.js';
import { SessionProvider, useSession, useUser } from './auth/session.js';
import { HomePage } from './pages/home/home-page.js';
import { StatusPage } from './pages/status-page.js';
import { Layout } from './shell/layout.js';
import { canOpen, DESTINATIONS, type Destination } from './shell/navigation.js';
import { usePath } from './shell/router.js';

// Every module page is its own chunk, so the home route's initial JavaScript stays within budget.
const PAGES: Record<Exclude<Destination['key'], 'home'>, LazyExoticComponent<ComponentType>> = {
  inbox: lazy(() => import('./pages/inbox/inbox-page.js')),
  situation: lazy(() => import('./pages/situation/situation-page.js')),
  ports: lazy(() => import('./pages/ports/port-board-page.js')),
  warnings: lazy(() => import('./pages/warnings/warnings-page.js')),
  operations: lazy(() => import('./pages/operations/operations-page.js')),
  liaison: lazy(() => import('./pages/liaison/liaison-page.js')),
  reports: lazy(() => import('./pages/reports/reports-page.js')),
  admin: lazy(() => import('./pages/admin/admin-page.js')),
  account: lazy(() => import('./pages/account/account-page.js')),
};

function LoadingPage({ title }: { readonly title: string }) {
  const { t } = useTranslation();
  return (
    <Layout title={title}>
      <p role="status">{t('common.loading')}</p>
    </Layout>
  );
}

function SignedInPages() {
  const { t } = useTranslation();
  const user = useUser();
  const path = usePath();
  const destination = DESTINATIONS.find((candidate) => candidate.path === path);
  if (!destination) return <StatusPage title={t('module.notFound')} message={t('module.notFound')} />;
  const title = t(`nav.${destination.key}`);
  if (!canOpen(user, destination)) return <StatusPage title={title} message={t('module.forbidden')} />;
  if (destination.key === 'home') return <HomePage />;
  const Page = PAGES[destination.key];
  return (
    <Suspense fallback={<LoadingPage title={title} />}>
      <Page />
    </Suspense>
  );
}

function Gate() {
  const { t } = useTranslation();
  const { state } = useSession();
  switch (state.status) {
    case 'loading':
      return (
        <p className="splash" role="status">
          {t('common.loading')}
        </p>
      );
    case 'anonymous':
    case 'totp':
      return <LoginPage />;
    case 'authenticated':
      return <SignedInPages />;
  }
}

/** The officers' web app: session gate, then the page for the current path. */
export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
