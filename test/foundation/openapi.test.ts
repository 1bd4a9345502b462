import { Validator } from '@seriousme/openapi-schema-validator';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { useTestNode } from '../support/nodes.js';

interface Operation {
  requestBody?: { content?: Record<string, unknown> };
}
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, Operation>> };

const fillPath = (path: string, value: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(value));

describeEachDatabase('OpenAPI document', (dialect) => {
  const testNode = useTestNode(dialect);

  it('is a valid OpenAPI 3.1 document covering every API route', async () => {
    const response = await testNode().anonymous().get<OpenApiDocument>('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(response.body as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/directory/agencies', '/api/v1/users']),
    );
    // file uploads are streamed bodies: the document still says which types they take
    for (const path of ['/api/v1/warning/crossings/bulk', '/api/v1/warning/watchlist/imports']) {
      const content = response.body.paths[path]?.post?.requestBody?.content ?? {};
      expect(Object.keys(content), path).toEqual(
        expect.arrayContaining(['text/csv', 'application/x-ndjson']),
      );
    }
  });

  it('never answers a random body with a server error, on any route of the document', async () => {
    const doc = (await testNode().anonymous().get<OpenApiDocument>('/api/openapi.json')).body;
    const admin = await testNode().admin();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => ['post', 'put', 'patch'].includes(method))
        .map((method) => ({ path, method: method.toUpperCase() })),
    );
    expect(operations.length).toBeGreaterThan(5);
    const bodies = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))),
      fc.record({ code: fc.string(), names: fc.anything(), username: fc.string(), password: fc.string() }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        bodies,
        fc.string({ maxLength: 40 }),
        async (op, body, id) => {
          // Logout would end the admin's session for the rest of the run; everything else is fair game.
          if (op.path === '/api/v1/auth/logout') return;
          const response = await admin.request(op.method, fillPath(op.path, id || 'x'), body ?? {});
          expect(response.status, `${op.method} ${op.path} -> ${response.text.slice(0, 300)}`).toBeLessThan(
            500,
          );
          if (response.status >= 400)
            expect(response.headers.get('content-type')).toContain('application/problem+json');
        },
      ),
      { numRuns: 150 },
    );
  });
});
