import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName, skeletonOf } from './normalise.js';
import {
  CROSS_SCRIPT_COSTS,
  compareNames,
  editDistance,
  leastDistance,
  leastGaps,
  lengthCeiling,
  phoneticDistance,
  stringSimilarity,
  stringSimilarityCeiling,
  withinOneEdit,
} from './similarity.js';

const texts = (raw: string) => normaliseName(raw).tokens.map((token) => token.text);
const similarity = (a: string, b: string) => compareNames(normaliseName(a), normaliseName(b)).score;

/** Short skeletons over few letters, so that shared letters, near letters and swapped neighbours are common. */
const skeletonArb = fc
  .array(fc.constantFrom(...'aiuhkgstdSXJCnmlrvz'), { maxLength: 8 })
  .map((letters) => letters.join(''));

describe('normaliseName', () => {
  it('gives equal names one interned object, so what is derived from a name is derived once', () => {
    expect(normaliseName('Wang Xiuying')).toBe(normaliseName('WANG  Xiuying'));
    expect(normaliseName('Wang Xiuying')).not.toBe(normaliseName('Xiuying Wang'));
  });

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

  it('keeps a leading word that is both an honorific and a name when the name would be left with one part', () => {
    expect(texts('Thao Le')).toEqual(['thao', 'le']);
    expect(texts('Daw Khin Myo')).toEqual(['khin', 'myo']);
  });

  it('splits parts written together in camel case', () => {
    expect(texts('WaiYinSandar')).toEqual(['wai', 'yin', 'sandar']);
    expect(similarity('ThuraThantZaw', 'Thura Thant Zaw')).toBe(1);
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

describe('cross-script readings', () => {
  it('reads Latin letters whose diacritic changes the sound as the digraph other scripts spell', () => {
    expect(texts('Dvořák Bartoš Plenković Muñoz Țepeș Žižek')).toEqual([
      'dvorzhak',
      'bartosh',
      'plenkovich',
      'munyoz',
      'tsepesh',
      'zhizhek',
    ]);
    expect(similarity('Dvořák', 'Дворжак')).toBe(1);
  });

  it('reads foreign names written in Han characters, dropping the vowels of syllables that stand for one consonant', () => {
    expect(similarity('Tesla', '特斯拉')).toBeGreaterThan(0.95);
    expect(similarity('Fleming', '弗莱明')).toBeGreaterThan(0.9);
    expect(similarity('Tesla', '弗莱明')).toBeLessThan(0.6);
  });

  it('reads foreign names written in Hangul, dropping the inserted eu vowel', () => {
    expect(similarity('Dennis', '데니스')).toBeGreaterThan(0.95);
    expect(similarity('Gretchen', '그레첸')).toBeGreaterThan(0.95);
    expect(similarity('Dennis', '그레첸')).toBeLessThan(0.6);
  });

  it('reads Japanese names in Polivanov Cyrillic as Hepburn', () => {
    expect(similarity('Michiko', 'Митико')).toBeGreaterThan(0.95);
    expect(similarity('Fujita', 'Фудзита')).toBeGreaterThan(0.95);
  });

  it('reads French spellings against their Cyrillic transcription but not against other Latin names', () => {
    expect(similarity('Rousseau', 'Руссо')).toBeGreaterThan(0.95);
    expect(similarity('Moreau', 'Моро')).toBeGreaterThan(0.95);
    expect(similarity('Moreau', 'Moro')).toBeLessThan(similarity('Moreau', 'Моро'));
  });

  it('keeps Han syllables that look like honorifics, since they are common surnames', () => {
    expect(texts('马明')).toEqual(['ma', 'ming']);
    expect(texts('Ma Khin Lay')).toEqual(['khin', 'lay']);
  });
});

describe('phoneticDistance', () => {
  it('charges less for letters transliterations swap than for unrelated letters', () => {
    expect(phoneticDistance('kazansiv', 'kazanCiv')).toBeLessThan(phoneticDistance('kazansiv', 'kazanriv'));
    expect(phoneticDistance('pahl', 'pal')).toBeLessThan(phoneticDistance('pahl', 'pa'));
    expect(phoneticDistance('abc', 'abc')).toBe(0);
  });

  it('gives up once every alignment costs more than the limit', () => {
    expect(phoneticDistance('mikhail', 'zhbrtsk', 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('answers the exact distance within the limit and Infinity beyond it, transpositions included', () => {
    fc.assert(
      fc.property(skeletonArb, skeletonArb, fc.double({ min: 0, max: 6, noNaN: true }), (a, b, limit) => {
        const distance = phoneticDistance(a, b);
        expect(phoneticDistance(a, b, limit)).toBe(distance > limit ? Number.POSITIVE_INFINITY : distance);
      }),
      { numRuns: 500 },
    );
  });

  it('is never below its cheap lower bound, with the costs of either script pairing', () => {
    // repeated letters and a letter beyond the cost tables, which the bound counts apart
    const withRepeats = fc
      .array(fc.constantFrom(...'aiuhkgstdSXJCnmlrvzé'), { maxLength: 8 })
      .map((letters) => letters.join(''));
    fc.assert(
      fc.property(withRepeats, withRepeats, (a, b) => {
        expect(leastDistance(a, b)).toBeLessThanOrEqual(phoneticDistance(a, b) + 1e-9);
        expect(leastDistance(a, b, CROSS_SCRIPT_COSTS)).toBeLessThanOrEqual(
          phoneticDistance(a, b, Number.POSITIVE_INFINITY, CROSS_SCRIPT_COSTS) + 1e-9,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('is never below the cheapest gaps of the letters the longer skeleton must lose', () => {
    const withRepeats = fc
      .array(fc.constantFrom(...'aiuhkgstdSXJCnmlrvzé'), { maxLength: 12 })
      .map((letters) => letters.join(''));
    fc.assert(
      fc.property(withRepeats, withRepeats, (a, b) => {
        const longer = a.length >= b.length ? a : b;
        const dropped = Math.abs(a.length - b.length);
        expect(leastGaps(longer, dropped)).toBeLessThanOrEqual(phoneticDistance(a, b) + 1e-9);
        expect(leastGaps(longer, dropped, CROSS_SCRIPT_COSTS)).toBeLessThanOrEqual(
          phoneticDistance(a, b, Number.POSITIVE_INFINITY, CROSS_SCRIPT_COSTS) + 1e-9,
        );
      }),
      { numRuns: 2000 },
    );
    // 'h' gaps cheapest (0.4), then the vowels (0.5), then the rest (1)
    expect(leastGaps('khabarov', 3)).toBeCloseTo(0.4 + 0.5 + 0.5);
  });

  it('gives the same bound however many times it is asked', () => {
    const first = leastDistance('mmmkkk', 'mk');
    expect(first).toBeLessThanOrEqual(phoneticDistance('mmmkkk', 'mk'));
    for (let i = 0; i < 10_000; i++) leastDistance('anna', 'ana');
    expect(leastDistance('mmmkkk', 'mk')).toBe(first);
  });
});

describe('stringSimilarity', () => {
  it('is never above its cheap ceiling, and exact from a floor up', () => {
    fc.assert(
      fc.property(
        skeletonArb,
        skeletonArb,
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (a, b, floor) => {
          const similarity = stringSimilarity(a, b);
          expect(similarity).toBeLessThanOrEqual(stringSimilarityCeiling(a, b) + 1e-9);
          // the bound from lengths alone is never below the one from the letters shared
          expect(stringSimilarityCeiling(a, b)).toBeLessThanOrEqual(lengthCeiling(a, b) + 1e-9);
          const floored = stringSimilarity(a, b, floor);
          if (similarity >= floor) expect(floored).toBe(similarity);
          else expect(floored).toBeLessThan(floor);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('editDistance', () => {
  it('answers the exact distance within the limit and Infinity beyond it', () => {
    fc.assert(
      fc.property(skeletonArb, skeletonArb, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        const distance = editDistance(a, b, 0.5);
        expect(editDistance(a, b, 0.5, limit)).toBe(distance > limit ? Number.POSITIVE_INFINITY : distance);
      }),
      { numRuns: 500 },
    );
  });
});

describe('withinOneEdit', () => {
  it('agrees with editDistance on whether two strings are one edit apart', () => {
    // a small alphabet and near-copies, so that one-edit pairs are common
    const short = fc.string({ unit: fc.constantFrom('A', 'B', '0', '1'), maxLength: 7 });
    const nearCopy = short.chain((a) =>
      fc.tuple(
        fc.constant(a),
        fc.oneof(
          short,
          fc.nat(6).map((k) => a.slice(0, k) + a.slice(k + 1)),
          fc.nat(6).map((k) => a.slice(0, k) + a.charAt(k + 1) + a.charAt(k) + a.slice(k + 2)),
          fc.nat(6).map((k) => `${a.slice(0, k)}B${a.slice(k + 1)}`),
        ),
      ),
    );
    fc.assert(
      fc.property(nearCopy, ([a, b]) => {
        expect(withinOneEdit(a, b)).toBe(editDistance(a, b, 1) === 1);
      }),
      { numRuns: 2000 },
    );
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

  it('costs little for a patronymic one record leaves out, but counts conflicting patronymics', () => {
    const withoutPatronymic = similarity('Sergey Lavrov', 'Sergey Viktorovich Lavrov');
    expect(withoutPatronymic).toBeGreaterThan(0.9);
    expect(withoutPatronymic).toBeGreaterThan(similarity('Sergey Lavrov', 'Sergey Mikhail Lavrov'));
    expect(similarity('Sergey Viktorovich Lavrov', 'Sergey Borisovich Lavrov')).toBeLessThan(0.8);
  });

  it('marks a name whose other parts agree but one only half agrees as doubtful, not as a typo', () => {
    expect(similarity('Maria Gonzales', 'Maria Gonzalez')).toBeGreaterThan(0.9);
    expect(similarity('Maria Gonzaga', 'Maria Gonzalez')).toBeLessThan(0.8);
  });

  it('matches foreign names transcribed into Russian through their sound', () => {
    expect(similarity('Aleksandr Zaitsev', 'Александр Зайцев')).toBeGreaterThan(0.95);
    expect(similarity('Pahl', 'Паль')).toBeGreaterThan(0.9);
    expect(similarity('Hodge', 'Ходж')).toBeGreaterThan(0.85);
  });

  it('keeps unrelated names far apart', () => {
    expect(similarity('John Smith', 'Ivan Petrov')).toBeLessThan(0.3);
  });

  it('reads a Latin name by the orthography of its language against its Russian transcription', () => {
    expect(similarity('Schulz', 'Шульц')).toBeGreaterThan(0.9);
    expect(similarity('Weinberg', 'Вайнберг')).toBeGreaterThan(0.9);
    expect(similarity('Giorgio', 'Джорджо')).toBeGreaterThan(0.9);
    expect(similarity('Xiaoping', 'Сяопин')).toBeGreaterThan(0.9);
    expect(similarity('Schulz', 'Шмидт')).toBeLessThan(0.5);
    expect(similarity('Giorgio', 'Григорий')).toBeLessThan(0.8);
  });

  it('tells father and son apart when their nasabs swap the same two names', () => {
    expect(similarity('Salman bin Muhammad Al-Rawi', 'Muhammad bin Salman Al-Rawi')).toBeLessThan(0.5);
    expect(similarity('Osama bin Laden', 'Usama bin Muhammad ibn Awad ibn Ladin')).toBeGreaterThan(0.8);
  });

  it('reads "SURNAME, Given names" in natural order', () => {
    expect(texts('KAMMOUN, MEHDI BEN MOHAMED')).toEqual(['mehdi', 'ben', 'mohamed', 'kammoun']);
  });

  it('pairs a familiar form of a given name with the full form', () => {
    expect(similarity('Ted Doe', 'Theodore Doe')).toBeGreaterThan(0.9);
    expect(similarity('Bob Smith', 'Robert Smith')).toBeGreaterThan(0.9);
    expect(similarity('Ted Doe', 'Robert Doe')).toBeLessThan(0.8);
  });

  it('never lets a name written only in initials agree strongly with a full name', () => {
    expect(similarity('J. S.', 'John Smith')).toBeLessThanOrEqual(0.6);
  });

  it('rates two swapped neighbouring letters above a changed letter', () => {
    expect(similarity('Jamli Okoro', 'Jamil Okoro')).toBeGreaterThan(
      similarity('Jamal Okoro', 'Jamil Okoro'),
    );
  });
});
