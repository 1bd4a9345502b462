import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { birthDateProblem, hasNameText } from './identity-checks.js';
import { addTestPort, buildCrossing, buildEntry, buildPassengerList } from './test-support/factories.js';

describe('identity checks', () => {
  it('take a name only when it holds a letter or digit', () => {
    expect(hasNameText('Батбаяр')).toBe(true);
    expect(hasNameText('!!!')).toBe(false);
    expect(hasNameText(undefined)).toBe(false);
  });

  it('refuse a date of birth that is not a day of the calendar or lies after today', () => {
    expect(birthDateProblem('1985-02-31', '2026-11-27')).toMatch(/not a day of the calendar/);
    expect(birthDateProblem('2030', '2026-11-27')).toMatch(/after today/);
    expect(birthDateProblem('2026-12', '2026-11-27')).toMatch(/after today/);
    expect(birthDateProblem('1985-02', '2026-11-27')).toBeNull();
    expect(birthDateProblem('2026-11-27', '2026-11-27')).toBeNull();
  });
});

describeEachDatabase('identity checks over HTTP', (dialect) => {
  const testNode = useTestNode(dialect, { code: 'CN-NIA' });

  it('answer a crossing with no name text or an impossible date of birth with a 400 naming the field', async () => {
    const admin = await testNode().admin();
    await addTestPort(admin);
    const officer = await testNode().userWith(['port_officer'], { personalData: true });
    const punctuation = await officer.post<{ code: string }>(
      '/api/v1/warning/crossings',
      buildCrossing({ identity: { surname: '!!!' } }),
    );
    expect(punctuation.status).toBe(400);
    expect(punctuation.body.code).toBe('warning.identity_missing');
    const unborn = await officer.post<{ code: string; errors: Array<{ path: string }> }>(
      '/api/v1/warning/crossings',
      buildCrossing({ identity: { surname: 'ODON', birthDate: '1985-02-31' } }),
    );
    expect(unborn.status).toBe(400);
    expect(unborn.body.code).toBe('warning.birth_date_invalid');
    expect(unborn.body.errors[0]?.path).toBe('/identity/birthDate');
  });

  it('name every bad passenger of an advance passenger list', async () => {
    const officer = await testNode().userWith(['port_officer'], { personalData: true });
    const list = await officer.post<{ code: string; errors: Array<{ path: string; message: string }> }>(
      '/api/v1/warning/expected-crossings',
      buildPassengerList([
        { identity: { surname: 'DORJ', givenNames: 'BOLD' } },
        { identity: { surname: '...' } },
        { identity: { surname: 'ODON' } },
        { identity: { surname: 'GEREL', birthDate: '2099-01-01' } },
      ]),
    );
    expect(list.status).toBe(400);
    expect(list.body.code).toBe('warning.identity_missing');
    expect(list.body.errors).toEqual([
      expect.objectContaining({
        path: '/passengers/1/identity',
        message: expect.stringMatching(/name or document/),
        code: 'warning.identity_missing',
      }),
      expect.objectContaining({
        path: '/passengers/3/identity/birthDate',
        message: expect.stringMatching(/after today/),
        code: 'warning.birth_date_invalid',
        params: { birthDate: '2099-01-01' },
      }),
    ]);
  });

  it('name in one answer the passengers the schema refuses and those a rule refuses', async () => {
    const officer = await testNode().userWith(['port_officer'], { personalData: true });
    type FieldError = { path: string; keyword?: string; code?: string; params?: Record<string, unknown> };
    const list = await officer.post<{ code: string; errors: FieldError[] }>(
      '/api/v1/warning/expected-crossings',
      buildPassengerList([
        { identity: { surname: 'DORJ', sex: 'Q' } },
        { identity: { surname: 'ODON' } },
        { identity: { surname: 'GEREL', birthDate: '2099-01-01' } },
      ]),
    );
    expect(list.status).toBe(400);
    expect(list.body.code).toBe('http.invalid_request');
    expect(list.body.errors).toEqual([
      expect.objectContaining({ path: '/body/passengers/0/identity/sex', keyword: 'enum' }),
      expect.objectContaining({
        path: '/passengers/2/identity/birthDate',
        code: 'warning.birth_date_invalid',
        params: { birthDate: '2099-01-01' },
      }),
    ]);
  });

  it('name the port and the expected time the rules refuse beside the passengers the schema refuses', async () => {
    const officer = await testNode().userWith(['port_officer'], { personalData: true });
    type FieldError = { path: string; keyword?: string; code?: string };
    const list = await officer.post<{ code: string; errors: FieldError[] }>(
      '/api/v1/warning/expected-crossings',
      {
        ...buildPassengerList([{ identity: { surname: 'DORJ', sex: 'Q' } }]),
        portCode: 'ZZNOPORT',
        expectedAt: '2099-01-01T00:00:00Z',
      },
    );
    expect(list.status).toBe(400);
    expect(list.body.errors).toEqual([
      expect.objectContaining({ path: '/body/passengers/0/identity/sex', keyword: 'enum' }),
      expect.objectContaining({ path: '/expectedAt', code: 'warning.expected_at_too_far' }),
      expect.objectContaining({ path: '/portCode', code: 'warning.unknown_port' }),
    ]);
  });

  it('answer a list too long with that alone, not with each passenger checked', async () => {
    const officer = await testNode().userWith(['port_officer'], { personalData: true });
    const list = await officer.post<{ errors: Array<{ path: string }> }>(
      '/api/v1/warning/expected-crossings',
      buildPassengerList(
        Array.from({ length: 1001 }, () => ({ identity: { surname: 'GEREL', birthDate: '2099' } })),
      ),
    );
    expect(list.status).toBe(400);
    expect(list.body.errors.map((error) => error.path)).toEqual(['/body/passengers']);
  });

  it('refuse a watchlist entry born in the future', async () => {
    const officer = await testNode().userWith(['port_officer'], { personalData: true });
    const refused = await officer.post<{ code: string }>(
      '/api/v1/warning/watchlist',
      buildEntry({ birthDate: '2099' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('warning.birth_date_invalid');
  });
});
