import { type NormalisedName, normaliseName } from './normalise.js';
import { type AlignedPart, compareNames, type NameComparison, withinOneEdit } from './similarity.js';
import type {
  Agreement,
  CrossingIdentity,
  EvidenceReason,
  FieldEvidence,
  MatchScore,
  MatchThresholds,
  Sex,
  Verdict,
  WatchlistIdentity,
} from './types.js';

/** Thresholds used when the caller gives none; chosen on the generated development set. */
export const DEFAULT_THRESHOLDS: MatchThresholds = Object.freeze({ hit: 0.9, possible: 0.8 });

/** Verdict for a score under the given thresholds. */
export const verdictOf = (score: number, thresholds: MatchThresholds = DEFAULT_THRESHOLDS): Verdict =>
  score >= thresholds.hit ? 'hit' : score >= thresholds.possible ? 'possible' : 'clear';

/** A date of birth, possibly partial. */
export interface BirthDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** An identity with its names, dates and numbers already in comparable form. */
export interface PreparedIdentity {
  readonly id: string;
  readonly names: readonly NormalisedName[];
  readonly birth?: BirthDate;
  readonly nationality?: string;
  readonly sex?: Sex;
  readonly document?: { readonly plain: string; readonly folded: string };
}

/** Reads 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; anything else (or an impossible month/day) counts as unknown. */
export const parseBirthDate = (text: string | undefined): BirthDate | undefined => {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  return { year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
};

/** Characters OCR confuses in machine-readable zones, each folded onto the digit it is mistaken for. */
const OCR_FOLD: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  B: '8',
  S: '5',
  Z: '2',
  G: '6',
};

/** Document number in upper-case letters and digits only. */
export const plainDocumentNumber = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Document number with OCR-confusable characters folded together (O/0, I/1, B/8, S/5, Z/2...). */
export const foldDocumentNumber = (text: string): string =>
  plainDocumentNumber(text).replace(/[OQDILBSZG]/g, (ch) => OCR_FOLD[ch] ?? ch);

const nameOf = (surname: string | undefined, givenNames: string | undefined): string =>
  [givenNames, surname].filter((part) => part?.trim()).join(' ');

/** Normalises every field the scorer reads, once, so screening compares prepared forms only. */
export const prepareIdentity = (identity: WatchlistIdentity | CrossingIdentity): PreparedIdentity =>
  withPreparedFields(identity, prepareNames(identity));

/** The normalised names of an identity: its full name, its name in its own script and its aliases. */
export const prepareNames = (identity: WatchlistIdentity | CrossingIdentity): readonly NormalisedName[] => {
  const texts = [nameOf(identity.surname, identity.givenNames), identity.nativeName ?? ''];
  if ('aliases' in identity && identity.aliases) texts.push(...identity.aliases);
  return texts
    .filter((text) => text.trim())
    .map(normaliseName)
    .filter((name) => name.tokens.length > 0);
};

/** The identity prepared with the names given (see prepareNames) and its other fields read. */
export const withPreparedFields = (
  identity: WatchlistIdentity | CrossingIdentity,
  names: readonly NormalisedName[],
): PreparedIdentity => {
  const plain = identity.documentNumber ? plainDocumentNumber(identity.documentNumber) : '';
  const birth = parseBirthDate(identity.birthDate);
  return {
    id: identity.id,
    names,
    ...(birth ? { birth } : {}),
    ...(identity.nationality ? { nationality: identity.nationality.trim().toUpperCase() } : {}),
    ...(identity.sex ? { sex: identity.sex } : {}),
    ...(plain ? { document: { plain, folded: foldDocumentNumber(plain) } } : {}),
  };
};

const evidence = (
  field: FieldEvidence['field'],
  agreement: Agreement,
  weight: number,
  detail: string,
  reason: EvidenceReason,
  values?: FieldEvidence['values'],
): FieldEvidence =>
  values
    ? { field, agreement, weight, detail, reason, values }
    : { field, agreement, weight, detail, reason };

