import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isBrokenReference, isDuplicateKey } from '../db/constraint-errors.js';
import { AppError, type ErrorKind } from '../errors.js';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
  [extra: string]: unknown;
}

/**
 * One offending field. Schema failures carry Ajv's `keyword` and `params` so a client can word the message in
 * its reader's language; `message` is the English wording for logs and scripts.
 */
export interface FieldError {
  path: string;
  message: string;
  keyword?: string;
  /** A rule's problem code, for a field a rule refused beside the schema's keywords (worded from `params`). */
  code?: string;
  params?: Record<string, unknown>;
}

interface Mapped {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  extra?: Record<string, unknown>;
  details?: Record<string, DetailValue>;
}

export interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Turns Ajv's output into field errors that name the offending field in JSON-pointer form. */
export function validationErrors(context: string | undefined, issues: ValidationIssue[]): FieldError[] {
  return issues.map((issue) => {
    let path = issue.instancePath ?? '';
    const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
    if (typeof extra === 'string') path = `${path}/${extra}`;
    const where = `/${context ?? 'body'}${path}`;
    const message =
      issue.keyword === 'additionalProperties' ? 'is not an allowed field' : (issue.message ?? 'is invalid');
    return { path: where, message, keyword: issue.keyword ?? 'invalid', params: issue.params ?? {} };
  });
}

/** Stable names for the framework's own client errors, so clients never see its internal codes. */
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'http.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'http.empty_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'http.body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'http.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'http.bad_content_length',
  FST_ERR_BAD_URL: 'http.bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'http.bad_url',
};

type DetailValue = string | number | boolean | Array<string | number>;

const isDetailValue = (value: unknown): value is DetailValue =>
  ['string', 'number', 'boolean'].includes(typeof value) ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'));

/**
 * The plain values of an error's details, in their own member: spread at the top level, a detail named like a
 * problem member (`status`, `type`) is hidden, and a translated message needs exactly these values.
 */
function messageValues(
  details: Record<string, unknown> | undefined,
): Record<string, DetailValue> | undefined {
  const entries = Object.entries(details ?? {}).filter((entry): entry is [string, DetailValue] =>
    isDetailValue(entry[1]),
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function mapError(error: unknown): Mapped {
  if (error instanceof AppError) {
    const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
    // an error naming several fields lists them; one naming a single field gets it as its only field error
    const listed = Array.isArray(error.details?.errors) ? (error.details.errors as FieldError[]) : undefined;
    const details = messageValues(error.details);
    return {
      status: STATUS[error.kind],
      code: error.code,
      detail: error.message,
      ...(listed ? { errors: listed } : field && { errors: [{ path: `/${field}`, message: error.message }] }),
      ...(error.details && { extra: error.details }),
      ...(details && { details }),
    };
  }
  const fastifyError = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (fastifyError.validation) {
    const errors = validationErrors(fastifyError.validationContext, fastifyError.validation);
    const detail = errors.map((e) => `${e.path} ${e.message}`).join('; ');
    return { status: 400, code: 'http.invalid_request', detail, errors };
  }
  if (isDuplicateKey(error)) {
    return { status: 409, code: 'db.duplicate', detail: 'A record with the same key already exists' };
  }
  if (isBrokenReference(error)) {
    return {
      status: 409,
      code: 'db.reference',
      detail: 'The record refers to, or is referred by, another record',
    };
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const code = FRAMEWORK_CODES[String(fastifyError.code ?? '')] ?? 'http.client_error';
    return { status, code, detail: fastifyError.message };
  }
  return { status: 500, code: 'internal', detail: 'An unexpected error occurred; it has been logged' };
}

/** Builds the RFC 9457 body for any error; the one place that decides statuses and codes. */
export function problemFor(error: unknown, request: Pick<FastifyRequest, 'url' | 'id'>): ProblemBody {
  const mapped = mapError(error);
  return {
    ...mapped.extra,
    type: `urn:borderlink:problem:${mapped.code}`,
    title: TITLES[mapped.status] ?? 'Error',
    status: mapped.status,
    detail: mapped.detail,
    code: mapped.code,
    instance: request.url,
    requestId: String(request.id),
    ...(mapped.errors && { errors: mapped.errors }),
    ...(mapped.details && { details: mapped.details }),
  };
}

/** Sends a problem+json response, logging only what is the server's fault. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = problemFor(error, request);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
  // a refusal that passes tells the client when to ask again (RFC 9110 §10.2.3)
  const retryAfter = error instanceof AppError ? error.details?.retryAfterSeconds : undefined;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
