import { Type } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { type ProblemBody, sendProblem } from './problem.js';
import { ErrorResponses, Problem } from './schemas.js';

const Body = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 5 }),
    count: Type.Optional(Type.Integer({ minimum: 1 })),
    kind: Type.Optional(Type.String({ enum: ['port', 'pass'] })),
  },
  { additionalProperties: false },
);

const app = Fastify({ logger: false });
// As the node validates bodies: every failure reported, not only the first.
const ajv = new Ajv({ allErrors: true, strict: false });

beforeAll(async () => {
  app.setValidatorCompiler(({ schema }) => ajv.compile(schema));
  app.addSchema(Problem);
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  app.post('/things', { schema: { body: Body, response: ErrorResponses } }, async () => ({ ok: true }));
  app.post('/refused', { schema: { response: ErrorResponses } }, async () => {
    throw new AppError('conflict', 'warning.hit_decided', 'The hit was already confirmed', {
      status: 'confirmed',
      field: 'decision',
      limit: 3,
      agencies: ['RU-FSB', 'MN-GAI'],
      rows: [{ line: 2, message: 'bad' }],
    });
  });
  app.post('/several', { schema: { response: ErrorResponses } }, async () => {
    throw new AppError('invalid', 'warning.identity_missing', 'two passengers are not valid', {
      field: 'passengers/1/identity',
      errors: [
        { path: '/passengers/1/identity', message: 'no name' },
        { path: '/passengers/3/identity/birthDate', message: 'after today' },
      ],
    });
  });
  await app.ready();
});

afterAll(() => app.close());

async function post(url: string, payload: unknown): Promise<ProblemBody> {
  const response = await app.inject({ method: 'POST', url, payload: payload as object });
  expect(response.headers['content-type']).toContain('application/problem+json');
  return response.json<ProblemBody>();
}

describe('problem details', () => {
  it("gives each schema failure Ajv's keyword and params beside its path and English message", async () => {
    const problem = await post('/things', { code: 'TOOLONG', count: 0, kind: 'road', extra: 1 });
    expect(problem).toMatchObject({ status: 400, code: 'http.invalid_request' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: '/body/code', message: expect.any(String), keyword: 'maxLength', params: { limit: 5 } },
        {
          path: '/body/count',
          message: expect.any(String),
          keyword: 'minimum',
          params: { comparison: '>=', limit: 1 },
        },
        {
          path: '/body/kind',
          message: expect.any(String),
          keyword: 'enum',
          params: { allowedValues: ['port', 'pass'] },
        },
        {
          path: '/body/extra',
          message: 'is not an allowed field',
          keyword: 'additionalProperties',
          params: { additionalProperty: 'extra' },
        },
      ]),
    );
  });

  it('names a missing field in the path and in the params of its required error', async () => {
    const problem = await post('/things', {});
    expect(problem.errors).toEqual([
      {
        path: '/body/code',
        message: "must have required property 'code'",
        keyword: 'required',
        params: { missingProperty: 'code' },
      },
    ]);
  });

  it('lists every field a domain error names, its single field making way for the list', async () => {
    const problem = await post('/several', {});
    expect(problem.errors?.map((error) => error.path)).toEqual([
      '/passengers/1/identity',
      '/passengers/3/identity/birthDate',
    ]);
  });

  it('keeps the RFC 9457 members and the stable code of a domain error', async () => {
    const problem = await post('/refused', {});
    expect(problem).toMatchObject({
      type: 'urn:borderlink:problem:warning.hit_decided',
      title: 'Conflict',
      status: 409,
      detail: 'The hit was already confirmed',
      code: 'warning.hit_decided',
      instance: '/refused',
    });
    expect(problem.errors).toEqual([{ path: '/decision', message: 'The hit was already confirmed' }]);
  });

  it('repeats the plain values of a domain error in `details`, including one a problem member hides', async () => {
    const problem = await post('/refused', {});
    expect(problem.details).toEqual({
      status: 'confirmed',
      field: 'decision',
      limit: 3,
      agencies: ['RU-FSB', 'MN-GAI'],
    });
    expect(problem.rows).toEqual([{ line: 2, message: 'bad' }]);
  });
});
