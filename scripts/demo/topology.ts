/**
 * The three agencies of the demo and a SYNTHETIC border geography for them. Every border section, county,
 * population, polygon, port and pass below is invented for the demo: shapes are rectangles either side of a
 * straight border line, placed roughly where the CN–MN and CN–VN borders are so the map looks familiar.
 * None of it is survey data and none of it may be used as such.
 */

export type AgencyCode = 'CN-NIA' | 'MN-GABP' | 'VN-BG';
export type Language = 'zh' | 'en' | 'ru';

export interface DemoAgency {
  code: AgencyCode;
  country: 'CN' | 'MN' | 'VN';
  language: Language;
  timeZone: string;
  /** UTC offset of the time zone in 2021 (none of the three kept summer time). */
  utcOffsetHours: number;
  names: { zh: string; en: string; ru: string };
  /** Offset from the demo's base port (8080). */
  portOffset: number;
}

// Mongolian officers read Russian in this demo: the product speaks zh, en and ru, not Mongolian.
export const AGENCIES: readonly DemoAgency[] = [
  {
    code: 'CN-NIA',
    country: 'CN',
    language: 'zh',
    timeZone: 'Asia/Shanghai',
    utcOffsetHours: 8,
    names: {
      zh: '国家移民管理局',
      en: 'National Immigration Administration',
      ru: 'Национальное управление иммиграции КНР',
    },
    portOffset: 0,
  },
  {
    code: 'MN-GABP',
    country: 'MN',
    language: 'ru',
    timeZone: 'Asia/Ulaanbaatar',
    utcOffsetHours: 8,
    names: {
      zh: '蒙古国边防总局',
      en: 'General Authority for Border Protection',
      ru: 'Главное управление охраны границы Монголии',
    },
    portOffset: 1,
  },
  {
    code: 'VN-BG',
    country: 'VN',
    language: 'en',
    timeZone: 'Asia/Ho_Chi_Minh',
    utcOffsetHours: 7,
    names: { zh: '越南边防部队', en: 'Vietnam Border Guard', ru: 'Пограничная охрана Вьетнама' },
    portOffset: 2,
  },
];

/** The SCO Regional Anti-Terrorist Structure: an international body, no node of its own. */
export const SCO_RATS = {
  code: 'UZ-SCORATS',
  kind: 'international',
  country: 'UZ',
  language: 'ru',
  timeZone: 'Asia/Tashkent',
  names: { zh: '上海合作组织地区反恐怖机构', en: 'SCO Regional Anti-Terrorist Structure', ru: 'РАТС ШОС' },
} as const;

export const COUNTRIES = [
  { code: 'CN', alpha3: 'CHN', names: { zh: '中国', en: 'China', ru: 'Китай' } },
  { code: 'MN', alpha3: 'MNG', names: { zh: '蒙古国', en: 'Mongolia', ru: 'Монголия' } },
  { code: 'VN', alpha3: 'VNM', names: { zh: '越南', en: 'Viet Nam', ru: 'Вьетнам' } },
  { code: 'UZ', alpha3: 'UZB', names: { zh: '乌兹别克斯坦', en: 'Uzbekistan', ru: 'Узбекистан' } },
] as const;

type Box = { west: number; south: number; east: number; north: number };
const polygon = (b: Box) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [b.west, b.south],
      [b.east, b.south],
      [b.east, b.north],
      [b.west, b.north],
      [b.west, b.south],
    ],
  ],
});

export interface DemoSection {
  code: string;
  country: 'CN';
  neighbourCountry: 'MN' | 'VN';
  names: { zh: string; en: string; ru: string };
  box: Box;
  /** Latitude of the (straight, synthetic) border line; China lies north of it on the CN–VN section. */
  borderLat: number;
  chinaNorth: boolean;
}

export const SECTIONS: readonly DemoSection[] = [
  {
    code: 'CN-MN-S1',
    country: 'CN',
    neighbourCountry: 'MN',
    names: {
      zh: '中蒙边界二连段（合成）',
      en: 'CN–MN Erenhot section (synthetic)',
      ru: 'Участок Эрлянь (синт.)',
    },
    box: { west: 111, south: 43.2, east: 113, north: 44.2 },
    borderLat: 43.7,
    chinaNorth: false,
  },
  {
    code: 'CN-VN-S1',
    country: 'CN',
    neighbourCountry: 'VN',
    names: {
      zh: '中越边界凭祥—东兴段（合成）',
      en: 'CN–VN Pingxiang–Dongxing section (synthetic)',
      ru: 'Участок Пинсян–Дунсин (синт.)',
    },
    box: { west: 106.5, south: 21.5, east: 108.5, north: 22.5 },
    borderLat: 22,
    chinaNorth: true,
  },
];

export interface DemoCounty {
  code: string;
  country: 'CN' | 'MN' | 'VN';
  section: string;
  names: { zh: string; en: string; ru: string };
  population: number;
  box: Box;
  mirror: string;
}

