import { describe, expect, it } from 'vitest';
import { buildAgency } from '../../../test/support/agencies.js';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { useTestNode } from '../../../test/support/nodes.js';

const square = (lon: number, lat: number, size = 1) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

describeEachDatabase('directory', (dialect) => {
  const testNode = useTestNode(dialect);

  describe('agencies', () => {
    it('lists the own agency created on first start', async () => {
      const viewer = await testNode().userWith(['viewer']);
      const response = await viewer.get<{ items: Array<{ code: string; kind: string }> }>(
        '/api/v1/directory/agencies',
      );
      expect(response.status).toBe(200);
      expect(response.body.items).toContainEqual(expect.objectContaining({ code: 'CN-NIA', kind: 'own' }));
    });

    it('lets an admin add a counterpart and refuses a second one with the same code', async () => {
      const admin = await testNode().admin();
      const agency = buildAgency('MN-GABP', {
        names: { en: 'General Authority for Border Protection', zh: '蒙古国边防总局' },
        language: 'ru',
        timeZone: 'Asia/Ulaanbaatar',
      });
      expect((await admin.post('/api/v1/directory/agencies', agency)).status).toBe(201);
      const again = await admin.post('/api/v1/directory/agencies', agency);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('directory.agency_exists');
      const read = await admin.get('/api/v1/directory/agencies/MN-GABP');
      expect(read.body).toMatchObject({ code: 'MN-GABP', timeZone: 'Asia/Ulaanbaatar' });
    });

    it('keeps the own agency its own, and another agency from becoming it', async () => {
      const admin = await testNode().admin();
      const created = await admin.post(
        '/api/v1/directory/agencies',
        buildAgency('VN-BGP', { names: { en: 'Border Guard Command' }, timeZone: 'Asia/Ho_Chi_Minh' }),
      );
      expect(created.status, created.text).toBe(201);
      for (const [code, kind] of [
        ['CN-NIA', 'counterpart'],
        ['VN-BGP', 'own'],
      ] as const) {
        const changed = await admin.patch(`/api/v1/directory/agencies/${code}`, { kind });
        expect(changed.status, code).toBe(409);
        expect(changed.body).toMatchObject({ code: 'directory.own_agency_kind' });
      }
      expect((await admin.get('/api/v1/directory/agencies/CN-NIA')).body).toMatchObject({ kind: 'own' });
      const renamed = await admin.patch('/api/v1/directory/agencies/CN-NIA', {
        kind: 'own',
        timeZone: 'UTC',
      });
      expect(renamed.status, renamed.text).toBe(200);
    });

    it('answers 401 without a session, 403 without the admin role, 400 naming a bad field', async () => {
      const body = buildAgency('VN-BG', { names: { en: 'VN' } });
      expect((await testNode().anonymous().post('/api/v1/directory/agencies', body)).status).toBe(401);
      const viewer = await testNode().userWith(['viewer']);
      expect((await viewer.post('/api/v1/directory/agencies', body)).status).toBe(403);
      const admin = await testNode().admin();
      const bad = await admin.post('/api/v1/directory/agencies', { ...body, kind: 'enemy', extra: 1 });
      expect(bad.status).toBe(400);
      const paths = (bad.body.errors as Array<{ path: string }>).map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['/body/kind', '/body/extra']));
      expect((await admin.get('/api/v1/directory/agencies/VN-BG')).status).toBe(404);
    });

    it('refuses an unknown time zone on create and update, naming the field', async () => {
      const admin = await testNode().admin();
      const created = await admin.post(
        '/api/v1/directory/agencies',
        buildAgency('RU-FSB', { names: { en: 'RU' }, language: 'ru', timeZone: 'Mars/Base' }),
      );
      expect(created.status).toBe(400);
      expect(created.body).toMatchObject({
        code: 'directory.unknown_time_zone',
        errors: [expect.objectContaining({ path: '/timeZone' })],
      });
      expect((await admin.get('/api/v1/directory/agencies/RU-FSB')).status).toBe(404);

      const updated = await admin.patch('/api/v1/directory/agencies/CN-NIA', { timeZone: 'Mars/Base' });
      expect(updated.status).toBe(400);
      expect(updated.body.code).toBe('directory.unknown_time_zone');
      const moved = await admin.patch('/api/v1/directory/agencies/CN-NIA', { timeZone: 'Asia/Shanghai' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ code: 'CN-NIA', timeZone: 'Asia/Shanghai' });
    });

    it('pages through agencies with an opaque cursor', async () => {
      const admin = await testNode().admin();
      for (const code of ['KZ-BS', 'KG-BS', 'LA-BS']) {
        await admin.post('/api/v1/directory/agencies', buildAgency(code));
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = await admin.get<{ items: Array<{ code: string }>; nextCursor: string | null }>(
          `/api/v1/directory/agencies?limit=2${query}`,
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((a) => a.code));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(['CN-NIA', 'KZ-BS', 'KG-BS', 'LA-BS']));
      const forged = await admin.get('/api/v1/directory/agencies?cursor=not-a-cursor');
      expect(forged.status).toBe(400);
      expect(forged.body.code).toBe('http.bad_cursor');
    });
  });

  describe('units and users', () => {
    it('shows a user bound to a unit only that unit and its subtree', async () => {
      const admin = await testNode().admin();
      const hq = await admin.post<{ id: string }>('/api/v1/directory/units', {
        code: 'hq',
        kind: 'headquarters',
        names: { en: 'Headquarters' },
      });
      const station = await admin.post<{ id: string }>('/api/v1/directory/units', {
        code: 'erenhot-station',
        kind: 'border_station',
        parentId: hq.body.id,
        names: { en: 'Erenhot border station' },
      });
      const port = await admin.post<{ id: string }>('/api/v1/directory/units', {
        code: 'erenhot-port',
        kind: 'port',
        parentId: station.body.id,
        names: { en: 'Erenhot port' },
      });
      await admin.post('/api/v1/directory/units', {
        code: 'other-station',
        kind: 'border_station',
        parentId: hq.body.id,
        names: { en: 'Other' },
      });
      const created = await admin.post<{ id: string }>('/api/v1/users', {
        username: 'station.officer',
        displayName: 'Station officer',
        password: 'station-officer-pw',
        roles: ['liaison_officer'],
        unitId: station.body.id,
      });
      expect(created.status).toBe(201);
      const officer = await testNode().anonymous().loginOrThrow('station.officer', 'station-officer-pw');
      const units = await officer.get<{ items: Array<{ code: string }> }>('/api/v1/directory/units');
      expect(units.body.items.map((u) => u.code).sort()).toEqual(['erenhot-port', 'erenhot-station']);
      expect(port.status).toBe(201);
    });

    it('refuses a user in a unit that does not exist', async () => {
      const admin = await testNode().admin();
      const response = await admin.post('/api/v1/users', {
        username: 'ghost',
        displayName: 'Ghost',
        password: 'ghost-password',
        roles: ['viewer'],
        unitId: '01900000-0000-7000-8000-000000000000',
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('directory.unknown_unit');
    });

    it('lets users read themselves but not others', async () => {
      const viewer = await testNode().userWith(['viewer'], { username: 'selfreader' });
      const session = await viewer.get<{ user: { id: string } }>('/api/v1/auth/session');
      expect((await viewer.get(`/api/v1/users/${session.body.user.id}`)).status).toBe(200);
      const admin = await testNode().admin();
      const adminId = (await admin.get<{ user: { id: string } }>('/api/v1/auth/session')).body.user.id;
      expect((await viewer.get(`/api/v1/users/${adminId}`)).status).toBe(403);
      expect((await viewer.get('/api/v1/users/not-a-uuid')).status).toBe(400);
    });
  });

  describe('the last administrator', () => {
    const lone = useTestNode(dialect, { code: 'CN-NIA' });

    it('refuses to demote or disable the only enabled administrator, and allows it once another exists', async () => {
      const admin = await lone().admin();
      const adminId = (await admin.get<{ user: { id: string } }>('/api/v1/auth/session')).body.user.id;
      const demoted = await admin.patch(`/api/v1/users/${adminId}`, { roles: ['viewer'] });
      expect(demoted.status).toBe(409);
      expect(demoted.body.code).toBe('auth.last_admin');
      const disabled = await admin.patch(`/api/v1/users/${adminId}`, { disabled: true });
      expect(disabled.status).toBe(409);
      const still = await admin.get<{ roles: string[]; disabled: boolean }>(`/api/v1/users/${adminId}`);
      expect(still.body).toMatchObject({ roles: ['admin'], disabled: false });

      await lone().userWith(['admin'], { username: 'second.admin' });
      expect((await admin.patch(`/api/v1/users/${adminId}`, { roles: ['viewer'] })).status).toBe(200);
    });
  });

  describe('geography', () => {
    it('stores features with GeoJSON and locates a point in its section, county and nearest pass', async () => {
      const admin = await testNode().admin();
      const section = await admin.put('/api/v1/directory/border-sections/cn-mn-7', {
        code: 'cn-mn-7',
        country: 'CN',
        neighbourCountry: 'MN',
        names: { en: 'Section 7', zh: '第七段' },
        geometry: square(111, 43, 2),
      });
      expect(section.status).toBe(200);
      await admin.put('/api/v1/directory/counties/erenhot', {
        code: 'erenhot',
        country: 'CN',
        names: { zh: '二连浩特市', en: 'Erenhot' },
        population: 74_000,
        geometry: square(111.5, 43.3, 0.8),
      });
      await admin.put('/api/v1/directory/passes/pass-a', {
        code: 'pass-a',
        country: 'CN',
        kind: 'pass',
        names: { en: 'Pass A' },
        lon: 111.9,
        lat: 43.7,
      });
      await admin.put('/api/v1/directory/passes/road-b', {
        code: 'road-b',
        country: 'CN',
        kind: 'access_road',
        names: { en: 'Road B' },
        lon: 112.9,
        lat: 44.9,
      });
      const located = await admin.get('/api/v1/directory/locate?lon=111.95&lat=43.65');
      expect(located.status).toBe(200);
      expect(located.body).toMatchObject({
        borderSectionCode: 'cn-mn-7',
        countyCode: 'erenhot',
        nearestPass: { code: 'pass-a' },
      });
      const outside = await admin.get('/api/v1/directory/locate?lon=100&lat=10');
      expect(outside.body).toMatchObject({ borderSectionCode: null, countyCode: null });
    });

    it('refuses coordinates out of range and a code that differs from the path', async () => {
      const admin = await testNode().admin();
      const bad = await admin.put('/api/v1/directory/counties/far', {
        code: 'far',
        country: 'CN',
        names: { en: 'Far' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [500, 0],
              [1, 1],
              [0, 1],
              [500, 0],
            ],
          ],
        },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('directory.bad_geometry');
      const mismatch = await admin.put('/api/v1/directory/counties/one', {
        code: 'two',
        country: 'CN',
        names: { en: 'x' },
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.code).toBe('directory.code_mismatch');
    });
  });
});
