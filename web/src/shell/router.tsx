import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

// A handful of flat routes needs no router library: the path is the state, history is the store.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The current path; re-renders on navigation and on back/forward. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Moves to another page of the app without reloading it. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { readonly to: string };

/** An in-app link: a real anchor (so it can open in a new tab) that navigates client-side on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const path = usePath();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={to} aria-current={path === to ? 'page' : undefined} onClick={follow} />;
}