export const COUNTIES: readonly DemoCounty[] = [
  {
    code: 'CN-SONID',
    country: 'CN',
    section: 'CN-MN-S1',
    names: { zh: '苏尼特（合成）', en: 'Sonid (synthetic)', ru: 'Сунит (синт.)' },
    population: 72_000,
    box: { west: 111, south: 43.2, east: 112, north: 43.7 },
    mirror: 'MN-ERDENE',
  },
  {
    code: 'CN-EREN',
    country: 'CN',
    section: 'CN-MN-S1',
    names: { zh: '二连浩特（合成）', en: 'Erenhot (synthetic)', ru: 'Эрлянь (синт.)' },
    population: 76_000,
    box: { west: 112, south: 43.2, east: 113, north: 43.7 },
    mirror: 'MN-ZAMYN',
  },
  {
    code: 'MN-ERDENE',
    country: 'MN',
    section: 'CN-MN-S1',
    names: { zh: '额尔德尼（合成）', en: 'Erdene (synthetic)', ru: 'Эрдэнэ (синт.)' },
    population: 6_500,
    box: { west: 111, south: 43.7, east: 112, north: 44.2 },
    mirror: 'CN-SONID',
  },
  {
    code: 'MN-ZAMYN',
    country: 'MN',
    section: 'CN-MN-S1',
    names: { zh: '扎门乌德（合成）', en: 'Zamyn-Uud (synthetic)', ru: 'Замын-Ууд (синт.)' },
    population: 25_000,
    box: { west: 112, south: 43.7, east: 113, north: 44.2 },
    mirror: 'CN-EREN',
  },
  {
    code: 'CN-PINGXIANG',
    country: 'CN',
    section: 'CN-VN-S1',
    names: { zh: '凭祥（合成）', en: 'Pingxiang (synthetic)', ru: 'Пинсян (синт.)' },
    population: 125_000,
    box: { west: 106.5, south: 22, east: 107.5, north: 22.5 },
    mirror: 'VN-DONGDANG',
  },
  {
    code: 'CN-DONGXING',
    country: 'CN',
    section: 'CN-VN-S1',
    names: { zh: '东兴（合成）', en: 'Dongxing (synthetic)', ru: 'Дунсин (синт.)' },
    population: 150_000,
    box: { west: 107.5, south: 22, east: 108.5, north: 22.5 },
    mirror: 'VN-MONGCAI',
  },
  {
    code: 'VN-DONGDANG',
    country: 'VN',
    section: 'CN-VN-S1',
    names: { zh: '同登（合成）', en: 'Dong Dang (synthetic)', ru: 'Донгданг (синт.)' },
    population: 60_000,
    box: { west: 106.5, south: 21.5, east: 107.5, north: 22 },
    mirror: 'CN-PINGXIANG',
  },
  {
    code: 'VN-MONGCAI',
    country: 'VN',
    section: 'CN-VN-S1',
    names: { zh: '芒街（合成）', en: 'Mong Cai (synthetic)', ru: 'Монгкай (синт.)' },
    population: 110_000,
    box: { west: 107.5, south: 21.5, east: 108.5, north: 22 },
    mirror: 'CN-DONGXING',
  },
];

export interface DemoPort {
  code: string;
  country: 'CN' | 'MN' | 'VN';
  kind: 'road' | 'road_rail' | 'pedestrian';
  county: string;
  counterpart: string;
  names: { zh: string; en: string; ru: string };
  lon: number;
  lat: number;
}

export const PORTS: readonly DemoPort[] = [
  {
    code: 'CN-EREN-P',
    country: 'CN',
    kind: 'road_rail',
    county: 'CN-EREN',
    counterpart: 'MN-ZAMYN-P',
    names: { zh: '二连浩特口岸（合成）', en: 'Erenhot port (synthetic)', ru: 'КПП Эрлянь (синт.)' },
    lon: 112.5,
    lat: 43.68,
  },
  {
    code: 'MN-ZAMYN-P',
    country: 'MN',
    kind: 'road_rail',
    county: 'MN-ZAMYN',
    counterpart: 'CN-EREN-P',
    names: { zh: '扎门乌德口岸（合成）', en: 'Zamyn-Uud port (synthetic)', ru: 'КПП Замын-Ууд (синт.)' },
    lon: 112.5,
    lat: 43.72,
  },
  {
    code: 'CN-YOUYI-P',
    country: 'CN',
    kind: 'road',
    county: 'CN-PINGXIANG',
    counterpart: 'VN-HUUNGHI-P',
    names: { zh: '友谊关口岸（合成）', en: 'Youyiguan port (synthetic)', ru: 'КПП Юи (синт.)' },
    lon: 106.9,
    lat: 22.02,
  },
  {
    code: 'VN-HUUNGHI-P',
    country: 'VN',
    kind: 'road',
    county: 'VN-DONGDANG',
    counterpart: 'CN-YOUYI-P',
    names: { zh: '友谊口岸（越方，合成）', en: 'Huu Nghi port (synthetic)', ru: 'КПП Хыунги (синт.)' },
    lon: 106.9,
    lat: 21.98,
  },
  {
    code: 'CN-DONGXING-P',
    country: 'CN',
    kind: 'pedestrian',
    county: 'CN-DONGXING',
    counterpart: 'VN-MONGCAI-P',
    names: { zh: '东兴口岸（合成）', en: 'Dongxing port (synthetic)', ru: 'КПП Дунсин (синт.)' },
    lon: 108,
    lat: 22.02,
  },
  {
    code: 'VN-MONGCAI-P',
    country: 'VN',
    kind: 'pedestrian',
    county: 'VN-MONGCAI',
    counterpart: 'CN-DONGXING-P',
    names: { zh: '芒街口岸（合成）', en: 'Mong Cai port (synthetic)', ru: 'КПП Монгкай (синт.)' },
    lon: 108,
    lat: 21.98,
  },
];

