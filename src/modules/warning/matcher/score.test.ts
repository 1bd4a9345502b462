import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, foldDocumentNumber, parseBirthDate, scoreMatch, verdictOf } from './score.js';
import type { CrossingIdentity, MatchField, WatchlistIdentity } from './types.js';

const buildEntry = (overrides: Partial<WatchlistIdentity> = {}): WatchlistIdentity => ({
  id: 'entry-1',
  surname: 'Ivanov',
  givenNames: 'Sergei',
  sex: 'M',
  birthDate: '1980-03-14',
  nationality: 'RUS',
  documentNumber: 'AB1234567',
  ...overrides,
});
const buildCrossing = (overrides: Partial<CrossingIdentity> = {}): CrossingIdentity => ({
  ...buildEntry(),
  id: 'c-1',
  ...overrides,
});
const field = (crossing: CrossingIdentity, entry: WatchlistIdentity, name: MatchField) =>
  scoreMatch(crossing, entry).explanation.find((evidence) => evidence.field === name);

describe('scoreMatch', () => {
  it('explains every field with its agreement and weight', () => {
    const { score, explanation } = scoreMatch(buildCrossing(), buildEntry());
    expect(score).toBe(1);
    expect(explanation.map((e) => [e.field, e.agreement])).toEqual([
      ['name', 'exact'],
      ['documentNumber', 'exact'],
      ['birthDate', 'exact'],
      ['nationality', 'exact'],
      ['sex', 'exact'],
    ]);
  });

  it('calls names exact only when their parts read the same, however close they sound', () => {
    const sounding = field(buildCrossing({ surname: 'Ivanovv' }), buildEntry(), 'name');
    expect(sounding?.agreement).toBe('strong');
    expect(sounding?.weight).toBeGreaterThanOrEqual(0.9);
    expect(
      field(buildCrossing({ surname: 'IVANOV', givenNames: 'SERGEI' }), buildEntry(), 'name')?.agreement,
    ).toBe('exact');
  });

  it('marks fields absent on one side as missing with no weight', () => {
    const evidence = field(buildCrossing({ documentNumber: undefined }), buildEntry(), 'documentNumber');
    expect(evidence).toMatchObject({ agreement: 'missing', weight: 0 });
  });

  it('matches document numbers through OCR confusions and single transpositions', () => {
    expect(foldDocumentNumber('AB1234567')).toBe(foldDocumentNumber('A81Z34S67'));
    expect(
      field(buildCrossing({ documentNumber: 'A81Z34S67' }), buildEntry(), 'documentNumber')?.agreement,
    ).toBe('strong');
    expect(
      field(buildCrossing({ documentNumber: 'AB1243567' }), buildEntry(), 'documentNumber')?.agreement,
    ).toBe('partial');
    expect(
      field(buildCrossing({ documentNumber: 'XY9990001' }), buildEntry(), 'documentNumber')?.agreement,
    ).toBe('conflict');
  });

  it('reads one mistyped digit of the year beside the same day and month as a typing error, not a conflict', () => {
    const typo = field(buildCrossing({ birthDate: '1970-03-14' }), buildEntry(), 'birthDate');
    expect(typo?.agreement).toBe('none');
    expect(typo?.weight).toBeGreaterThan(-0.05);
    const yearOnly = field(
      buildCrossing({ birthDate: '1970' }),
      buildEntry({ birthDate: '1980' }),
      'birthDate',
    );
    expect(yearOnly?.agreement).toBe('conflict');
  });

  it('accepts partial dates of birth and swapped day and month', () => {
    expect(field(buildCrossing({ birthDate: '1980' }), buildEntry(), 'birthDate')?.agreement).toBe('partial');
    expect(field(buildCrossing({ birthDate: '1980-03' }), buildEntry(), 'birthDate')?.agreement).toBe(
      'partial',
    );
    expect(field(buildCrossing({ birthDate: '1980-14-03' }), buildEntry(), 'birthDate')?.agreement).toBe(
      'missing',
    );
    const swapped = field(
      buildCrossing({ birthDate: '1980-03-04' }),
      buildEntry({ birthDate: '1980-04-03' }),
      'birthDate',
    );
    expect(swapped?.agreement).toBe('strong');
    expect(field(buildCrossing({ birthDate: '1961-03-14' }), buildEntry(), 'birthDate')?.agreement).toBe(
      'conflict',
    );
  });

  it('weighs birth years a few apart less against a match than years far apart', () => {
    const exactName = { documentNumber: undefined, nationality: undefined, sex: undefined };
    const score = (birthDate: string) =>
      scoreMatch(buildCrossing({ ...exactName, birthDate }), buildEntry(exactName)).score;
    const fewApart = field(buildCrossing({ birthDate: '1977-03-14' }), buildEntry(), 'birthDate');
    expect(fewApart).toMatchObject({ agreement: 'conflict', detail: 'years 3 apart' });
    expect(score('1977-03-14')).toBeGreaterThan(score('1962-03-14'));
    expect(score('1962-03-14')).toBeLessThan(score('1980-03-14'));
    // an estimated year on a watchlist still leaves an exact name a hit
    expect(verdictOf(score('1977-03-14'))).toBe('hit');
  });

  it('uses sex and nationality as evidence, not as filters', () => {
    const nameAndSex = { documentNumber: undefined, birthDate: undefined, nationality: undefined };
    const differentSex = scoreMatch(buildCrossing({ ...nameAndSex, sex: 'F' }), buildEntry(nameAndSex));
    expect(differentSex.score).toBeGreaterThan(0.8);
    expect(differentSex.score).toBeLessThan(1);
    expect(field(buildCrossing({ nationality: 'KAZ' }), buildEntry(), 'nationality')?.agreement).toBe(
      'conflict',
    );
  });

  it('scores a Cyrillic crossing against a Latin entry as a hit', () => {
    const crossing = buildCrossing({
      surname: undefined,
      givenNames: undefined,
      nativeName: 'Сергей Иванов',
    });
    expect(verdictOf(scoreMatch(crossing, buildEntry()).score)).toBe('hit');
  });

  it('keeps a different person with a shared surname clear', () => {
    const crossing = buildCrossing({
      givenNames: 'Mikhail',
      birthDate: '1955-11-02',
      documentNumber: 'ZZ7654321',
    });
    expect(verdictOf(scoreMatch(crossing, buildEntry()).score)).toBe('clear');
  });
});

