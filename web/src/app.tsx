import { useTranslation } from 'react-i18next';
import { LoginPage } from './auth/login-page.js';
import { SessionProvider, useSession, useUser } from './auth/session.js';
import { HomePage } from './pages/home/home-page.js';
import { StatusPage } from './pages/status-page.js';
import { canOpen, DESTINATIONS } from './shell/navigation.js';
import { usePath } from './shell/router.js';

function SignedInPages() {
  const { t } = useTranslation();
  const user = useUser();
  const path = usePath();
  const destination = DESTINATIONS.find((candidate) => candidate.path === path);
  if (!destination) return <StatusPage title={t('module.notFound')} message={t('module.notFound')} />;
  const title = t(`nav.${destination.key}`);
  if (!canOpen(user, destination)) return <StatusPage title={title} message={t('module.forbidden')} />;
  if (destination.key === 'home') return <HomePage />;
  return <StatusPage title={title} message={t('module.unavailable')} />;
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
