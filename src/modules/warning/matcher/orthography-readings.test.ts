import { describe, expect, it } from 'vitest';
import { cyrillicReadings, orthographyReadings, palladiusReading } from './orthography-readings.js';

describe('orthographyReadings', () => {
  it('reads a name by German, Italian, Spanish, West Slavic and Hungarian letter values', () => {
    const readings = orthographyReadings('schulz');
    expect(readings).toContain('shults');
    expect(orthographyReadings('giorgio')).toContain('jorjo');
    expect(orthographyReadings('juan')).toContain('khuan');
    expect(orthographyReadings('wojcik')).toContain('voytsik');
    expect(orthographyReadings('sandor')).toContain('shandor');
  });
});

describe('palladiusReading', () => {
  it('respells pinyin as Palladius Cyrillic reads in BGN/PCGN, and leaves non-pinyin alone', () => {
    expect(palladiusReading('xiaoping')).toBe('syaopin');
    expect(palladiusReading('zhong')).toBe('chzhun');
    expect(palladiusReading('schulz')).toBeUndefined();
  });
});

describe('cyrillicReadings', () => {
  it('reads Г as the h of a foreign name and ю after a consonant as ü', () => {
    expect(cyrillicReadings('genrikh')).toContain('henrikh');
    expect(cyrillicReadings('myuller')).toContain('muller');
  });
});
