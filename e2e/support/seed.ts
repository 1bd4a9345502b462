import type { ApiSession } from './api-session.js';

/** A port officer cleared for personal data, who works the warnings desk. */
export const DESK_OFFICER = { username: 'wang.desk', password: 'desk-officer-password-1' };
/** A liaison officer and analyst, who keeps the situation figures and the liaison log. */
export const LIAISON_OFFICER = { username: 'li.liaison', password: 'liaison-officer-password-1' };
/** A patrol commander, who plans joint operations and records interceptions. */
export const COMMANDER = { username: 'zhao.patrol', password: 'patrol-commander-password-1' };

/** The Mongolian counterpart agency, so plans and liaison contacts have someone to name. */
export async function seedCounterpartAgency(admin: ApiSession): Promise<void> {
  await admin.request('POST', '/api/v1/directory/agencies', {
    code: 'MN-GABP',
    kind: 'counterpart',
    country: 'MN',
    names: {
      en: 'General Authority for Border Protection',
      ru: 'Главное управление охраны границы',
      zh: '蒙古国边防总局',
    },
    language: 'ru',
    timeZone: 'Asia/Ulaanbaatar',
  });
}

/** The port of Erenhot, where the desk records crossings (a crossing at a port the directory lacks is refused). */
export async function seedPort(admin: ApiSession): Promise<void> {
  await admin.request('PUT', '/api/v1/directory/ports/CN-ERL', {
    code: 'CN-ERL',
    country: 'CN',
    names: { zh: '二连浩特', en: 'Erenhot', ru: 'Эрэн-Хото' },
    kind: 'road_rail',
    lon: 111.98,
    lat: 43.65,
  });
}

/** The code of Zamyn-Uud, the Mongolian port facing Erenhot across the border. */
export const ZAMYN_UUD = 'MN-ZUU';

/** Zamyn-Uud in the directory: a Mongolian node's own port, a neighbour's on a Chinese node. */
export async function seedZamynUud(admin: ApiSession): Promise<void> {
  await admin.request('PUT', `/api/v1/directory/ports/${ZAMYN_UUD}`, {
    code: ZAMYN_UUD,
    country: 'MN',
    names: { en: 'Zamyn-Uud', ru: 'Замын-Ууд', zh: '扎门乌德' },
    kind: 'road_rail',
    lon: 111.9,
    lat: 43.72,
  });
}

/** A GeoJSON polygon that is the box between the two corners. */
export const box = (minLon: number, minLat: number, maxLon: number, maxLat: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [minLon, minLat],
      [maxLon, minLat],
      [maxLon, maxLat],
      [minLon, maxLat],
      [minLon, minLat],
    ],
  ],
});

/** Erenhot county, a border county drawn as a small box. */
export async function seedErenhotCounty(admin: ApiSession): Promise<void> {
  await admin.request('PUT', '/api/v1/directory/counties/CN-150981', {
    code: 'CN-150981',
    country: 'CN',
    names: { zh: '二连浩特市', en: 'Erenhot', ru: 'Эрэн-Хото' },
    population: 74_000,
    geometry: box(111.6, 43.4, 112.3, 43.9),
  });
}

/** The Erenhot border section, so interceptions there resolve to it. */
export async function seedErenhotSection(admin: ApiSession): Promise<void> {
  await admin.request('PUT', '/api/v1/directory/border-sections/CN-MN-ERL', {
    code: 'CN-MN-ERL',
    country: 'CN',
    neighbourCountry: 'MN',
    names: { zh: '二连浩特段', en: 'Erenhot section', ru: 'Участок Эрэн-Хото' },
    geometry: box(111.5, 43.3, 112.4, 44.0),
  });
}

/** The officers whose pages the suite opens, each with the roles their day's work needs. */
export async function seedOfficers(admin: ApiSession): Promise<void> {
  await admin.request('POST', '/api/v1/users', {
    ...DESK_OFFICER,
    displayName: '王海',
    language: 'zh',
    roles: ['port_officer'],
    personalData: true,
  });
  await admin.request('POST', '/api/v1/users', {
    ...LIAISON_OFFICER,
    displayName: 'Li Ming',
    language: 'en',
    roles: ['liaison_officer', 'analyst'],
  });
  await admin.request('POST', '/api/v1/users', {
    ...COMMANDER,
    displayName: 'Zhao Gang',
    language: 'en',
    roles: ['patrol_commander'],
    personalData: true,
  });
}

/** A watchlisted close contact whose passport the desk will see. */
export const WATCHLISTED = {
  category: 'close_contact',
  surname: 'BATBAYAR',
  givenNames: 'GANBOLD',
  birthDate: '1985-03-14',
  nationality: 'MNG',
  documentNumber: 'E1234567',
  reason: 'Close contact of a confirmed case in Zamyn-Uud',
  validUntil: '2099-12-31',
} as const;

/**
 * The crossing of the watchlisted person, as the desk's document reader would post it: entering at Erenhot
 * unless another port and direction are given.
 */
export function crossingOfWatchlisted(
  direction: 'entry' | 'exit' = 'entry',
  portCode = 'CN-ERL',
): Record<string, unknown> {
  return {
    direction,
    portCode,
    identity: {
      surname: WATCHLISTED.surname,
      givenNames: WATCHLISTED.givenNames,
      birthDate: WATCHLISTED.birthDate,
      nationality: WATCHLISTED.nationality,
      documentNumber: WATCHLISTED.documentNumber,
    },
  };
}
