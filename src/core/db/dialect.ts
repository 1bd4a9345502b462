import { type Kysely, PostgresAdapter } from 'kysely';

/** Migrations and a few queries differ by dialect; this tells which one a handle speaks. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column type for an auto-incrementing sequence number on either dialect. */
export function serialType(db: Kysely<unknown>): 'serial' | 'integer' {
  return isPostgres(db) ? 'serial' : 'integer';
}
