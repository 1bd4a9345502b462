import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { appendAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { inTransaction } from '../../core/db/transaction.js';
import { AppError, invalid } from '../../core/errors.js';
import { referenceDir } from '../../core/paths.js';
import { BorderSection, County, Pass, Port } from './directory.schema.js';
import { saveGeography, upsertCountry } from './directory.service.js';

interface ReferencePort {
  id: string;
  cn_port: string;
  cn_port_zh: string | null;
  neighbour_iso2: string;
  counterpart: string | null;
  mode: string | null;
  coordinates: { lat: number | null; lon: number | null } | null;
}

/** Names of the countries bordering China that the reference list uses, in our three languages. */
const COUNTRY_NAMES: Record<string, { alpha3: string; en: string; zh: string; ru: string }> = {
  CN: { alpha3: 'CHN', en: 'China', zh: '中国', ru: 'Китай' },
  RU: { alpha3: 'RUS', en: 'Russia', zh: '俄罗斯', ru: 'Россия' },
  MN: { alpha3: 'MNG', en: 'Mongolia', zh: '蒙古国', ru: 'Монголия' },
  KZ: { alpha3: 'KAZ', en: 'Kazakhstan', zh: '哈萨克斯坦', ru: 'Казахстан' },
  KG: { alpha3: 'KGZ', en: 'Kyrgyzstan', zh: '吉尔吉斯斯坦', ru: 'Киргизия' },
  TJ: { alpha3: 'TJK', en: 'Tajikistan', zh: '塔吉克斯坦', ru: 'Таджикистан' },
  AF: { alpha3: 'AFG', en: 'Afghanistan', zh: '阿富汗', ru: 'Афганистан' },
  PK: { alpha3: 'PAK', en: 'Pakistan', zh: '巴基斯坦', ru: 'Пакистан' },
  IN: { alpha3: 'IND', en: 'India', zh: '印度', ru: 'Индия' },
  NP: { alpha3: 'NPL', en: 'Nepal', zh: '尼泊尔', ru: 'Непал' },
  BT: { alpha3: 'BTN', en: 'Bhutan', zh: '不丹', ru: 'Бутан' },
  MM: { alpha3: 'MMR', en: 'Myanmar', zh: '缅甸', ru: 'Мьянма' },
  LA: { alpha3: 'LAO', en: 'Laos', zh: '老挝', ru: 'Лаос' },
  VN: { alpha3: 'VNM', en: 'Vietnam', zh: '越南', ru: 'Вьетнам' },
  KP: { alpha3: 'PRK', en: 'North Korea', zh: '朝鲜', ru: 'КНДР' },
};

function portKind(mode: string | null): Port['kind'] {
  const text = (mode ?? '').toLowerCase();
  const road = text.includes('road');
  const rail = text.includes('rail');
  if (road && rail) return 'road_rail';
  if (rail) return 'rail';
  if (text.includes('river') || text.includes('ferry')) return 'river';
  if (road) return 'road';
  if (text.includes('pedestrian')) return 'pedestrian';
  return 'other';
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface ImportSummary {
  countries: number;
  ports: number;
  borderSections: number;
  counties: number;
  passes: number;
}

/**
 * Loads the shipped list of China's land ports (reference/ports), with each counterpart port on the
 * other side, linked both ways. Repeatable: features are replaced by code.
 */
export async function importPortsReference(db: Db, actor: Actor): Promise<ImportSummary> {
  const file = path.join(referenceDir, 'ports', 'china_land_ports.json');
  const { ports } = JSON.parse(readFileSync(file, 'utf8')) as { ports: ReferencePort[] };
  const summary: ImportSummary = { countries: 0, ports: 0, borderSections: 0, counties: 0, passes: 0 };
  await inTransaction(db, async (trx) => {
    for (const [code, names] of Object.entries(COUNTRY_NAMES)) {
      await upsertCountry(trx, actor, {
        code,
        alpha3: names.alpha3,
        names: { en: names.en, zh: names.zh, ru: names.ru },
      });
      summary.countries += 1;
    }
    for (const port of ports) {
      const counterpartCode = port.counterpart
        ? `${port.neighbour_iso2.toLowerCase()}-cn-${slug(port.counterpart)}`
        : null;
      const kind = portKind(port.mode);
      await saveGeography(
        trx,
        actor,
        'ports',
        {
          code: port.id,
          country: 'CN',
          names: { en: port.cn_port, ...(port.cn_port_zh && { zh: port.cn_port_zh }) },
          kind,
          neighbourCountry: port.neighbour_iso2,
          counterpartPortCode: counterpartCode,
          lon: port.coordinates?.lon ?? null,
          lat: port.coordinates?.lat ?? null,
          geometry:
            port.coordinates?.lon != null && port.coordinates.lat != null
              ? { type: 'Point', coordinates: [port.coordinates.lon, port.coordinates.lat] }
              : null,
        },
        false,
      );
      summary.ports += 1;
      if (counterpartCode && port.counterpart) {
        await saveGeography(
          trx,
          actor,
          'ports',
          {
            code: counterpartCode,
            country: port.neighbour_iso2,
            names: { en: port.counterpart.replace(/\s*\(.*?\)\s*/g, ' ').trim() },
            kind,
            neighbourCountry: 'CN',
            counterpartPortCode: port.id,
          },
          false,
        );
        summary.ports += 1;
      }
    }
    await appendAudit(trx, actor, {
      action: 'geography.import',
      targetType: 'geography',
      details: { ...summary, source: 'reference/ports' },
    });
  });
  return summary;
}

const FEATURE_KINDS = {
  border_section: { table: 'border_sections', schema: BorderSection, counter: 'borderSections' },
  county: { table: 'counties', schema: County, counter: 'counties' },
  port: { table: 'ports', schema: Port, counter: 'ports' },
  pass: { table: 'passes', schema: Pass, counter: 'passes' },
  access_road: { table: 'passes', schema: Pass, counter: 'passes' },
} as const;

interface GeoJsonFeature {
  type?: unknown;
  geometry?: unknown;
  properties?: Record<string, unknown> | null;
}

function featureToRecord(feature: GeoJsonFeature, index: number) {
  const props = feature.properties ?? {};
  const featureKind = props.kind;
  if (typeof featureKind !== 'string' || !(featureKind in FEATURE_KINDS)) {
    throw invalid(
      'directory.geojson_bad_kind',
      `features[${index}].properties.kind must be one of ${Object.keys(FEATURE_KINDS).join(', ')}`,
    );
  }
  const spec = FEATURE_KINDS[featureKind as keyof typeof FEATURE_KINDS];
  const { kind: _kind, name_zh, name_en, name_ru, name_local, portKind: pk, ...rest } = props;
  const names = Object.fromEntries(
    Object.entries({ zh: name_zh, en: name_en, ru: name_ru, local: name_local }).filter(
      ([, v]) => typeof v === 'string',
    ),
  );
  const record: Record<string, unknown> = { ...rest, names, geometry: feature.geometry ?? null };
  if (spec.table === 'passes') record.kind = featureKind;
  if (spec.table === 'ports') record.kind = pk ?? 'road';
  const point = feature.geometry as { type?: string; coordinates?: unknown[] } | null;
  if ((spec.table === 'ports' || spec.table === 'passes') && point?.type === 'Point') {
    record.lon = point.coordinates?.[0];
    record.lat = point.coordinates?.[1];
  }
  if (!Value.Check(spec.schema, record)) {
    const first = Value.Errors(spec.schema, record).First();
    throw invalid(
      'directory.geojson_bad_feature',
      `features[${index}]${first?.path ?? ''}: ${first?.message ?? 'invalid'}`,
    );
  }
  return { spec, record };
}

/**
 * Imports a GeoJSON FeatureCollection whose features carry `properties.kind` (border_section, county,
 * port, pass, access_road), `code`, `country`, `name_zh|name_en|name_ru|name_local` and kind-specific
 * fields. All or nothing: one bad feature refuses the file.
 */
export async function importGeoJson(db: Db, actor: Actor, text: string): Promise<ImportSummary> {
  let collection: { type?: unknown; features?: unknown };
  try {
    collection = JSON.parse(text) as typeof collection;
  } catch (error) {
    throw invalid('directory.geojson_not_json', `The file is not JSON: ${(error as Error).message}`);
  }
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw invalid('directory.geojson_not_collection', 'The file must be a GeoJSON FeatureCollection');
  }
  const records = (collection.features as GeoJsonFeature[]).map(featureToRecord);
  const summary: ImportSummary = { countries: 0, ports: 0, borderSections: 0, counties: 0, passes: 0 };
  await inTransaction(db, async (trx) => {
    for (const { spec, record } of records) {
      await saveGeography(trx, actor, spec.table, record as never, false);
      summary[spec.counter] += 1;
    }
    await appendAudit(trx, actor, {
      action: 'geography.import',
      targetType: 'geography',
      details: { ...summary },
    });
  });
  return summary;
}

export function readImportFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'invalid',
      'directory.file_unreadable',
      `Cannot read ${file}: ${(error as Error).message}`,
    );
  }
}
