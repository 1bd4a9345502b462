import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/** The databases this run covers: both unless BORDERLINK_TEST_DB narrows it (for quick local loops). */
export function wantedDatabases(): Array<'sqlite' | 'postgres'> {
  const wanted = process.env.BORDERLINK_TEST_DB ?? 'both';
  if (wanted === 'sqlite' || wanted === 'postgres') return [wanted];
  return ['sqlite', 'postgres'];
}

/**
 * Starts a real PostgreSQL for the run unless DATABASE_URL names one. As root, initdb refuses to run,
 * so embedded-postgres creates the `postgres` user and the data directory must belong to it.
 */
export default async function setup(project: TestProject) {
  if (!wantedDatabases().includes('postgres')) {
    project.provide('postgresUrl', null);
    return;
  }
  if (process.env.DATABASE_URL) {
    project.provide('postgresUrl', process.env.DATABASE_URL);
    return;
  }
  const server = await startEmbeddedPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