describe('parseBirthDate', () => {
  it('reads full and partial dates and refuses impossible ones', () => {
    expect(parseBirthDate('1980-03-14')).toEqual({ year: 1980, month: 3, day: 14 });
    expect(parseBirthDate('1980-03')).toEqual({ year: 1980, month: 3 });
    expect(parseBirthDate('1980')).toEqual({ year: 1980 });
    expect(parseBirthDate('1980-13-01')).toBeUndefined();
    expect(parseBirthDate('14/03/1980')).toBeUndefined();
  });
});

describe('verdictOf', () => {
  it('applies the hit and possible thresholds inclusively, with configurable limits', () => {
    expect(verdictOf(DEFAULT_THRESHOLDS.hit)).toBe('hit');
    expect(verdictOf(DEFAULT_THRESHOLDS.possible)).toBe('possible');
    expect(verdictOf(DEFAULT_THRESHOLDS.possible - 0.001)).toBe('clear');
    expect(verdictOf(0.7, { hit: 0.75, possible: 0.6 })).toBe('possible');
  });
});

describe('a document number as an identifier', () => {
  const verdict = (crossing: CrossingIdentity, entry: WatchlistIdentity) =>
    verdictOf(scoreMatch(crossing, entry).score);

  it('makes a hit of an entry that lists only the number', () => {
    const entry: WatchlistIdentity = { id: 'e', documentNumber: 'G55512345' };
    const { score, explanation } = scoreMatch(buildCrossing({ documentNumber: 'G55512345' }), entry);
    expect(verdictOf(score)).toBe('hit');
    const document = explanation.find((evidence) => evidence.field === 'documentNumber');
    expect(document?.detail).toMatch(/identifies the traveller/);
    // the explanation still adds up to the score
    expect(explanation.reduce((sum, evidence) => sum + evidence.weight, 0)).toBeCloseTo(score, 3);
  });

  it('makes a hit of the same number and date of birth whatever the given names, a possible match without the date', () => {
    const entry = buildEntry({ givenNames: 'Pavel' });
    expect(verdict(buildCrossing(), entry)).toBe('hit');
    const { birthDate: _unknown, ...undated } = buildEntry({ givenNames: 'Pavel' });
    expect(verdict(buildCrossing(), undated)).toBe('possible');
  });

  it('lifts nothing for names with no part in common', () => {
    const { birthDate: _unknown, ...undated } = buildEntry({ surname: 'Okafor', givenNames: 'Chidi' });
    expect(verdict(buildCrossing(), undated)).toBe('clear');
  });

  it('lifts nothing when another field speaks against the match', () => {
    const entry: WatchlistIdentity = { id: 'e', documentNumber: 'G55512345', sex: 'F' };
    expect(verdict(buildCrossing({ documentNumber: 'G55512345', sex: 'M' }), entry)).toBe('clear');
  });
});

describe('namesakes', () => {
  it('keeps two people with one name but different full dates of birth and passports below a hit', () => {
    const entry = buildEntry({
      surname: 'Zhang',
      givenNames: 'Wei',
      birthDate: '1985-03-12',
      documentNumber: 'E12345678',
      nationality: 'CHN',
    });
    const crossing = buildCrossing({
      surname: 'Zhang',
      givenNames: 'Wei',
      birthDate: '1986-07-01',
      documentNumber: 'G98765432',
      nationality: 'CHN',
    });
    expect(verdictOf(scoreMatch(crossing, entry).score)).not.toBe('hit');
  });

  it('keeps a woman and a man of one family below a hit', () => {
    const entry = buildEntry({
      surname: 'Ivanova',
      givenNames: 'Evgenia',
      sex: 'F',
      documentNumber: undefined,
    });
    const crossing = buildCrossing({
      surname: 'Ivanov',
      givenNames: 'Evgenii',
      sex: 'M',
      documentNumber: undefined,
    });
    expect(verdictOf(scoreMatch(crossing, entry).score)).not.toBe('hit');
  });

  it('still takes a one-digit slip in the year of an otherwise equal date as the same person', () => {
    expect(field(buildCrossing({ birthDate: '1981-03-14' }), buildEntry(), 'birthDate')?.agreement).toBe(
      'none',
    );
    expect(verdictOf(scoreMatch(buildCrossing({ birthDate: '1981-03-14' }), buildEntry()).score)).toBe('hit');
  });
});