const NO_AGREEMENT: NameComparison = { score: 0, pairs: [] };
const readsTheSame = (pair: AlignedPart): boolean => pair.query === pair.entry;
const describePair = (pair: AlignedPart): string =>
  `${pair.query}~${pair.entry} ${pair.similarity.toFixed(2)}`;

const nameEvidence = (query: PreparedIdentity, entry: PreparedIdentity): FieldEvidence => {
  if (query.names.length === 0 || entry.names.length === 0)
    return evidence('name', 'missing', 0, 'no name', 'no_name');
  let best: NameComparison = NO_AGREEMENT;
  for (const q of query.names) {
    for (const e of entry.names) {
      const comparison = compareNames(q, e);
      if (comparison.score > best.score) best = comparison;
      if (best.score === 1) break;
    }
  }
  const score = Math.round(best.score * 1000) / 1000;
  // exact only when the parts read the same: PETROVV sounds as PETROV, which is strong, not exact
  const samePartsText = best.pairs.every(readsTheSame);
  const agreement: Agreement =
    score >= 0.99 && samePartsText
      ? 'exact'
      : score >= 0.9
        ? 'strong'
        : score >= 0.7
          ? 'partial'
          : score >= 0.4
            ? 'none'
            : 'conflict';
  const detail = best.pairs.map(describePair).join(', ');
  // the pairs of name parts (LI~LEE 0.91) read the same in every language
  return detail
    ? evidence('name', agreement, score, detail, 'name_parts')
    : evidence('name', agreement, score, 'no name part agrees', 'no_name_part_agrees');
};

/**
 * Evidence that reads the same for every pair of records, made once and shared (nothing changes evidence once
 * made): the fields of each candidate are weighed before any is scored, and most need no object of their own.
 */
const fixed = (
  field: FieldEvidence['field'],
  agreement: Agreement,
  weight: number,
  detail: string,
  reason: EvidenceReason,
) => Object.freeze(evidence(field, agreement, weight, detail, reason));

const DOCUMENT = {
  missing: fixed('documentNumber', 'missing', 0, 'not on both records', 'not_on_both'),
  same: fixed('documentNumber', 'exact', 0.3, 'same number', 'same_number'),
  sameUpToOcr: fixed('documentNumber', 'strong', 0.27, 'same number up to OCR confusions', 'same_number_ocr'),
  oneEditApart: fixed(
    'documentNumber',
    'partial',
    0.12,
    'one character differs or two are swapped',
    'one_edit_apart',
  ),
  // people hold several documents, so a different number is weak evidence against
  different: fixed('documentNumber', 'conflict', -0.05, 'different numbers', 'different_numbers'),
};

const documentEvidence = (query: PreparedIdentity, entry: PreparedIdentity): FieldEvidence => {
  const q = query.document;
  const e = entry.document;
  if (!q || !e) return DOCUMENT.missing;
  if (q.plain === e.plain) return DOCUMENT.same;
  if (q.folded === e.folded) return DOCUMENT.sameUpToOcr;
  if (q.folded.length >= 6 && withinOneEdit(q.folded, e.folded)) return DOCUMENT.oneEditApart;
  return DOCUMENT.different;
};

const differInOneDigit = (a: number, b: number): boolean => {
  const x = String(a);
  const y = String(b);
  if (x.length !== y.length) return false;
  let differing = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differing++;
  return differing === 1;
};

