import { v7 } from 'uuid';

/** A new time-ordered identifier (UUIDv7), so ids sort by creation time. */
export const newId = (): string => v7();

export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** The current instant as an ISO-8601 UTC string: every stored instant uses this fixed-width form. */
export const nowIso = (): string => new Date().toISOString();
