export { type NameToken, type NormalisedName, normaliseName, skeletonOf } from './normalise.js';
export {
  type BirthDate,
  DEFAULT_THRESHOLDS,
  foldDocumentNumber,
  type PreparedIdentity,
  parseBirthDate,
  prepareIdentity,
  scoreMatch,
  scorePrepared,
  verdictOf,
} from './score.js';
export {
  type CsvRowError,
  type CsvSource,
  type MrzParseResult,
  type MrzParser,
  type ScreenCsvOptions,
  type ScreenedCrossing,
  screenCsv,
} from './screen-csv.js';
export { compareNames, jaroWinkler, type NameComparison } from './similarity.js';
export { transliterate } from './transliterate.js';
export {
  type Agreement,
  type CrossingIdentity,
  EVIDENCE_REASONS,
  type EvidenceReason,
  type FieldEvidence,
  type MatchField,
  type MatchScore,
  type MatchThresholds,
  type Sex,
  type Verdict,
  type WatchlistIdentity,
} from './types.js';
export {
  createWatchlistIndex,
  type InForce,
  type ScreeningCandidate,
  type ScreeningResult,
  screenBruteForce,
  type WatchlistIndex,
  type WatchlistIndexOptions,
} from './watchlist-index.js';
