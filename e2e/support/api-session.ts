/** A signed-in HTTP client for setting up test data through the public API, as an officer's browser would. */
export interface ApiSession {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Signs in with a password (no TOTP) and returns a client that sends the session cookie and CSRF token. */
export async function signInOverApi(
  baseUrl: string,
  username: string,
  password: string,
): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`Sign-in as ${username} failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
  };
}
