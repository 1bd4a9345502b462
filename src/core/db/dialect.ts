import { PostgresAdapter } from 'kysely';

interface HasExecutor {
  getExecutor(): { readonly adapter: unknown };
}

/** Migrations and a few queries differ by dialect; this tells which one a handle speaks. */
export function isPostgres(db: HasExecutor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
