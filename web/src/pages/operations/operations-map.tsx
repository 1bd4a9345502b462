import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  type GeoJSONSource,
  Map as MapLibreMap,
  NavigationControl,
  type StyleSpecification,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../api/operations.js';
import { hasWebgl, loadCountries, mapLocale } from '../home/border-map.js';

export interface MapPoint {
  readonly lon: number;
  readonly lat: number;
}

interface OperationsMapProps {
  /** Interceptions or check-ins, drawn as red dots. */
  readonly points: readonly MapPoint[];
  /** A patrol route, drawn as a line through its numbered points. */
  readonly route: readonly Position[];
  /** Agreed meeting points (border markers), drawn as amber rings. */
  readonly meetingPoints?: readonly Position[];
  readonly label: string;
  /** When given, a click on the map picks that position (route drawing). */
  readonly onPick?: (position: Position) => void;
}

type MapState = 'loading' | 'ready' | 'noWebgl' | 'failed';

const pointFeature = (position: Position) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [...position] },
  properties: {},
});

function collections(
  points: readonly MapPoint[],
  route: readonly Position[],
  meetingPoints: readonly Position[],
) {
  const dots: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: points.map((point) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
      properties: {},
    })),
  };
  const line: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: [
      ...(route.length >= 2
        ? [
            {
              type: 'Feature' as const,
              geometry: { type: 'LineString' as const, coordinates: route.map((p) => [...p]) },
              properties: {},
            },
          ]
        : []),
      ...route.map(pointFeature),
    ],
  };
  const meetings: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: meetingPoints.map(pointFeature),
  };
  return { dots, line, meetings };
}

function styleFor(countries: FeatureCollection): StyleSpecification {
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: countries, attribution: 'Natural Earth' },
      dots: { type: 'geojson', data: empty },
      route: { type: 'geojson', data: empty },
      meetings: { type: 'geojson', data: empty },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#d6e6f2' } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f6f3ec' } },
      {
        id: 'borders',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': '#5b534a', 'line-width': 1.2 },
      },
      {
        id: 'route-line',
        type: 'line',
        source: 'route',
        filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': '#14508c', 'line-width': 3 },
      },
      {
        id: 'route-points',
        type: 'circle',
        source: 'route',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': 5,
          'circle-color': '#14508c',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: 'meetings',
        type: 'circle',
        source: 'meetings',
        paint: {
          'circle-radius': 8,
          'circle-color': '#f2b705',
          'circle-stroke-color': '#3d2e00',
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'dots',
        type: 'circle',
        source: 'dots',
        paint: {
          'circle-radius': 6,
          'circle-color': '#b3261e',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  };
}

interface Drawing {
  readonly points: readonly MapPoint[];
  readonly route: readonly Position[];
  readonly meetingPoints: readonly Position[];
}

/** Puts the points, the route and the meeting points into their sources; a failed update leaves the previous drawing. */
function showOnMap(map: MapLibreMap, drawing: Drawing): void {
  const { dots, line, meetings } = collections(drawing.points, drawing.route, drawing.meetingPoints);
  for (const [id, data] of [
    ['dots', dots],
    ['route', line],
    ['meetings', meetings],
  ] as const) {
    (map.getSource(id) as GeoJSONSource | undefined)
      ?.setData(data)
      .catch((error: unknown) => console.error('Map data update failed', error));
  }
}

/** The box around the given positions, padded so a single point still shows its surroundings. */
function boundsOf(positions: readonly Position[]): [number, number, number, number] | null {
  if (positions.length === 0) return null;
  const lons = positions.map(([lon]) => lon);
  const lats = positions.map(([, lat]) => lat);
  const pad = 0.2;
  return [Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad];
}

const NO_MEETING_POINTS: readonly Position[] = [];

/** The offline border map for operations: interceptions as dots, a patrol route as a line, clicks pick points. */
export default function OperationsMap({
  points,
  route,
  meetingPoints = NO_MEETING_POINTS,
  label,
  onPick,
}: OperationsMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const shown = useRef<Drawing>({ points, route, meetingPoints });
  shown.current = { points, route, meetingPoints };
  const [state, setState] = useState<MapState>('loading');

  // Built once per language (for the control labels); data updates go through showOnMap below.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    if (!hasWebgl()) {
      setState('noWebgl');
      return;
    }
    let cancelled = false;
    loadCountries().then(
      (countries) => {
        if (cancelled) return;
        const initial = shown.current;
        const bounds = boundsOf([
          ...initial.route,
          ...initial.meetingPoints,
          ...initial.points.map((p): Position => [p.lon, p.lat]),
        ]);
        const built = new MapLibreMap({
          container: element,
          style: styleFor(countries),
          center: [111.95, 43.65],
          zoom: 6,
          attributionControl: { compact: true },
          locale: mapLocale(t),
        });
        built.addControl(new NavigationControl({ showCompass: false }), 'top-right');
        built.on('load', () => {
          if (bounds) built.fitBounds(bounds, { padding: 32, maxZoom: 9, duration: 0 });
          map.current = built;
          showOnMap(built, shown.current);
          setState('ready');
        });
        built.on('error', (event) => {
          console.error('Map error', event.error);
          setState('failed');
        });
        built.on('click', (event) => {
          const round = (value: number) => Math.round(value * 10_000) / 10_000;
          pick.current?.([round(event.lngLat.lng), round(event.lngLat.lat)]);
        });
        if (pick.current) built.getCanvas().style.setProperty('cursor', 'crosshair');
      },
      (error: unknown) => {
        console.error('Map data failed to load', error);
        if (!cancelled) setState('failed');
      },
    );
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
  }, [t]);

  useEffect(() => {
    if (map.current) showOnMap(map.current, { points, route, meetingPoints });
  }, [points, route, meetingPoints]);

  return (
    <div className="map-frame">
      <section ref={container} className="map operations-map" aria-label={label} data-state={state} />
      {state !== 'ready' && (
        <p className="map-overlay" role="status">
          {state === 'loading' && t('home.map.loading')}
          {state === 'noWebgl' && t('home.map.noWebgl')}
          {state === 'failed' && t('home.map.failed')}
        </p>
      )}
    </div>
  );
}
