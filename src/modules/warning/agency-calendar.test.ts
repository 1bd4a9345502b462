import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { useTestNode } from '../../../test/support/nodes.js';
import { localDate } from '../situation/local-time.js';
import { addTestPort, buildCrossing, buildEntry } from './test-support/factories.js';

// A zone whose date differs from UTC's at the moment the test runs: UTC+14 from 10:00 UTC, UTC-11 before 11:00.
const zoneAwayFromUtc = (): string =>
  new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';

describeEachDatabase('the agency calendar at the desk', (dialect) => {
  const testNode = useTestNode(dialect, { code: 'CN-NIA' });

  it('counts validity in the agency’s days, not UTC’s', async () => {
    const admin = await testNode().admin();
    await addTestPort(admin);
    const zone = zoneAwayFromUtc();
    const now = new Date();
    expect(localDate(now, zone)).not.toBe(now.toISOString().slice(0, 10));
    expect((await admin.patch('/api/v1/directory/agencies/CN-NIA', { timeZone: zone })).status).toBe(200);

    const officer = await testNode().userWith(['port_officer'], { personalData: true });
    const { validFrom: _unset, ...entry } = buildEntry({
      surname: 'KIRITIMATI',
      givenNames: 'TEBAO',
      documentNumber: 'K12345678',
      birthDate: '1990-05-05',
    });
    const created = await officer.post<{ validFrom: string }>('/api/v1/warning/watchlist', entry);
    expect(created.status).toBe(201);
    // listed without a start: it starts on the agency's today
    expect(created.body.validFrom).toBe(localDate(new Date(), zone));

    const crossing = await officer.post<{ verdict: string }>(
      '/api/v1/warning/crossings',
      buildCrossing({
        identity: {
          surname: 'KIRITIMATI',
          givenNames: 'TEBAO',
          documentNumber: 'K12345678',
          birthDate: '1990-05-05',
        },
      }),
    );
    expect(crossing.status).toBe(201);
    expect(crossing.body.verdict).toBe('hit');
  });
});
