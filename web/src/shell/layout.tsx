import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { type Agency, localName, type Page } from '../api/types.js';
import { useResource } from '../api/use-resource.js';
import { useSession, useUser } from '../auth/session.js';
import { useFormatters } from '../i18n/format.js';
import { currentLanguage } from '../i18n/i18n.js';
import { LanguageSwitch } from './language-switch.js';
import { canOpen, DESTINATIONS } from './navigation.js';
import { Link, usePath } from './router.js';

function AgencyBadge() {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormatters();
  const agencies = useResource('agencies', () => api<Page<Agency>>('GET', '/api/v1/directory/agencies'));
  const own =
    agencies.status === 'ready' ? agencies.data.items.find((a) => a.code === user.agencyCode) : undefined;
  const name = own ? localName(own.names, currentLanguage(), own.code) : user.agencyCode;
  return (
    <div className="agency">
      <span className="visually-hidden">{t('header.agency')}: </span>
      <strong>{name}</strong>
      <span className="muted" title={t('header.localTime')}>
        {format.date(new Date(), own?.timeZone)}
      </span>
    </div>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  const signOut = () => {
    logout().catch((error: unknown) => console.error('Sign-out failed', error));
  };
  return (
    <div className="user">
      <span>
        <Link to="/account" title={t('header.myAccount')}>
          {t('header.signedInAs', { name: user.displayName })}
        </Link>
        <span className="muted"> · {user.roles.map((role) => t(`roles.${role}`)).join(', ')}</span>
      </span>
      <button type="button" onClick={signOut}>
        {t('header.logout')}
      </button>
    </div>
  );
}

/** The signed-in frame: header with agency, user and language, role-filtered navigation, and the page. */
export function Layout({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const path = usePath();
  const heading = useRef<HTMLHeadingElement>(null);
  // Moving focus to the new page's heading tells screen-reader users that the page changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only, not on re-render.
  useEffect(() => heading.current?.focus(), [path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <AgencyBadge />
        <LanguageSwitch user={user} />
        <UserMenu />
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {DESTINATIONS.filter(
            (destination) => destination.inMainNavigation !== false && canOpen(user, destination),
          ).map((destination) => (
            <li key={destination.key}>
              <Link to={destination.path}>{t(`nav.${destination.key}`)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app-main">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