const BIRTH = {
  missing: fixed('birthDate', 'missing', 0, 'not on both records', 'not_on_both'),
  yearMistyped: fixed(
    'birthDate',
    'none',
    -0.02,
    'same day and month, one digit of the year differs',
    'year_mistyped',
  ),
  differentDates: fixed('birthDate', 'conflict', -0.1, 'different dates', 'different_dates'),
  yearsOneApart: fixed('birthDate', 'none', -0.04, 'years one apart', 'years_one_apart'),
  differentYears: fixed('birthDate', 'conflict', -0.12, 'different years', 'different_years'),
  sameYear: fixed('birthDate', 'partial', 0.04, 'same year', 'same_year'),
  sameMonth: fixed('birthDate', 'partial', 0.05, 'same month', 'same_month'),
  sameDate: fixed('birthDate', 'exact', 0.1, 'same date', 'same_date'),
  sameMonthOtherDay: fixed('birthDate', 'none', -0.03, 'same month, different day', 'same_month_other_day'),
  swapped: fixed('birthDate', 'strong', 0.07, 'day and month swapped', 'day_month_swapped'),
  differentMonths: fixed('birthDate', 'conflict', -0.1, 'same year, different month', 'different_months'),
};

const birthEvidence = (query: PreparedIdentity, entry: PreparedIdentity): FieldEvidence => {
  const q = query.birth;
  const e = entry.birth;
  if (!q || !e) return BIRTH.missing;
  if (q.year !== e.year) {
    const apart = Math.abs(q.year - e.year);
    const fullDates = q.day !== undefined && e.day !== undefined;
    const sameDay = fullDates && q.month === e.month && q.day === e.day;
    // one mistyped digit of the year (1967/1957, 1960/1969) beside the same day and month is a data-entry error,
    // not another person: with the year alone it could be either, so only a full date earns this
    if (sameDay && differInOneDigit(q.year, e.year)) return BIRTH.yearMistyped;
    // two full dates that differ in day and month as well speak against one person however close the years, as
    // much as a different month of one year does (an estimated year comes without a day, or on the same one)
    if (fullDates && !sameDay) return BIRTH.differentDates;
    if (apart === 1) return BIRTH.yearsOneApart;
    // watchlists often record several estimated years for one person: a few years apart is weak evidence against
    if (apart <= 5)
      return evidence('birthDate', 'conflict', -0.07, `years ${apart} apart`, 'years_apart', { apart });
    return BIRTH.differentYears;
  }
  if (q.month === undefined || e.month === undefined) return BIRTH.sameYear;
  if (q.month === e.month) {
    if (q.day === undefined || e.day === undefined) return BIRTH.sameMonth;
    if (q.day === e.day) return BIRTH.sameDate;
    return BIRTH.sameMonthOtherDay;
  }
  if (q.day !== undefined && q.day === e.month && q.month === e.day) return BIRTH.swapped;
  return BIRTH.differentMonths;
};

const NATIONALITY = {
  missing: fixed('nationality', 'missing', 0, 'not on both records', 'not_on_both'),
  same: fixed('nationality', 'exact', 0.02, 'same', 'same'),
};

const nationalityEvidence = (query: PreparedIdentity, entry: PreparedIdentity): FieldEvidence => {
  if (!query.nationality || !entry.nationality) return NATIONALITY.missing;
  if (query.nationality === entry.nationality) return NATIONALITY.same;
  // nationality changes and dual nationals are common: weak evidence against
  const [traveller, listed] = [query.nationality, entry.nationality];
  return evidence('nationality', 'conflict', -0.04, `${traveller} vs ${listed}`, 'different_states', {
    traveller,
    listed,
  });
};

const SEX = {
  missing: fixed('sex', 'missing', 0, 'not on both records', 'not_on_both'),
  unspecified: fixed('sex', 'none', 0, 'unspecified on one record', 'unspecified_on_one'),
  same: fixed('sex', 'exact', 0.01, 'same', 'same'),
};

const sexEvidence = (query: PreparedIdentity, entry: PreparedIdentity): FieldEvidence => {
  if (!query.sex || !entry.sex) return SEX.missing;
  if (query.sex === 'X' || entry.sex === 'X') return SEX.unspecified;
  if (query.sex === entry.sex) return SEX.same;
  // documents rarely get sex wrong, and a name's female and male forms (Ivanova, Ivanov) belong to two people
  const [traveller, listed] = [query.sex, entry.sex];
  return evidence('sex', 'conflict', -0.15, `${traveller} vs ${listed}`, 'different_sexes', {
    traveller,
    listed,
  });
};

