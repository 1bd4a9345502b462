import { describe, expect, it } from 'vitest';
import { prepareCrossing } from './crossing-names.js';
import { prepareIdentity } from './score.js';

describe('prepareCrossing', () => {
  it('prepares a crossing exactly as prepareIdentity does, the first time and when its name recurs', () => {
    const first = {
      id: 'c1',
      surname: 'Иванов',
      givenNames: 'Сергей',
      birthDate: '1970-01-02',
      sex: 'M' as const,
    };
    const again = { ...first, id: 'c2', birthDate: '1981', documentNumber: 'P1234567', nationality: 'RUS' };
    expect(prepareCrossing(first)).toEqual(prepareIdentity(first));
    expect(prepareCrossing(again)).toEqual(prepareIdentity(again));
  });

  it('reuses the normalised names of an earlier crossing with the same name fields', () => {
    const crossing = { id: 'c1', surname: 'Nguyễn', givenNames: 'Văn Dũng' };
    expect(prepareCrossing({ ...crossing, id: 'c2' }).names).toBe(prepareCrossing(crossing).names);
  });

  it('prepares aliases of a watchlist identity too', () => {
    const entry = { id: 'e', surname: 'Wang', givenNames: 'Wei', aliases: ['王伟'] };
    expect(prepareCrossing(entry)).toEqual(prepareIdentity(entry));
  });
});
