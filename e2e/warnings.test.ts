import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/core/db/database.js';
import { purgeExpired } from '../src/modules/warning/maintenance.js';
import { buildTd3 } from '../src/modules/warning/mrz/test-support/mrz-builder.js';
import { DEFAULT_WARNING_OPTIONS } from '../src/modules/warning/warning.runtime.js';
import { type ApiSession, signInOverApi } from './support/api-session.js';
import { browserOnOneNode, type Credentials } from './support/fixture.js';
import {
  crossingOfWatchlisted,
  DESK_OFFICER,
  seedOfficers,
  seedPort,
  seedZamynUud,
  WATCHLISTED,
  ZAMYN_UUD,
} from './support/seed.js';

/** The duty supervisor of the port: a port officer who also administers the node's rules. */
const SUPERVISOR = { username: 'sun.supervisor', password: 'duty-supervisor-password-1' };

/**
 * Runs the purge from a second connection beside the running node, which writes an audit entry for every read
 * the open page makes: a write transaction begun before one of the node's commits is refused (SQLITE_BUSY) at
 * once rather than made to wait, so it is begun again. The node's own purge shares its connection and never is.
 */
async function purgedBeside(db: Parameters<typeof purgeExpired>[0]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await purgeExpired(db, DEFAULT_WARNING_OPTIONS);
      return;
    } catch (error) {
      const busy = String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');
      if (!busy || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('the warnings desk in Chromium', () => {
  let desk: ApiSession;
  const app = browserOnOneNode(async ({ node, admin }) => {
    await seedOfficers(admin);
    await seedPort(admin);
    // Zamyn-Uud, the port facing Erenhot across the border: in the directory, but not ours
    await seedZamynUud(admin);
    await admin.request('POST', '/api/v1/users', {
      ...SUPERVISOR,
      displayName: 'Sun Li',
      language: 'en',
      roles: ['port_officer', 'admin'],
      personalData: true,
    });
    desk = await signInOverApi(node.baseUrl, DESK_OFFICER.username, DESK_OFFICER.password);
    await desk.request('POST', '/api/v1/warning/watchlist', { ...WATCHLISTED, sex: 'M' });
  });

  async function signInAtTheDesk(who: Credentials) {
    await app.signInAs(who);
    await app.open('Warnings', 'Warnings');
  }

  it('shows the desk officer the traveller beside the watchlisted person, each field marked', async () => {
    const { page } = app;
    await signInAtTheDesk(DESK_OFFICER);
    await page.getByText('No open alerts at this moment.').waitFor();
    await desk.request('POST', '/api/v1/warning/crossings', {
      ...crossingOfWatchlisted(),
      conveyance: 'K3 Ulaanbaatar–Beijing',
      identity: {
        ...(crossingOfWatchlisted().identity as Record<string, string>),
        sex: 'M',
        nativeName: 'Батбаяр Ганболд',
      },
    });
    const alert = page.getByTestId('hit');
    await alert.waitFor({ timeout: 10_000 });
    // The card names the traveller as recorded on the crossing and what the person is listed as.
    expect(await alert.getByTestId('hit-traveller').textContent()).toBe(
      'BATBAYAR, GANBOLD (Батбаяр Ганболд) · Close contact',
    );
    // the port by the name the directory gives it, not its code
    expect(await alert.textContent()).toContain('Erenhot · Entry');
    // the directory's place names are read once for the page, not again by each card, row and form
    const placeReads: string[] = [];
    const countPlaceReads = (request: { url(): string }) => {
      if (request.url().includes('/api/v1/directory/ports')) placeReads.push(request.url());
    };
    page.on('request', countPlaceReads);
    await alert.click();
    const traveller = page.getByTestId('traveller');
    await traveller.waitFor();
    await page
      .getByRole('row', { name: /Date of birth/ })
      .first()
      .waitFor();
    page.off('request', countPlaceReads);
    expect(placeReads).toEqual([]);
    expect(await page.getByRole('heading', { name: 'Traveller at the crossing' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Watchlisted person' }).isVisible()).toBe(true);
    const text = await traveller.textContent();
    for (const shown of [
      'BATBAYAR',
      'GANBOLD',
      'Батбаяр Ганболд',
      'E1234567',
      'Erenhot (CN-ERL)',
      'K3 Ulaanbaatar–Beijing',
    ]) {
      expect(text).toContain(shown);
    }
    const documentRow = traveller.locator('div').filter({ hasText: 'Document number' });
    expect(await documentRow.textContent()).toMatch(/E1234567\s*Agreement: exact/);
    // the matcher's explanation is worded by the page, not left in the node's English
    const explanation = page.getByRole('table').filter({ hasText: 'Weight' });
    expect(await explanation.getByRole('row', { name: /Date of birth/ }).textContent()).toContain(
      'same date',
    );
    expect(await explanation.locator('td[lang="en"]').count()).toBe(0);
    await app.accessible('hit review with the traveller');
    await app.browser.screenshot('warnings-review-traveller');

    await page.getByLabel('Reason for the decision').fill('Passport and date of birth agree');
    await page.getByRole('button', { name: 'Confirm the hit' }).click();
    await page.getByRole('tab', { name: 'Decided alerts' }).click();
    const decided = page.getByRole('button', { name: /no action recorded yet/ });
    expect(await decided.textContent()).toContain('BATBAYAR, GANBOLD');
    await decided.click();
    await page.getByLabel('Action taken').selectOption('quarantine');
    await page.getByRole('button', { name: 'Record the action' }).click();
    await page.getByText('The action is recorded.').waitFor();
    // a second action adds to the first, and both are listed in the order taken
    await page.getByLabel('Action taken').selectOption('handed_to_health_authority');
    await page.getByRole('button', { name: 'Record the action' }).click();
    const taken = page.getByRole('region', { name: 'Actions taken' }).getByRole('listitem');
    await expect.poll(() => taken.count()).toBe(2);
    expect(await taken.first().textContent()).toMatch(/^Quarantine — .*, by wang\.desk$/);
    expect(await taken.nth(1).textContent()).toMatch(/^Handed over to the health authority — /);
    await app.accessible('decided alerts');
    await app.browser.screenshot('warnings-decided');
  }, 60_000);

  it('lets the desk officer flag a conveyance but not switch rules', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Rules and conveyances' }).click();
    await page.getByText('Only an administrator can switch rules on or off.').waitFor();
    expect(await page.getByRole('button', { name: 'Save the rules' }).count()).toBe(0);
    expect(await page.getByLabel('Vehicle plate, train or flight number').isVisible()).toBe(true);
    await app.accessible('rules panel, desk officer');
  });

  it('has the supervisor flag a conveyance, and a crossing on it raises a warning the desk sees live', async () => {
    const { page } = app;
    await signInAtTheDesk(SUPERVISOR);
    await page.getByRole('tab', { name: 'Rules and conveyances' }).click();
    await page.getByText('No conveyance is flagged.').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Flagged conveyance' }).isChecked()).toBe(true);
    await page.getByLabel('Vehicle plate, train or flight number').fill('MN-4521');
    await page.getByLabel('Reason for flagging').fill('Driver tested positive in Zamyn-Uud');
    await page.getByRole('button', { name: 'Flag', exact: true }).click();
    await page.getByRole('rowheader', { name: 'MN-4521' }).waitFor();
    await page.getByRole('checkbox', { name: 'Port closed to passengers' }).uncheck();
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByText('The rules are saved.').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Port closed to passengers' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Flagged conveyance' }).isChecked()).toBe(true);
    await app.accessible('rules panel, supervisor');
    await app.browser.screenshot('warnings-rules');

    await signInAtTheDesk(DESK_OFFICER);
    await page.getByRole('tab', { name: /Desk alerts/ }).click();
    await page.getByRole('heading', { name: 'Live alerts' }).waitFor();
    await desk.request('POST', '/api/v1/warning/crossings', {
      direction: 'entry',
      portCode: 'CN-ERL',
      conveyance: 'mn 4521',
      identity: { surname: 'DORJ', givenNames: 'BOLD', documentNumber: 'MN0000001' },
    });
    const alert = page.getByTestId('hit').filter({ hasText: 'Flagged conveyance' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('New');
    await alert.click();
    const conveyanceRow = page.getByTestId('traveller').locator('div').filter({ hasText: 'Vehicle, train' });
    expect(await conveyanceRow.textContent()).toContain('raised the alert');
    await app.browser.screenshot('warnings-rule-alert');
  }, 60_000);

  it('checks travellers one after another at the desk, flagging an expired document', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Check a traveller' }).click();
    // our ports are offered by name as the officer types the code; the one facing Erenhot is not ours
    const portList = await page.getByLabel('Port code').getAttribute('list');
    const offered = page.locator(`datalist[id="${portList}"] option`);
    await expect.poll(() => offered.count()).toBe(1);
    expect(await offered.first().textContent()).toBe('Erenhot');
    await page.getByLabel('Port code').fill(ZAMYN_UUD);
    await page.getByLabel('Surname').fill('DORJ');
    await page.getByLabel('Date of birth').fill('2099-01-01');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    // both reasons at once, each beside its field and listed together, so one correction does
    const bornLater = 'The date of birth is not a real date or lies in the future';
    const notOurs = 'Port MN-ZUU is in another country (MN): crossings are recorded only at our own ports';
    await page.getByText(notOurs).first().waitFor();
    const refusal = page.getByRole('alert').filter({ hasText: notOurs });
    // listed under the form's own labels, not the API's field paths
    expect(await refusal.getByRole('listitem').allTextContents()).toEqual([
      `Date of birth: ${bornLater}`,
      `Port code: ${notOurs}`,
    ]);
    expect(await page.getByText(bornLater).count()).toBeGreaterThanOrEqual(2);
    expect(app.browser.acceptRefusal('/api/v1/warning/crossings', 400)).toBe(1);
    await page.getByLabel('Surname').fill('');
    await page.getByLabel('Date of birth').fill('');
    await page.getByLabel('Port code').fill('CN-ERL');
    await page.getByLabel('Place of residence (county code)').fill('CN-150921');
    const mrz = buildTd3({
      surname: 'TUMUR',
      givenNames: 'BOLD',
      documentNumber: 'MX7775551',
      expiryDate: '240315',
      nationality: 'MNG',
    });
    await page.getByLabel('Machine-readable zone').fill(mrz.join('\n'));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('No match.').waitFor();
    // the verdict names the traveller read from the MRZ, as the form is already empty
    expect(await page.getByRole('status').textContent()).toBe('TUMUR, BOLD · MX7775551: No match.');
    expect(await page.getByRole('alert').textContent()).toBe('The document expired on 15 Mar 2024.');
    // the traveller's fields are empty for the next one; the desk's port stays
    expect(await page.getByLabel('Machine-readable zone').inputValue()).toBe('');
    expect(await page.getByLabel('Place of residence (county code)').inputValue()).toBe('');
    expect(await page.getByLabel('Port code').inputValue()).toBe('CN-ERL');
    const focused = await page.evaluate('document.activeElement.id');
    expect(await page.getByLabel('Surname').getAttribute('id')).toBe(focused);
    await app.accessible('desk check of a traveller');

    // a state code typed in small letters is the same state
    await page.getByLabel('Surname').fill(WATCHLISTED.surname);
    await page.getByLabel('Given names').fill(WATCHLISTED.givenNames);
    await page.getByLabel('Nationality').fill('mng');
    await page.getByLabel('Document number').fill(WATCHLISTED.documentNumber);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText(/Hit \(score/).waitFor();
    expect(await page.getByLabel('Surname').inputValue()).toBe('');
    expect(await page.getByRole('alert').count()).toBe(0);

    // a rule that fires on a traveller on no list is told as a warning, not as "no match" alone
    await page.getByLabel('Vehicle, train or flight').fill('mn 4521');
    await page.getByLabel('Surname').fill('DORJ');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('Warning raised: Flagged conveyance. It waits in the Desk alerts.').waitFor();
    expect(await page.getByRole('alert').getAttribute('class')).toContain('rule-warning');
    await page.getByLabel('Vehicle, train or flight').fill('');
  }, 60_000);

  it('screens an advance passenger list and a file of crossings, reporting each bad row', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Passenger lists and files' }).click();
    await page.getByLabel('Port code').fill('CN-ERL');
    await page.getByLabel('Expected arrival or departure').fill('2026-12-01T09:30');
    await page.getByLabel('Vehicle, train or flight').fill('K23');
    await page
      .getByLabel('CSV with a header line, one passenger per line')
      .fill(
        'surname,given_names,birth_date,nationality,document_number\n' +
          `${WATCHLISTED.surname},${WATCHLISTED.givenNames},${WATCHLISTED.birthDate},MNG,${WATCHLISTED.documentNumber}\n` +
          'TSEREN,NARAN,1981,MNG,MN7654321\n',
      );
    await page.getByRole('button', { name: 'Screen the list' }).click();
    await page.getByText('Passengers screened: 2; to review: 1').waitFor();
    expect(await page.getByRole('row', { name: /BATBAYAR, GANBOLD Hit/ }).isVisible()).toBe(true);

    const csv = [
      'direction,port_code,surname,given_names,birth_date,document_number',
      'entry,CN-ERL,BAATAR,SUKH,1970-01-01,MN1234567',
      'sideways,CN-ERL,ODON,GEREL,2999-01-01,MN 1111111',
      'exit,CN-ERL,NARAN,TUYA,1990,MN2222222',
    ].join('\n');
    await page.getByLabel('File of crossings (CSV or NDJSON)').setInputFiles({
      name: 'erenhot-morning.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Screen the file' }).click();
    await page.getByText(/Screened 2 crossings, rejected 1 rows/).waitFor();
    // the bad row's three errors are listed together, its line shown once beside them
    const errorTable = page.getByRole('table', { name: 'Rows not taken' });
    const errorRows = errorTable.locator('tbody tr');
    expect(await errorRows.count()).toBe(3);
    expect(await errorRows.first().getByRole('cell').first().textContent()).toBe('3');
    expect(await errorTable.getByRole('cell', { name: '3', exact: true }).count()).toBe(1);
    const problems = await errorRows.allTextContents();
    expect(problems[0]).toContain('direction');
    expect(problems[1]).toContain('document_number');
    expect(problems[2]).toContain('warning.birth_date_invalid');
    await app.accessible('passenger lists and files');
    await app.browser.screenshot('warnings-lists');
  }, 60_000);

  it('changes a watchlist entry, emptying a field, and imports entries keeping the good rows', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Watchlist' }).click();
    await page.getByRole('button', { name: 'Change the entry for BATBAYAR, GANBOLD' }).click();
    await page.getByRole('heading', { name: 'Change the entry' }).waitFor();
    await page.getByLabel('Aliases').fill('BATBAYAR GANBOLD; ГАНБОЛД');
    // An emptied field is cleared on the node (sent as null), not refused.
    await page.getByLabel('Sex', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('heading', { name: 'Add a person' }).waitFor();
    const entries = await desk.request<{
      items: Array<{ surname: string; sex: string | null; aliases: string[] }>;
    }>('GET', '/api/v1/warning/watchlist?limit=500');
    expect(entries.items.find((entry) => entry.surname === 'BATBAYAR')).toMatchObject({
      sex: null,
      aliases: ['BATBAYAR GANBOLD', 'ГАНБОЛД'],
    });

    const until = '2099-06-30';
    const ndjson = [
      JSON.stringify({ category: 'confirmed_case', surname: 'OYUN', reason: 'confirmed', validUntil: until }),
      JSON.stringify({ category: 'nobody', surname: 'BAD', reason: 'x', validUntil: until }),
    ].join('\n');
    await page.getByLabel('Watchlist file (CSV or NDJSON)').setInputFiles({
      name: 'shared.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(ndjson),
    });
    await page.getByLabel('Keep the good rows when some are bad').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 1, rejected 1.').waitFor();
    await page.getByRole('rowheader', { name: /OYUN/ }).waitFor();
    await app.accessible('watchlist with import');
    await app.browser.screenshot('warnings-watchlist-import');
    expect(app.browser.consoleErrors, JSON.stringify(app.browser.consoleErrors)).toEqual([]);
  }, 60_000);

  it('offers no "entry refused" for a traveller leaving the country', async () => {
    const { page } = app;
    const exit = await desk.request<{ hitId: string }>(
      'POST',
      '/api/v1/warning/crossings',
      crossingOfWatchlisted('exit'),
    );
    await desk.request('POST', `/api/v1/warning/hits/${exit.hitId}/confirm`, { reason: 'passport agrees' });
    await page.getByRole('tab', { name: 'Decided alerts' }).click();
    await page.getByRole('button', { name: /Exit/ }).first().click();
    const offered = page.getByLabel('Action taken').locator('option');
    await expect.poll(() => offered.count()).toBeGreaterThan(0);
    const values = await offered.evaluateAll((options) =>
      options.map((option) => option.getAttribute('value')),
    );
    expect(values).toContain('quarantine');
    expect(values).not.toContain('refused_entry');
  }, 60_000);

  it("says plainly on an alert card that retention has removed the traveller's identity", async () => {
    const { page } = app;
    const longAgo = new Date(Date.now() - 200 * 86_400_000).toISOString();
    await desk.request('POST', '/api/v1/warning/crossings', {
      ...crossingOfWatchlisted(),
      crossedAt: longAgo,
    });
    // The node's hourly purge, run now on its database, as it would run on its own.
    const handle = openDatabase({ databaseUrl: undefined, dataDir: app.node.dataDir });
    try {
      await purgedBeside(handle.db);
    } finally {
      await handle.close();
    }
    await page.reload();
    const card = page.getByTestId('hit').filter({ hasText: 'Identity removed after the retention period' });
    await card.waitFor();
    expect(await card.getByTestId('hit-traveller').textContent()).toBe(
      'Identity removed after the retention period · Close contact',
    );
    await app.accessible('alert with a purged identity');
    await app.browser.screenshot('warnings-alert-purged');
  }, 60_000);
});
