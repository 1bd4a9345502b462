import { describe, expect, it } from 'vitest';
import { buildCounty, buildPortPolicy, buildSituationDaily } from './test-support/body-factories.js';
import { validateBody } from './validate-body.js';

/** The keyword and params of each error in a refused situation report, by path. */
const keywordsOf = (body: unknown) => {
  const result = validateBody('situation.daily', body);
  if (result.ok) throw new Error('expected the situation report to be refused');
  return Object.fromEntries(result.errors.map((error) => [error.path, [error.keyword, error.params]]));
};

describe('schema keywords of body errors', () => {
  it('reports a too-long text as maxLength with its limit, as Ajv does', () => {
    const body = buildSituationDaily({ counties: [buildCounty({ remarks: 'x'.repeat(1001) })] });
    expect(keywordsOf(body)).toEqual({ '/counties/0/remarks': ['maxLength', { limit: 1000 }] });
  });

  it('reports a number above its maximum with the limit', () => {
    const body = buildSituationDaily({ counties: [buildCounty({ vaccinationCoverage: 100.5 })] });
    expect(keywordsOf(body)).toEqual({ '/counties/0/vaccinationCoverage': ['maximum', { limit: 100 }] });
  });

  it('reports a value of the wrong type with the type expected', () => {
    const body = buildSituationDaily({ counties: [buildCounty({ remarks: 42 as never })] });
    expect(keywordsOf(body)).toEqual({ '/counties/0/remarks': ['type', { type: 'string' }] });
  });

  it('names the field an unknown member would add', () => {
    const body = buildSituationDaily({ counties: [{ ...buildCounty(), colour: 'red' } as never] });
    expect(keywordsOf(body)).toEqual({
      '/counties/0/colour': ['additionalProperties', { additionalProperty: 'colour' }],
    });
  });

  it('reports a schema version this node does not know as the constant it must be', () => {
    const result = validateBody('port.policy', { ...buildPortPolicy(), schemaVersion: 2 });
    expect(result.ok ? [] : result.errors.map((error) => [error.keyword, error.params])).toEqual([
      ['const', { allowedValue: 1 }],
    ]);
  });

  it('gives a cross-field rule a keyword of its own with the values its wording needs', () => {
    const result = validateBody(
      'port.policy',
      buildPortPolicy({ effectiveFrom: '2026-11-28T00:00:00Z', effectiveTo: '2026-11-27T00:00:00Z' }),
    );
    expect(result.ok ? [] : result.errors.map(({ keyword, params }) => ({ keyword, params }))).toEqual([
      {
        keyword: 'endsBeforeStart',
        params: { start: '2026-11-28T00:00:00Z', end: '2026-11-27T00:00:00Z' },
      },
    ]);
  });
});