export interface DemoPass {
  code: string;
  section: string;
  county: string;
  lon: number;
  lat: number;
}

/** Passes and access roads on the Chinese side, a few kilometres from the border line. */
export const PASSES: readonly DemoPass[] = [
  { code: 'CN-MN-PASS-1', section: 'CN-MN-S1', county: 'CN-SONID', lon: 111.3, lat: 43.66 },
  { code: 'CN-MN-PASS-2', section: 'CN-MN-S1', county: 'CN-SONID', lon: 111.8, lat: 43.66 },
  { code: 'CN-MN-PASS-3', section: 'CN-MN-S1', county: 'CN-EREN', lon: 112.8, lat: 43.66 },
  { code: 'CN-VN-PASS-1', section: 'CN-VN-S1', county: 'CN-PINGXIANG', lon: 106.7, lat: 22.04 },
  { code: 'CN-VN-PASS-2', section: 'CN-VN-S1', county: 'CN-PINGXIANG', lon: 107.2, lat: 22.04 },
  { code: 'CN-VN-PASS-3', section: 'CN-VN-S1', county: 'CN-DONGXING', lon: 107.8, lat: 22.04 },
  { code: 'CN-VN-PASS-4', section: 'CN-VN-S1', county: 'CN-DONGXING', lon: 108.3, lat: 22.04 },
];

/** The directory writes that load the synthetic geography on a node, in dependency order. */
export function geographyWrites(): Array<{ path: string; body: unknown }> {
  const writes: Array<{ path: string; body: unknown }> = [];
  for (const country of COUNTRIES)
    writes.push({ path: `/api/v1/directory/countries/${country.code}`, body: country });
  for (const s of SECTIONS) {
    writes.push({
      path: `/api/v1/directory/border-sections/${s.code}`,
      body: {
        code: s.code,
        country: s.country,
        names: s.names,
        neighbourCountry: s.neighbourCountry,
        geometry: polygon(s.box),
      },
    });
  }
  for (const c of COUNTIES) {
    writes.push({
      path: `/api/v1/directory/counties/${c.code}`,
      body: {
        code: c.code,
        country: c.country,
        names: c.names,
        population: c.population,
        borderSectionCode: c.section,
        mirrorCountyCode: c.mirror,
        geometry: polygon(c.box),
      },
    });
  }
  for (const p of PORTS) {
    writes.push({
      path: `/api/v1/directory/ports/${p.code}`,
      body: {
        code: p.code,
        country: p.country,
        names: p.names,
        kind: p.kind,
        countyCode: p.county,
        counterpartPortCode: p.counterpart,
        neighbourCountry: PORTS.find((q) => q.code === p.counterpart)?.country ?? null,
        lon: p.lon,
        lat: p.lat,
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      },
    });
  }
  for (const pass of PASSES) {
    writes.push({
      path: `/api/v1/directory/passes/${pass.code}`,
      body: {
        code: pass.code,
        country: 'CN',
        names: { en: `${pass.code} (synthetic)` },
        kind: 'pass',
        countyCode: pass.county,
        borderSectionCode: pass.section,
        lon: pass.lon,
        lat: pass.lat,
        geometry: { type: 'Point', coordinates: [pass.lon, pass.lat] },
      },
    });
  }
  return writes;
}

/** The counterpart of each node that shares a border with it (MN and VN do not border each other). */
export function neighboursOf(code: AgencyCode): AgencyCode[] {
  return code === 'CN-NIA' ? ['MN-GABP', 'VN-BG'] : ['CN-NIA'];
}

export const agencyOf = (code: AgencyCode): DemoAgency => {
  const agency = AGENCIES.find((a) => a.code === code);
  if (!agency) throw new Error(`unknown demo agency ${code}`);
  return agency;
};
