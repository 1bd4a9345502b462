import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import { forgetCachedSessions } from './session-cache.js';
import type { ApiTokenRow, SessionRow, UserRow } from './tables.js';

export type User = Selectable<UserRow>;

export const findUserById = (db: Db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const countUsers = async (db: Db): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Enabled accounts holding the admin role (roles are a JSON array of names, so the quoted name is matched). */
export const countEnabledAdmins = async (db: Db): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('disabled', '=', 0)
        .where('roles', 'like', '%"admin"%')
        .executeTakeFirstOrThrow()
    ).n,
  );

export const insertUser = (db: Db, row: UserRow) => db.insertInto('users').values(row).execute();

// Every write that can end a session or change what it may do forgets the cached sessions (session-cache.ts),
// after the statement so that an autocommitted change is visible to the next read.
const forgetting = async <T>(write: Promise<T>): Promise<T> => {
  try {
    return await write;
  } finally {
    forgetCachedSessions();
  }
};

export const updateUser = (db: Db, id: string, changes: Partial<UserRow>) =>
  forgetting(db.updateTable('users').set(changes).where('id', '=', id).execute());

export const listUsers = (db: Db, opts: { afterUsername?: string; limit: number }) => {
  let q = db.selectFrom('users').selectAll().orderBy('username').limit(opts.limit);
  if (opts.afterUsername) q = q.where('username', '>', opts.afterUsername);
  return q.execute();
};

export const insertSession = (db: Db, row: SessionRow) => db.insertInto('sessions').values(row).execute();

export const findSession = (db: Db, id: string) =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

export const updateSession = (db: Db, id: string, changes: Partial<SessionRow>) =>
  forgetting(db.updateTable('sessions').set(changes).where('id', '=', id).execute());

export const deleteSession = (db: Db, id: string) =>
  forgetting(db.deleteFrom('sessions').where('id', '=', id).execute());

export const deleteSessionsOfUser = (db: Db, userId: string, exceptId?: string) => {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return forgetting(q.execute());
};

export const deleteExpiredSessions = (db: Db, now: string) =>
  db.deleteFrom('sessions').where('expires_at', '<', now).execute();

export const insertToken = (db: Db, row: ApiTokenRow) => db.insertInto('api_tokens').values(row).execute();

export const findTokenByHash = (db: Db, hash: string) =>
  db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();

export const findToken = (db: Db, id: string) =>
  db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();

export const listTokensOfUser = (db: Db, userId: string) =>
  db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

export const updateToken = (db: Db, id: string, changes: Partial<ApiTokenRow>) =>
  db.updateTable('api_tokens').set(changes).where('id', '=', id).execute();
