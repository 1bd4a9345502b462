export {
  addDays,
  COUNTY_DAY_COUNT_FIELDS,
  type CountyDay,
  type CountyDayCountField,
  daysBetween,
  isCalendarDate,
  newCases,
} from './county-day.js';
export { type CountyDayFigures, deriveCountySeries } from './derived-figures.js';
export {
  type RowError,
  SITUATION_CSV_COLUMNS,
  type SituationColumn,
  type SituationColumnKind,
  type SituationRowResult,
} from './import-columns.js';
export { parseSituationCsv } from './parse-csv.js';
export { parseSituationXlsx } from './parse-xlsx.js';
export {
  isStale,
  PORT_STATUSES,
  type PortMeasures,
  type PortStatus,
  type PortStatusVersion,
  portStatusAsOf,
  TEST_REQUIREMENTS,
  type TestRequirement,
} from './port-status.js';
export {
  DEFAULT_RISK_THRESHOLDS,
  RISK_LEVELS,
  type RiskChange,
  type RiskLevel,
  type RiskThresholds,
  riskChanges,
  riskLevel,
} from './risk-level.js';
export {
  DEFAULT_OUTLIER_FACTOR,
  hasErrors,
  type LocalisedText,
  type RuleSeverity,
  SITUATION_RULES,
  type SituationRule,
  type SituationRuleCode,
  type ValidationOptions,
  type Violation,
  validateCountyDay,
} from './validation.js';