/**
 * The evidence of every field but the name, in explanation order. It is cheap (no name comparison), and since
 * names add at most 1 it bounds what an entry can score (see scoreCeiling).
 */
export const otherEvidence = (query: PreparedIdentity, entry: PreparedIdentity): FieldEvidence[] => [
  documentEvidence(query, entry),
  birthEvidence(query, entry),
  nationalityEvidence(query, entry),
  sexEvidence(query, entry),
];

/** Scores two prepared identities whose other fields' evidence (`otherEvidence`) is already known. */
export const scoreWithOthers = (
  query: PreparedIdentity,
  entry: PreparedIdentity,
  others: readonly FieldEvidence[],
): MatchScore => {
  const name = nameEvidence(query, entry);
  let raw = name.weight;
  for (const field of others) raw += field.weight;
  const floor = documentFloor(name, others);
  if (floor === undefined || raw >= floor) return { score: rounded(raw), explanation: [name, ...others] };
  // the document number lifts the score: its evidence says so and carries the weight it added
  const explanation = [
    name,
    ...others.map(
      (field): FieldEvidence =>
        field.field === 'documentNumber'
          ? {
              ...field,
              weight: field.weight + floor - raw,
              detail: `${field.detail}: identifies the traveller`,
              reason:
                field.reason === 'same_number' ? 'same_number_identifies' : 'same_number_ocr_identifies',
            }
          : field,
    ),
  ];
  return { score: rounded(floor), explanation };
};

const rounded = (raw: number): number => Math.round(Math.min(1, Math.max(0, raw)) * 1000) / 1000;

/**
 * The least a document number makes of a match: a passport number identifies its holder, so the same number
 * with no other field against it is a hit when the dates of birth agree too (even under another name: an alias,
 * a new spelling) or the names cannot be compared (an entry listing only the number), and at least a possible
 * match when the names share a part. Undefined when the number does not decide, or another field speaks
 * against it.
 */
/** A name score this high means at least one part agrees (a surname alone scores about a third). */
const SHARED_NAME_PART = 0.25;

const isDocument = (field: FieldEvidence): boolean => field.field === 'documentNumber';
const isBirthDate = (field: FieldEvidence): boolean => field.field === 'birthDate';
const isConflict = (field: FieldEvidence): boolean => field.agreement === 'conflict';

const documentFloor = (name: FieldEvidence, others: readonly FieldEvidence[]): number | undefined => {
  const document = others.find(isDocument);
  if (document?.agreement !== 'exact' && document?.agreement !== 'strong') return undefined;
  if (others.some(isConflict)) return undefined;
  const exact = document.agreement === 'exact';
  const birth = others.find(isBirthDate);
  if (exact && birth?.agreement === 'exact') return DEFAULT_THRESHOLDS.hit;
  if (name.agreement === 'missing') return exact ? DEFAULT_THRESHOLDS.hit : DEFAULT_THRESHOLDS.possible;
  // names with no part in common are another person's, whose number was reused or mistyped
  return name.weight >= SHARED_NAME_PART ? DEFAULT_THRESHOLDS.possible : undefined;
};

/** Scores how likely two prepared identities are the same person, field by field. */
export const scorePrepared = (query: PreparedIdentity, entry: PreparedIdentity): MatchScore =>
  scoreWithOthers(query, entry, otherEvidence(query, entry));

/** Scores a crossing against one watchlist identity (0..1, with the evidence per field). */
export const scoreMatch = (crossing: CrossingIdentity, entry: WatchlistIdentity): MatchScore =>
  scorePrepared(prepareIdentity(crossing), prepareIdentity(entry));
