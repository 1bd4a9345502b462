import type { Generated } from 'kysely';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  agency_code: string;
  unit_id: string | null;
  language: string;
  /** JSON array of role names. */
  roles: string;
  personal_data: number;
  totp_secret: string | null;
  totp_enabled: number;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  /** sha256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  awaiting_totp: number;
  ip: string | null;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** JSON array of role names the token may use (a subset of its user's roles). */
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditRow {
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

declare module '../db/database.js' {
  interface Database {
    users: UserRow;
    sessions: SessionRow;
    api_tokens: ApiTokenRow;
    audit_log: AuditRow;
  }
}
