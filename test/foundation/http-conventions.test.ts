import { expect, it } from 'vitest';
import { buildAgency } from '../support/agencies.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestNode } from '../support/nodes.js';

interface OpenApi {
  paths: Record<string, { get?: { parameters?: Array<{ in: string; name: string }> } }>;
}

describeEachDatabase('HTTP conventions', (dialect) => {
  const testNode = useTestNode(dialect);

  it('answers health, readiness and Prometheus metrics', async () => {
    const client = testNode().anonymous();
    expect((await client.get('/healthz')).status).toBe(200);
    expect((await client.get('/readyz')).body).toEqual({ status: 'ready' });
    const metrics = await client.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('borderlink_http_request_duration_seconds');
  });

  it('echoes a well-formed request id and makes one up otherwise', async () => {
    const given = await fetch(`${testNode().url}/healthz`, {
      headers: { 'x-request-id': 'desk-7-request-42' },
    });
    expect(given.headers.get('x-request-id')).toBe('desk-7-request-42');
    const made = await fetch(`${testNode().url}/healthz`, { headers: { 'x-request-id': '<script>' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await fetch(`${testNode().url}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBeTruthy();
  });

  it('answers malformed JSON, a wrong content type and an oversized body with problem+json 4xx', async () => {
    const admin = await testNode().admin();
    const malformed = await admin.raw('POST', '/api/v1/directory/agencies', '{"code": ', 'application/json');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('http.malformed_json');
    const wrongType = await admin.raw(
      'POST',
      '/api/v1/directory/agencies',
      'code=x',
      'application/x-www-form-urlencoded',
    );
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get('content-type')).toContain('application/problem+json');
    const huge = await admin.raw(
      'POST',
      '/api/v1/directory/agencies',
      `{"pad":"${'x'.repeat(1_100_000)}"}`,
      'application/json',
    );
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('http.body_too_large');
  });

  it('stores injection strings as plain text and never lets them change a query', async () => {
    const admin = await testNode().admin();
    const hostile = ["'; DROP TABLE agencies; --", '<img src=x onerror=alert(1)>', '../../../etc/passwd'];
    for (const [i, text] of hostile.entries()) {
      const code = `ZZ-INJ${i}`;
      const created = await admin.post(
        '/api/v1/directory/agencies',
        buildAgency(code, { kind: 'international', names: { en: text } }),
      );
      expect(created.status).toBe(201);
      expect((await admin.get(`/api/v1/directory/agencies/${code}`)).body).toMatchObject({
        names: { en: text },
      });
    }
    const traversal = await admin.get('/api/v1/directory/agencies/..%2F..%2Fetc%2Fpasswd');
    expect(traversal.status).toBe(400);
    expect((await admin.get('/api/v1/directory/agencies')).status).toBe(200);
  });

  it('refuses with a 400 problem the input that passes a schema but the code or the database cannot hold', async () => {
    const admin = await testNode().admin();
    // RFC 3339 allows a leap second; JavaScript's Date does not
    const leap = await admin.get('/api/v1/operations/interceptions?from=2026-12-31T23:59:60Z');
    expect(leap.status).toBe(400);
    expect(leap.body).toMatchObject({
      code: 'http.invalid_request',
      errors: [{ path: '/querystring/from' }],
    });
    // PostgreSQL has no year 0
    const yearZero = await admin.get('/api/v1/operations/interceptions?from=0000-01-01T00:00:00Z');
    // a filter from the year 0 is one from the beginning: answered, not refused
    expect(yearZero.status, yearZero.text).toBe(200);
    expect((await admin.get('/api/v1/reports/statistics?period=0000')).status).toBe(400);
    // PostgreSQL cannot store a NUL character
    const nul = await admin.post(
      '/api/v1/directory/agencies',
      buildAgency('ZZ-NUL', { kind: 'international', names: { en: 'A\u0000B' } }),
    );
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({
      code: 'http.invalid_request',
      errors: [{ path: '/body/names/en', keyword: 'pattern' }],
    });
    expect((await admin.get('/api/v1/directory/agencies/ZZ-NUL')).status).toBe(404);
    expect((await admin.get('/api/v1/audit?actorId=%00')).status).toBe(400);
    // a bigint column holds no more than this
    expect((await admin.get('/api/v1/audit?before=99999999999999999999')).status).toBe(400);
  });

  it('answers a forged page cursor with a 4xx problem or a page, never a 500, on every list that takes one', async () => {
    const admin = await testNode().admin();
    // the warning lists answer only a desk officer with the personal-data grant: anyone else never gets to the cursor
    const desk = await testNode().userWith(['port_officer', 'liaison_officer'], { personalData: true });
    const spec = (await admin.get<OpenApi>('/api/openapi.json')).body;
    const lists = Object.entries(spec.paths).filter(
      ([path, item]) =>
        !path.includes('{') && item.get?.parameters?.some((p) => p.in === 'query' && p.name === 'cursor'),
    );
    expect(lists.length).toBeGreaterThan(5);
    const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    // a key of each length any list uses, holding what no issued key holds: a NUL character, a string where a
    // time is kept, a number too large for any column
    const cursors = [1, 2, 3].flatMap((arity) => [
      forged(Array.from({ length: arity }, () => 'a\u0000b')),
      forged(Array.from({ length: arity }, () => 'not a time')),
      forged(Array.from({ length: arity }, () => 1e300)),
    ]);
    for (const [path] of lists) {
      const reader = path.startsWith('/api/v1/warning/') ? desk : admin;
      expect((await reader.get(path)).status, path).toBe(200);
      for (const cursor of cursors) {
        const response = await reader.get(`${path}?cursor=${cursor}`);
        expect(response.status, `${path} ${cursor}`).toBeLessThan(500);
      }
    }
  });

  it("answers the router's own refusals of a malformed or overlong path with problem+json", async () => {
    const admin = await testNode().admin();
    for (const path of ['/api/v1/directory/agencies/%ZZ', `/api/v1/operations/${'x'.repeat(201)}`]) {
      const refused = await admin.get(path);
      expect(refused.status, path).toBeGreaterThanOrEqual(400);
      expect(refused.status, path).toBeLessThan(500);
      expect(refused.headers.get('content-type'), path).toContain('application/problem+json');
      expect(refused.body, path).toMatchObject({ code: 'http.bad_url' });
    }
  });

  it('answers unknown API routes with a 404 problem', async () => {
    const response = await testNode().anonymous().get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ status: 404, code: 'http.route_not_found' });
  });
});
