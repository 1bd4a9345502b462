/** A failed API call, with the method, path, status and the problem document the node answered. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} → ${status}: ${body.slice(0, 500)}`);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  /** Raw body and its media type (imports); otherwise `json` is sent as JSON. */
  raw?: { contentType: string; body: string };
  json?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
}

/** A machine client of one node: API token auth, JSON in and out. */
export class NodeApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** The same node as another user (another API token). */
  as(token: string): NodeApi {
    return new NodeApi(this.baseUrl, token);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    let body: string | undefined;
    if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      body = options.raw.body;
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(url, { method, headers, ...(body !== undefined && { body }) });
    const text = await response.text();
    if (!response.ok) throw new ApiError(method, url.pathname + url.search, response.status, text);
    return (text ? JSON.parse(text) : null) as T;
  }

  get<T>(path: string, query?: RequestOptions['query']): Promise<T> {
    return this.request<T>('GET', path, { ...(query && { query }) });
  }

  post<T>(path: string, json?: unknown): Promise<T> {
    return this.request<T>('POST', path, { json: json ?? {} });
  }

  put<T>(path: string, json: unknown): Promise<T> {
    return this.request<T>('PUT', path, { json });
  }
}

/** Logs in with a password and returns the session cookie and CSRF token (only to mint API tokens). */
export async function login(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(new URL('/api/v1/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  if (!response.ok) throw new ApiError('POST', '/api/v1/auth/login', response.status, text);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = JSON.parse(text) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** Sends one request with a browser session (cookie and CSRF header). */
export async function sessionRequest<T>(
  baseUrl: string,
  session: { cookie: string; csrf: string },
  method: string,
  path: string,
  json: unknown,
): Promise<T> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify(json),
  });
  const text = await response.text();
  if (!response.ok) throw new ApiError(method, path, response.status, text);
  return JSON.parse(text) as T;
}

/** Runs tasks with at most `limit` in flight; resolves when all are done, rejects on the first failure. */
export async function inPool<T>(
  limit: number,
  items: readonly T[],
  work: (item: T) => Promise<void>,
): Promise<void> {
  let index = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (index < items.length) {
      const item = items[index] as T;
      index += 1;
      await work(item);
    }
  });
  await Promise.all(runners);
}
