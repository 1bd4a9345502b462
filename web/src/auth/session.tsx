import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiProblem, api, onUnauthenticated, setCsrfToken } from '../api/client.js';
import type { LoginOutcome, SessionBody, User } from '../api/types.js';
import { applyUserLanguage } from '../i18n/i18n.js';

/** Where the browser stands with the node. */
export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous'; readonly sessionLost: boolean }
  | { readonly status: 'totp' }
  | { readonly status: 'authenticated'; readonly user: User };

interface Session {
  readonly state: SessionState;
  login(username: string, password: string): Promise<void>;
  verifyTotp(code: string): Promise<void>;
  restart(): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The session of the signed-in officer; throws outside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}

/** The signed-in user; only for components rendered behind the sign-in gate. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useUser needs a signed-in session');
  return state.user;
}

/** Restores the session on load and offers sign-in (with the TOTP step), sign-out and expiry handling. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const enter = useCallback(async (body: SessionBody) => {
    setCsrfToken(body.csrfToken);
    await applyUserLanguage(body.user);
    setState({ status: 'authenticated', user: body.user });
  }, []);

  useEffect(() => {
    onUnauthenticated(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', sessionLost: true });
    });
    api<SessionBody>('GET', '/api/v1/auth/session').then(enter, (error: unknown) => {
      // 401 is the ordinary answer when nobody is signed in; anything else still leaves the sign-in form usable.
      if (!(error instanceof ApiProblem && error.status === 401)) console.warn('Session check failed', error);
      setState({ status: 'anonymous', sessionLost: false });
    });
  }, [enter]);

  const session = useMemo<Session>(
    () => ({
      state,
      async login(username, password) {
        const outcome = await api<LoginOutcome>('POST', '/api/v1/auth/login', { username, password });
        if ('totpRequired' in outcome) setState({ status: 'totp' });
        else await enter(outcome);
      },
      async verifyTotp(code) {
        await enter(await api<SessionBody>('POST', '/api/v1/auth/totp', { code }));
      },
      restart() {
        setState({ status: 'anonymous', sessionLost: false });
      },
      async logout() {
        try {
          await api<unknown>('POST', '/api/v1/auth/logout');
        } finally {
          setCsrfToken(null);
          setState({ status: 'anonymous', sessionLost: false });
        }
      },
    }),
    [state, enter],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
