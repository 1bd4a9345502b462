import i18next from 'i18next';
import { currentLanguage, LOCALE_TAGS } from '../i18n/i18n.js';
import {
  codeMessage,
  type FieldError,
  fieldErrorText,
  type Problem,
  problemText,
  type RowIssue,
  rowIssueText,
} from './problem-text.js';
import type { Page } from './types.js';

/**
 * A failed API call, carrying the node's problem details. `message` and `text` are worded in the reader's language
 * from the problem's code; `detail` keeps the node's English.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  /** The node's English detail, for logs and support. */
  readonly detail: string;
  /** The field errors, each `message` worded in the reader's language (the node's English stays in `body`). */
  readonly fieldErrors: readonly FieldError[];
  /** The whole problem body, for the extra members some modules add (rule violations, row errors). */
  readonly body: Readonly<Record<string, unknown>>;
  private readonly problem: Problem;

  constructor(problem: Problem) {
    super(problemText(problem, i18next, LOCALE_TAGS[currentLanguage()]));
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.problem = problem;
    this.code = problem.code;
    this.detail = problem.detail;
    this.fieldErrors = (problem.errors ?? []).map((error) => ({
      ...error,
      message: this.fieldErrorText(error),
    }));
    this.body = { ...problem };
  }

  /** The problem in the current language (it follows a language switch made after the call failed). */
  get text(): string {
    return problemText(this.problem, i18next, LOCALE_TAGS[currentLanguage()]);
  }

  /** One of the node's field errors in the current language. */
  fieldErrorText(error: FieldError): string {
    return fieldErrorText(error, this.problem, i18next, LOCALE_TAGS[currentLanguage()]);
  }

  /** The message for one form field, matching the last segment of the JSON-pointer path. */
  fieldError(field: string): string | undefined {
    const error = this.problem.errors?.find((candidate) => candidate.path.split('/').pop() === field);
    return error && this.fieldErrorText(error);
  }
}

/** A code the node reports inside a problem (an import row's error), in the current language; else its English. */
export function codeText(code: string, english: string, values?: Readonly<Record<string, unknown>>): string {
  return codeMessage(code, english, i18next, LOCALE_TAGS[currentLanguage()], values);
}

// The code alone says only that the row is wrong; without a keyword, the node's English names the field and rule.
const GENERIC_ROW_CODES = new Set(['warning.invalid_row']);

/**
 * An import row's error as the reader sees it: the wording in the current language (empty when there is none),
 * and the node's English when it is all there is or adds what the wording lacks.
 */
export function rowIssueWording(issue: RowIssue): { text: string; english: string | undefined } {
  const text = rowIssueText(issue, i18next, LOCALE_TAGS[currentLanguage()]);
  if (text === undefined) return { text: '', english: issue.message };
  const addsToText = !issue.keyword && GENERIC_ROW_CODES.has(issue.code);
  return { text, english: addsToText ? issue.message : undefined };
}

// The CSRF token lives in memory only: the session cookie is HttpOnly and the token comes with the session.
let csrfToken: string | null = null;
let onSessionLost: () => void = () => {};

/** Registers what to do when the node answers 401 outside the sign-in calls (the session expired). */
export function onUnauthenticated(handler: () => void): void {
  onSessionLost = handler;
}

/** Remembers the token the node issued with the session; every non-GET call sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value;
}

async function problemFrom(response: Response): Promise<ApiProblem> {
  const body: unknown = await response.json().catch(() => null);
  if (isProblem(body)) return new ApiProblem(body);
  return new ApiProblem({
    type: 'about:blank',
    title: response.statusText,
    status: response.status,
    detail: response.statusText || `HTTP ${response.status}`,
    code: 'http.unexpected_response',
  });
}

/** Calls the node's API with the session cookie; resolves to the JSON body or rejects with ApiProblem. */
export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  // The node words problem details in the reader's language when it can.
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': LOCALE_TAGS[currentLanguage()],
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) {
    if (response.status === 401 && !url.startsWith('/api/v1/auth/')) onSessionLost();
    throw await problemFrom(response);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

// Guards against a cursor loop in a misbehaving server; the directory lists are far smaller than this.
const MAX_PAGES = 50;

/** Reads every page of a cursor-paginated list. */
export async function listAll<T>(url: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const separator = url.includes('?') ? '&' : '?';
    const pageUrl: string = cursor ? `${url}${separator}cursor=${encodeURIComponent(cursor)}` : url;
    const body: Page<T> = await api<Page<T>>('GET', pageUrl);
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/**
 * A file sent as the raw request body, reporting upload progress (fetch cannot) as a 0–1 fraction. `fileName`
 * travels URL-encoded in X-File-Name for the routes that keep the name.
 */
export function uploadFile<T>(
  url: string,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
  fileName?: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('content-type', contentType);
    if (fileName !== undefined) request.setRequestHeader('x-file-name', encodeURIComponent(fileName));
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('accept-language', LOCALE_TAGS[currentLanguage()]);
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new Error(`Upload to ${url} failed`));
    request.onload = () => {
      const body: unknown = request.responseText ? JSON.parse(request.responseText) : undefined;
      if (request.status >= 200 && request.status < 300) {
        resolve(body as T);
        return;
      }
      if (request.status === 401) onSessionLost();
      reject(
        isProblem(body)
          ? new ApiProblem(body)
          : new Error(`Upload to ${url} failed: HTTP ${request.status} ${request.statusText}`),
      );
    };
    request.send(file);
  });
}
