import type { Position } from '../../api/operations.js';

/**
 * A position typed as "latitude, longitude" (the order officers read off a map or a GPS) as the API's
 * [lon, lat]; null when it is not two numbers within range.
 */
export function parsePosition(text: string): Position | null {
  const parts = text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number);
  const [lat, lon] = parts;
  if (parts.length !== 2 || lat === undefined || lon === undefined) return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  return [lon, lat];
}

/** A [lon, lat] position as the "latitude, longitude" text officers type and read. */
export function positionText([lon, lat]: Position, digits = 4): string {
  return `${lat.toFixed(digits)}, ${lon.toFixed(digits)}`;
}
