import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { TFunction } from 'i18next';
import {
  type ExpressionSpecification,
  type LngLatLike,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { type County, localName, type Port } from '../../api/types.js';
import { currentLanguage } from '../../i18n/i18n.js';
import {
  COUNTY_FILL_COLOUR,
  PORT_STATUS_COLOURS,
  type PortStatus,
  RISK_FILL_COLOURS,
} from './port-status.js';

// Bundled, the worker cannot be found next to maplibre's own module, so point it at the emitted file.
setWorkerUrl(maplibreWorkerUrl);

interface BorderMapProps {
  readonly ports: readonly Port[];
  readonly counties: readonly County[];
  /** Each port's status and each county's risk level on the day shown; absent ones draw as unknown. */
  readonly picture: BorderPicture;
  readonly label: string;
}

/** What the situation module reports for the day: port statuses and county risk levels by code. */
export interface BorderPicture {
  readonly portStatus: ReadonlyMap<string, PortStatus>;
  readonly countyRisk: ReadonlyMap<string, string>;
}

type MapState = 'loading' | 'ready' | 'noWebgl' | 'failed';

interface PortProperties {
  readonly code: string;
  readonly status: PortStatus;
}

function portFeatures(
  ports: readonly Port[],
  statuses: ReadonlyMap<string, PortStatus>,
): FeatureCollection<Point, PortProperties> {
  return {
    type: 'FeatureCollection',
    features: ports.flatMap((port) =>
      port.lon == null || port.lat == null
        ? []
        : [
            {
              type: 'Feature' as const,
              geometry: { type: 'Point' as const, coordinates: [port.lon, port.lat] },
              properties: { code: port.code, status: statuses.get(port.code) ?? 'unknown' },
            },
          ],
    ),
  };
}

function countyFeatures(
  counties: readonly County[],
  risks: ReadonlyMap<string, string>,
): FeatureCollection<Geometry, { code: string; risk: string }> {
  return {
    type: 'FeatureCollection',
    features: counties.flatMap((county) =>
      county.geometry
        ? [
            {
              type: 'Feature' as const,
              geometry: county.geometry,
              properties: { code: county.code, risk: risks.get(county.code) ?? 'unknown' },
            },
          ]
        : [],
    ),
  };
}

const riskColour: ExpressionSpecification = [
  'match',
  ['get', 'risk'],
  'low',
  RISK_FILL_COLOURS.low,
  'medium',
  RISK_FILL_COLOURS.medium,
  'high',
  RISK_FILL_COLOURS.high,
  COUNTY_FILL_COLOUR,
];

async function fetchCountries(): Promise<FeatureCollection> {
  const response = await fetch(countriesUrl);
  if (!response.ok) throw new Error(`Natural Earth countries: HTTP ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries) as FeatureCollection;
}

// The base map never changes while the app runs: fetch and convert it once, not on every visit to home.
let countries: Promise<FeatureCollection> | null = null;

/** The Natural Earth countries, fetched and converted once per page load. */
export function loadCountries(): Promise<FeatureCollection> {
  countries ??= fetchCountries().catch((error: unknown) => {
    countries = null;
    throw error;
  });
  return countries;
}

/** The [west, south, east, north] box around every coordinate in the collections, or null when empty. */
function boundsOf(collections: readonly FeatureCollection[]): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  const visit = (coordinates: unknown) => {
    if (!Array.isArray(coordinates)) return;
    const [lon, lat] = coordinates;
    if (typeof lon === 'number' && typeof lat === 'number') {
      box = box
        ? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)]
        : [lon, lat, lon, lat];
      return;
    }
    for (const inner of coordinates) visit(inner);
  };
  for (const collection of collections) {
    for (const item of collection.features)
      if ('coordinates' in item.geometry) visit(item.geometry.coordinates);
  }
  return box;
}

const statusColour: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  'open',
  PORT_STATUS_COLOURS.open,
  'cargo_only',
  PORT_STATUS_COLOURS.cargo_only,
  'passengers_restricted',
  PORT_STATUS_COLOURS.passengers_restricted,
  'closed',
  PORT_STATUS_COLOURS.closed,
  PORT_STATUS_COLOURS.unknown,
];

function styleFor(countries: FeatureCollection, ports: FeatureCollection, counties: FeatureCollection) {
  const style: StyleSpecification = {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: countries, attribution: 'Natural Earth' },
      counties: { type: 'geojson', data: counties },
      ports: { type: 'geojson', data: ports },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#d6e6f2' } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f6f3ec' } },
      {
        id: 'counties-fill',
        type: 'fill',
        source: 'counties',
        paint: { 'fill-color': riskColour, 'fill-opacity': 0.45 },
      },
      {
        id: 'counties-line',
        type: 'line',
        source: 'counties',
        paint: { 'line-color': '#4a5661', 'line-width': 0.8 },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': '#5b534a', 'line-width': 1.2 },
      },
      {
        id: 'ports',
        type: 'circle',
        source: 'ports',
        paint: {
          'circle-radius': 6,
          'circle-color': statusColour,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  };
  return style;
}

/** MapLibre's own control labels, in the UI language (it reads them once, when the map is built). */
export function mapLocale(t: TFunction): Record<string, string> {
  return {
    'Map.Title': t('home.map.canvas'),
    'NavigationControl.ZoomIn': t('home.map.zoomIn'),
    'NavigationControl.ZoomOut': t('home.map.zoomOut'),
    'NavigationControl.ResetBearing': t('home.map.resetBearing'),
    'Popup.Close': t('home.map.closePopup'),
    'AttributionControl.ToggleAttribution': t('home.map.toggleAttribution'),
  };
}

interface Camera {
  readonly center: LngLatLike;
  readonly zoom: number;
}

/** Whether the browser can give MapLibre a WebGL context at all; without one the constructor throws. */
export function hasWebgl(): boolean {
  const canvas = document.createElement('canvas');
  return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
}

/** The offline border map: Natural Earth countries, border counties with geometry, ports coloured by status. */
export default function BorderMap({ ports, counties, picture, label }: BorderMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  const portsByCode = useRef(new Map<string, Port>());
  // A language switch gives a new `t` and rebuilds the map for its control labels; the view stays put.
  const camera = useRef<Camera | null>(null);
  const [state, setState] = useState<MapState>('loading');

  useEffect(() => {
    portsByCode.current = new Map(ports.map((port) => [port.code, port]));
  }, [ports]);

  useEffect(() => {
    if (!container.current) return;
    if (!hasWebgl()) {
      setState('noWebgl');
      return;
    }
    const element = container.current;
    setState('loading');
    let map: MapLibreMap | null = null;
    let cancelled = false;
    loadCountries().then(
      (base) => {
        if (cancelled) return;
        const portCollection = portFeatures(ports, picture.portStatus);
        const countyCollection = countyFeatures(counties, picture.countyRisk);
        const bounds = boundsOf([portCollection, countyCollection]);
        const view = camera.current;
        map = new MapLibreMap({
          container: element,
          style: styleFor(base, portCollection, countyCollection),
          center: view?.center ?? [105, 42],
          zoom: view?.zoom ?? 2.5,
          attributionControl: { compact: true },
          locale: mapLocale(t),
        });
        map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
        map.on('load', () => {
          if (bounds && !view) map?.fitBounds(bounds, { padding: 48, maxZoom: 7, duration: 0 });
          setState('ready');
        });
        map.on('moveend', () => {
          if (map) camera.current = { center: map.getCenter(), zoom: map.getZoom() };
        });
        map.on('error', (event) => {
          console.error('Map error', event.error);
          setState('failed');
        });
        map.on('click', 'ports', (event) => {
          const code = event.features?.[0]?.properties?.code;
          const port = typeof code === 'string' ? portsByCode.current.get(code) : undefined;
          if (!port || !map) return;
          new Popup({ closeButton: true })
            .setLngLat(event.lngLat)
            .setText(`${localName(port.names, currentLanguage(), port.code)} (${port.code})`)
            .addTo(map);
        });
        map.on('mouseenter', 'ports', () => map?.getCanvas().style.setProperty('cursor', 'pointer'));
        map.on('mouseleave', 'ports', () => map?.getCanvas().style.removeProperty('cursor'));
      },
      (error: unknown) => {
        console.error('Map data failed to load', error);
        if (!cancelled) setState('failed');
      },
    );
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [ports, counties, picture, t]);

  return (
    <div className="map-frame">
      <section ref={container} className="map" aria-label={label} data-state={state} />
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
