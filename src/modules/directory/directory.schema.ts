import { type Static, type TObject, type TProperties, Type } from '@sinclair/typebox';
import { AgencyCode, Code, Language, Names, StringEnum } from '../../core/http/schemas.js';

export const AGENCY_KINDS = ['own', 'counterpart', 'international'] as const;
export const UNIT_KINDS = ['headquarters', 'border_station', 'port', 'post'] as const;
export const PORT_KINDS = ['road', 'rail', 'road_rail', 'river', 'air', 'pedestrian', 'other'] as const;
export const PASS_KINDS = ['pass', 'access_road'] as const;

const literals = StringEnum;

export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$' });

/** A GeoJSON geometry; its coordinates are checked by the service (types here, ranges there). */
export const Geometry = Type.Object(
  {
    type: literals(['Point', 'LineString', 'Polygon', 'MultiPolygon', 'MultiLineString'] as const),
    coordinates: Type.Array(Type.Unknown(), { maxItems: 100_000 }),
  },
  { additionalProperties: false },
);
export type Geometry = Static<typeof Geometry>;

export const Agency = Type.Object({
  code: AgencyCode,
  kind: literals(AGENCY_KINDS),
  country: CountryCode,
  names: Names,
  language: Language,
  timeZone: TimeZone,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Agency = Static<typeof Agency>;

export const NewAgency = Type.Object(
  {
    code: AgencyCode,
    kind: literals(AGENCY_KINDS),
    country: CountryCode,
    names: Names,
    language: Language,
    timeZone: TimeZone,
  },
  { additionalProperties: false },
);
export type NewAgency = Static<typeof NewAgency>;
export const AgencyChanges = Type.Partial(Type.Omit(NewAgency, ['code']), { additionalProperties: false });
export type AgencyChanges = Static<typeof AgencyChanges>;

export const Unit = Type.Object({
  id: Type.String(),
  code: Code,
  parentId: Type.Union([Type.String(), Type.Null()]),
  kind: literals(UNIT_KINDS),
  names: Names,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Unit = Static<typeof Unit>;
export const NewUnit = Type.Object(
  {
    code: Code,
    parentId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    kind: literals(UNIT_KINDS),
    names: Names,
  },
  { additionalProperties: false },
);
export type NewUnit = Static<typeof NewUnit>;

export const Country = Type.Object({
  code: CountryCode,
  alpha3: Type.String({ pattern: '^[A-Z]{3}$' }),
  names: Names,
});
export type Country = Static<typeof Country>;

const geoBase = {
  code: Code,
  country: CountryCode,
  names: Names,
  geometry: Type.Optional(Type.Union([Geometry, Type.Null()])),
};

export const BorderSection = Type.Object({ ...geoBase, neighbourCountry: CountryCode });
export type BorderSection = Static<typeof BorderSection>;

export const County = Type.Object({
  ...geoBase,
  population: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  borderSectionCode: Type.Optional(Type.Union([Code, Type.Null()])),
  mirrorCountyCode: Type.Optional(Type.Union([Code, Type.Null()])),
});
export type County = Static<typeof County>;

const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });

export const Port = Type.Object({
  ...geoBase,
  kind: literals(PORT_KINDS),
  countyCode: Type.Optional(Type.Union([Code, Type.Null()])),
  counterpartPortCode: Type.Optional(Type.Union([Code, Type.Null()])),
  neighbourCountry: Type.Optional(Type.Union([CountryCode, Type.Null()])),
  lon: Type.Optional(Type.Union([Lon, Type.Null()])),
  lat: Type.Optional(Type.Union([Lat, Type.Null()])),
});
export type Port = Static<typeof Port>;

export const Pass = Type.Object({
  ...geoBase,
  kind: literals(PASS_KINDS),
  countyCode: Type.Optional(Type.Union([Code, Type.Null()])),
  borderSectionCode: Type.Optional(Type.Union([Code, Type.Null()])),
  lon: Type.Optional(Type.Union([Lon, Type.Null()])),
  lat: Type.Optional(Type.Union([Lat, Type.Null()])),
});
export type Pass = Static<typeof Pass>;

/** Request bodies refuse unknown fields; responses are the same shapes. */
export const strictBody = <T extends TProperties>(schema: TObject<T>) =>
  Type.Object(schema.properties, { additionalProperties: false });

export const GeoListQuery = Type.Object(
  {
    country: Type.Optional(CountryCode),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  },
  { additionalProperties: false },
);
export type GeoListQuery = Static<typeof GeoListQuery>;

export const NewUser = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z][a-z0-9._-]{1,63}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 500 }),
    agencyCode: Type.Optional(AgencyCode),
    unitId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    language: Type.Optional(Language),
    roles: Type.Array(
      literals([
        'admin',
        'liaison_officer',
        'port_officer',
        'patrol_commander',
        'analyst',
        'viewer',
      ] as const),
      { minItems: 1, uniqueItems: true },
    ),
    personalData: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NewUser = Static<typeof NewUser>;

export const UserChanges = Type.Partial(
  Type.Object({
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    unitId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
    language: Language,
    roles: NewUser.properties.roles,
    personalData: Type.Boolean(),
    disabled: Type.Boolean(),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type UserChanges = Static<typeof UserChanges>;
