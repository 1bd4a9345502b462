import { expect, it } from 'vitest';
import { describeEachDatabase, useTestDatabase } from '../../../test/support/databases.js';
import { SYSTEM_ACTOR } from '../../core/auth/roles.js';
import { getGeography, listGeography } from './directory.service.js';
import { importGeoJson, importPortsReference } from './geography-import.js';

describeEachDatabase('geography import', (dialect) => {
  const database = useTestDatabase(dialect);

  it('loads the land ports reference list with counterpart ports linked both ways, repeatably', async () => {
    const { db } = database();
    const first = await importPortsReference(db, SYSTEM_ACTOR);
    const second = await importPortsReference(db, SYSTEM_ACTOR);
    expect(second).toEqual(first);
    const manzhouli = await getGeography(db, 'ports', 'cn-ru-manzhouli');
    expect(manzhouli).toMatchObject({
      country: 'CN',
      names: { zh: '满洲里', en: 'Manzhouli' },
      kind: 'road_rail',
    });
    expect(manzhouli.counterpartPortCode).toBeTruthy();
    const counterpart = await getGeography(db, 'ports', manzhouli.counterpartPortCode as string);
    expect(counterpart).toMatchObject({ country: 'RU', counterpartPortCode: 'cn-ru-manzhouli' });
    const chinese = await listGeography(db, 'ports', { country: 'CN', limit: 1000 });
    expect(chinese.items.length).toBe(35);
  });

  it('imports a GeoJSON FeatureCollection all or nothing', async () => {
    const { db } = database();
    const good = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            kind: 'county',
            code: 'dongxing',
            country: 'CN',
            name_zh: '东兴市',
            name_en: 'Dongxing',
            population: 150000,
          },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [107.9, 21.5],
                [108.2, 21.5],
                [108.2, 21.7],
                [107.9, 21.5],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { kind: 'access_road', code: 'dx-road-1', country: 'CN', name_en: 'Beilun road' },
          geometry: { type: 'Point', coordinates: [108.0, 21.55] },
        },
      ],
    };
    expect(await importGeoJson(db, SYSTEM_ACTOR, JSON.stringify(good))).toMatchObject({
      counties: 1,
      passes: 1,
    });
    expect(await getGeography(db, 'passes', 'dx-road-1')).toMatchObject({
      kind: 'access_road',
      lon: 108,
      lat: 21.55,
    });

    const bad = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'county', code: 'mong-cai', country: 'VN', name_en: 'Mong Cai' },
          geometry: null,
        },
        { type: 'Feature', properties: { kind: 'volcano', code: 'x', country: 'VN' }, geometry: null },
      ],
    };
    await expect(importGeoJson(db, SYSTEM_ACTOR, JSON.stringify(bad))).rejects.toThrow(/features\[1\]/);
    await expect(getGeography(db, 'counties', 'mong-cai')).rejects.toThrow(/does not exist/);
    await expect(importGeoJson(db, SYSTEM_ACTOR, 'not json')).rejects.toThrow(/not JSON/);
  });
});
