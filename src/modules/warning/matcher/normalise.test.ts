import { describe, expect, it } from 'vitest';
import { normaliseName, skeletonOf } from './normalise.js';
import { compareNames } from './similarity.js';

const texts = (raw: string) => normaliseName(raw).tokens.map((token) => token.text);
const similarity = (a: string, b: string) => compareNames(normaliseName(a), normaliseName(b)).score;

describe('normaliseName', () => {
  it('transliterates Russian Cyrillic so ICAO, GOST, BGN and English spellings share a skeleton', () => {
    const skeletons = ['Evgenii', 'Yevgeny', 'Evgeniy', 'Евгений'].map(
      (name) => normaliseName(name).tokens[0]?.skeleton,
    );
    expect(new Set(skeletons).size).toBe(1);
    expect(similarity('Khrushchev Nikita', 'Хрущёв Никита')).toBeGreaterThan(0.95);
  });

  it('reads Kazakh and Mongolian Cyrillic letters', () => {
    expect(texts('Нұрсұлтан Әбенов')).toEqual(['nursultan', 'abenov']);
    expect(texts('Төмөрбаатар Өлзий')).toEqual(['tomorbaatar', 'olziy']);
    expect(similarity('Tumurbaatar', 'Төмөрбаатар')).toBeGreaterThan(0.8);
  });

  it('turns Han characters into pinyin syllables that match joined or spaced spellings in either order', () => {
    expect(texts('王小明')).toEqual(['wang', 'xiao', 'ming']);
    expect(similarity('Xiaoming Wang', '王小明')).toBeGreaterThan(0.95);
    expect(similarity('WANG XIAO-MING', 'Wang Xiaoming')).toBeGreaterThan(0.95);
  });

  it('strips Vietnamese diacritics and reads đ as d', () => {
    expect(texts('Đặng Thị Hương')).toEqual(['dang', 'thi', 'huong']);
  });

  it('romanises Thai with preposed vowels and silent letters', () => {
    expect(texts('สมชาย วงศ์สวัสดิ์')).toEqual(['somchai', 'wongsawat']);
  });

  it('drops leading honorifics such as U, Daw and Mr but keeps a name that is only an honorific-like word', () => {
    expect(texts('U Thein Sein')).toEqual(['thein', 'sein']);
    expect(texts('Daw Khin Myo')).toEqual(['khin', 'myo']);
    expect(texts('Mr John Smith')).toEqual(['john', 'smith']);
    expect(texts('Ma')).toEqual(['ma']);
  });

  it('removes apostrophes and splits on hyphens', () => {
    expect(texts("O'Brien Jean-Luc")).toEqual(['obrien', 'jean', 'luc']);
  });

  it('reads digits inside names as the letters OCR mistakes them for', () => {
    expect(texts('Ig0r Sech1n')).toEqual(['igor', 'sechin']);
  });

  it('collapses transliteration variants in the skeleton (ks/x, kh/h, zh/j, ts, doubled letters)', () => {
    expect(skeletonOf('aleksandr')).toBe(skeletonOf('alexandr'));
    expect(skeletonOf('khabib')).toBe(skeletonOf('habib'));
    expect(skeletonOf('zhukov')).toBe(skeletonOf('jukov'));
    expect(skeletonOf('tsvetkov')).toBe(skeletonOf('tzvetkov'));
    expect(skeletonOf('abbott')).toBe(skeletonOf('abot'));
  });
});

describe('compareNames', () => {
  it('treats joined and split name parts as the same', () => {
    expect(similarity('SergeiLavrov', 'Sergei Lavrov')).toBeGreaterThan(0.95);
  });

  it('costs less for a missing middle name than for a conflicting one', () => {
    expect(similarity('Hans Friedrich', 'Hans Joachim Friedrich')).toBeGreaterThan(
      similarity('Hans Otto Friedrich', 'Hans Joachim Friedrich'),
    );
  });

  it('keeps unrelated names far apart', () => {
    expect(similarity('John Smith', 'Ivan Petrov')).toBeLessThan(0.3);
  });
});
