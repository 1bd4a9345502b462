/** A small HTTP client for tests: keeps the session cookie and sends the CSRF token like the web app does. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class ApiClient {
  private cookie: string | null = null;
  private csrf: string | null = null;
  private bearer: string | null = null;

  constructor(readonly baseUrl: string) {}

  /** A client that authenticates with an API token instead of a session. */
  static withToken(baseUrl: string, token: string): ApiClient {
    const client = new ApiClient(baseUrl);
    client.bearer = token;
    return client;
  }

  async login(username: string, password: string): Promise<ApiResponse> {
    const response = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (response.status === 200 && typeof response.body.csrfToken === 'string')
      this.csrf = response.body.csrfToken;
    return response;
  }

  /** Logs in and fails the test at once when that does not work. */
  async loginOrThrow(username: string, password: string): Promise<this> {
    const response = await this.login(username, password);
    if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.text}`);
    return this;
  }

  setCsrf(token: string | null): void {
    this.csrf = token;
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Posts a CSV file, as an upload form sends it. */
  postCsv<T = Record<string, unknown>>(path: string, csv: string | Buffer) {
    return this.send<T>('POST', path, csv, 'text/csv');
  }

  /** Posts newline-delimited JSON, as a port system sends a batch of rows. */
  postNdjson<T = Record<string, unknown>>(path: string, ndjson: string | Buffer) {
    return this.send<T>('POST', path, ndjson, 'application/x-ndjson');
  }

  /** Sends raw bytes with a chosen content type (malformed JSON, XML, oversized bodies). */
  async raw(method: string, path: string, body: string | Buffer, contentType: string): Promise<ApiResponse> {
    return this.send(method, path, body, contentType);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    return this.send<T>(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
      'application/json',
    );
  }

  private async send<T>(
    method: string,
    path: string,
    body: string | Buffer | undefined,
    contentType: string,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = contentType;
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await response.text();
    let parsed: unknown = {};
    if (text && (response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
}
