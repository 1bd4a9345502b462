import type { NotificationType } from './body-schemas.js';

/** The types whose bodies name persons: encrypted to each recipient and purged when their retention ends. */
export const PERSONAL_DATA_TYPES = [
  'persons.movement',
  'watchlist.share',
  'hit.notice',
  'handover.request',
] as const satisfies readonly NotificationType[];
export type PersonalDataType = (typeof PERSONAL_DATA_TYPES)[number];

/**
 * Default retention of the personal data in each type, in days. Movements and shared watchlist entries serve
 * screening over a 14-day incubation window, so twice that is kept; hits and handovers back follow-up
 * (replies, health checks, joint statistics) and live longer. Watchlist entries also end at their `validUntil`.
 */
export const PERSONAL_DATA_RETENTION_DAYS: Readonly<Record<PersonalDataType, number>> = Object.freeze({
  'persons.movement': 28,
  'watchlist.share': 28,
  'hit.notice': 90,
  'handover.request': 180,
});

/** True when bodies of this type carry personal data. */
export const isPersonalDataType = (type: NotificationType): type is PersonalDataType =>
  (PERSONAL_DATA_TYPES as readonly NotificationType[]).includes(type);

/** Days the personal data of a type is kept, or `null` when the type carries none and no purge applies. */
export const personalDataRetentionDays = (type: NotificationType): number | null =>
  isPersonalDataType(type) ? PERSONAL_DATA_RETENTION_DAYS[type] : null;
