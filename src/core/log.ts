import { type Logger, pino } from 'pino';

/** JSON logs to stdout; personal data never goes into a log line, only ids. */
export function createLogger(level: string, nodeCode: string): Logger {
  return pino({
    level,
    base: { node: nodeCode },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
      remove: true,
    },
  });
}
