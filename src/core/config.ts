import path from 'node:path';

/** Node configuration, read from the environment once at start-up and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** `postgres://…` selects PostgreSQL; undefined means embedded SQLite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly nodeCode: string;
  readonly adminPassword: string | undefined;
  readonly publicUrl: string;
  readonly logLevel: string;
  readonly sessionTtlMinutes: number;
  /** Set when the node sits behind TLS, so session cookies carry `Secure`. */
  readonly secureCookies: boolean;
  readonly bodyLimitBytes: number;
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

const AGENCY_CODE = /^[A-Z]{2}-[A-Z0-9]{2,12}$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Parses and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// (leave it unset for embedded SQLite)');
  }
  const nodeCode = env.BORDERLINK_NODE_CODE || 'CN-NIA';
  if (!AGENCY_CODE.test(nodeCode)) {
    throw new ConfigError(
      'BORDERLINK_NODE_CODE',
      `must look like CN-NIA (country-agency), got "${nodeCode}"`,
    );
  }
  const adminPassword = env.BORDERLINK_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('BORDERLINK_ADMIN_PASSWORD', 'must be at least 10 characters');
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const publicUrl = (env.BORDERLINK_PUBLIC_URL || `http://${host}:${port}`).replace(/\/+$/, '');
  return Object.freeze({
    port,
    host,
    dataDir: path.resolve(env.BORDERLINK_DATA_DIR || './data'),
    databaseUrl,
    nodeCode,
    adminPassword,
    publicUrl,
    logLevel,
    sessionTtlMinutes: integer(env, 'BORDERLINK_SESSION_TTL_MINUTES', 480, 5, 60 * 24 * 30),
    secureCookies: bool(env, 'BORDERLINK_SECURE_COOKIES', publicUrl.startsWith('https://')),
    bodyLimitBytes: integer(env, 'BORDERLINK_BODY_LIMIT_BYTES', 1_048_576, 1024, 64 * 1_048_576),
  });
}
