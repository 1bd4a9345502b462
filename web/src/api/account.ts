import { api } from './client.js';

/** What the node returns when an authenticator app is being set up: the shared secret and its otpauth URI. */
export interface TotpEnrolment {
  readonly secret: string;
  readonly uri: string;
}

/** Changes the signed-in user's password; the node ends their other sessions. */
export function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  return api<void>('POST', '/api/v1/auth/password', { currentPassword, newPassword });
}

/** Starts setting up an authenticator app; the node stops asking for the old one's codes until confirmed. */
export function beginTotpEnrolment(password: string): Promise<TotpEnrolment> {
  return api<TotpEnrolment>('POST', '/api/v1/auth/totp/enrol', { password });
}

/** Turns the second factor on once the app's current code matches. */
export function confirmTotpEnrolment(code: string): Promise<void> {
  return api<void>('POST', '/api/v1/auth/totp/confirm', { code });
}
