import { invalid } from '../../core/errors.js';
import type { Geometry } from './directory.schema.js';

type Position = [number, number];

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    value[0] >= -180 &&
    value[0] <= 180 &&
    value[1] >= -90 &&
    value[1] <= 90
  );
}

/** Nesting depth of positions for each geometry type (Point = 0: the coordinates are one position). */
const DEPTH: Record<Geometry['type'], number> = {
  Point: 0,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function collectPositions(value: unknown, depth: number, path: string, out: Position[]): void {
  if (depth === 0) {
    if (!isPosition(value)) {
      throw invalid('directory.bad_geometry', `${path} is not a [longitude, latitude] pair within range`, {
        field: 'geometry',
      });
    }
    out.push(value);
    return;
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw invalid('directory.bad_geometry', `${path} must be a non-empty array`, { field: 'geometry' });
  }
  value.forEach((child, i) => {
    collectPositions(child, depth - 1, `${path}[${i}]`, out);
  });
}

/** Checks a GeoJSON geometry's nesting and coordinate ranges and returns its positions. */
export function geometryPositions(geometry: Geometry): Position[] {
  const positions: Position[] = [];
  collectPositions(geometry.coordinates, DEPTH[geometry.type], 'geometry.coordinates', positions);
  return positions;
}

export function boundingBox(geometry: Geometry): BoundingBox {
  const positions = geometryPositions(geometry);
  const box = { minLon: 180, minLat: 90, maxLon: -180, maxLat: -90 };
  for (const [lon, lat] of positions) {
    box.minLon = Math.min(box.minLon, lon);
    box.maxLon = Math.max(box.maxLon, lon);
    box.minLat = Math.min(box.minLat, lat);
    box.maxLat = Math.max(box.maxLat, lat);
  }
  return box;
}

function ringContains(ring: Position[], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygonContains(rings: Position[][], lon: number, lat: number): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !ringContains(outer, lon, lat)) return false;
  return !holes.some((hole) => ringContains(hole, lon, lat));
}

/** Whether a (Multi)Polygon contains the point; other geometry types contain nothing. */
export function containsPoint(geometry: Geometry, lon: number, lat: number): boolean {
  if (geometry.type === 'Polygon') return polygonContains(geometry.coordinates as Position[][], lon, lat);
  if (geometry.type === 'MultiPolygon') {
    return (geometry.coordinates as Position[][][]).some((polygon) => polygonContains(polygon, lon, lat));
  }
  return false;
}

const EARTH_RADIUS_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres. */
export function distanceKm(a: Position, b: Position): number {
  const dLat = radians(b[1] - a[1]);
  const dLon = radians(b[0] - a[0]);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a[1])) * Math.cos(radians(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}
