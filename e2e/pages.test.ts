import { describe, expect, it } from 'vitest';
import { type ApiSession, signInOverApi } from './support/api-session.js';
import { browserOnOneNode } from './support/fixture.js';
import { typeRoute } from './support/pages.js';
import {
  COMMANDER,
  crossingOfWatchlisted,
  DESK_OFFICER,
  LIAISON_OFFICER,
  seedCounterpartAgency,
  seedErenhotCounty,
  seedErenhotSection,
  seedOfficers,
  seedPort,
  seedZamynUud,
  WATCHLISTED,
} from './support/seed.js';

describe('the module pages in Chromium', () => {
  let desk: ApiSession;
  const app = browserOnOneNode(async ({ node, admin }) => {
    await seedCounterpartAgency(admin);
    await seedErenhotCounty(admin);
    await seedErenhotSection(admin);
    await seedPort(admin);
    // Zamyn-Uud, the port facing Erenhot across the border.
    await seedZamynUud(admin);
    await seedOfficers(admin);
    desk = await signInOverApi(node.baseUrl, DESK_OFFICER.username, DESK_OFFICER.password);
    await desk.request('POST', '/api/v1/warning/watchlist', WATCHLISTED);
  });

  it('saves a county day from the entry grid and shows it in the completeness and trend views', async () => {
    const { page } = app;
    await app.signInAs(LIAISON_OFFICER);
    await app.open('Situation', 'Situation');
    const figures = { confirmed: '12', newLocal: '3', newImported: '1', asymptomatic: '2', deaths: '0' };
    for (const [label, value] of Object.entries({
      'Erenhot: Confirmed (cumulative)': figures.confirmed,
      'Erenhot: New local': figures.newLocal,
      'Erenhot: New imported': figures.newImported,
      'Erenhot: Asymptomatic': figures.asymptomatic,
      'Erenhot: Deaths': figures.deaths,
      'Erenhot: Under medical observation': '40',
      'Erenhot: Tests': '900',
    })) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as version 1').waitFor();
    await app.browser.screenshot('situation-entry');
    await app.accessible('situation entry');

    await page.getByRole('tab', { name: 'Completeness' }).click();
    await page.getByRole('heading', { name: /Reports received for/ }).waitFor();
    const ownRow = page.getByRole('row', { name: /CN-NIA/ });
    expect(await ownRow.getByRole('cell').nth(3).textContent()).toBe('1');
    await app.browser.screenshot('situation-completeness');
    await app.accessible('situation completeness');

    await page.getByRole('tab', { name: 'Both sides' }).click();
    await page.getByRole('heading', { name: /Both sides of the border on/ }).waitFor();
    await app.browser.screenshot('situation-both-sides');
    await app.accessible('situation both sides');

    await page.getByRole('tab', { name: 'Trends' }).click();
    await page.locator('.chart canvas').waitFor({ timeout: 15_000 });
    expect(await page.getByText('Risk level now:').isVisible()).toBe(true);
    await app.browser.screenshot('situation-trends');
    await app.accessible('situation trends');
  });

  it('imports a CSV of county days with progress and reports the rows taken', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Import' }).click();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const csv = `county_code,date,confirmed,new_local,new_imported,asymptomatic,deaths,under_observation,tests\nCN-150981,${yesterday},9,2,0,1,0,35,800\n`;
    await page.getByLabel('File (CSV or XLSX)').setInputFiles({
      name: 'erenhot.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported 1, unchanged 0/).waitFor();
    await app.browser.screenshot('situation-import');
    await app.accessible('situation import');
  });

  it('records a port status on the board and colours the port on the home page', async () => {
    const { page } = app;
    await app.open('Port board', 'Port board');
    await page.getByRole('button', { name: 'History and update for Erenhot' }).click();
    await page.getByLabel('Status', { exact: true }).selectOption('passengers_restricted');
    await page.getByLabel('Quarantine (days)').fill('7');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('caption').filter({ hasText: 'Status history of CN-ERL' }).waitFor();
    const row = page.getByRole('row', { name: /^Erenhot CN-ERL/ });
    await expect.poll(() => row.textContent()).toContain('Passenger traffic restricted');
    await app.browser.screenshot('ports');
    await app.accessible('port board');

    await app.open('Three clears', 'The three clears');
    await page.getByText('Ports (2)').click();
    const portRow = page.getByRole('row', { name: /Erenhot CN-ERL/ });
    await expect.poll(() => portRow.textContent()).toContain('Passengers restricted');
  });

  it('keeps the liaison log', async () => {
    const { page } = app;
    await app.open('Liaison log', 'Liaison log');
    await page.getByLabel('Subject').fill('Weekly call on the Erenhot crossing');
    await page.getByLabel('Other party').fill('Col. Batsaikhan');
    await page.getByLabel('Agency', { exact: true }).selectOption('MN-GABP');
    await page.getByLabel('Channel', { exact: true }).nth(1).selectOption('phone');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('rowheader', { name: /Weekly call on the Erenhot crossing/ }).waitFor();
    expect(await page.getByTestId('liaison-counts').textContent()).toContain('1 contact in');
    await app.browser.screenshot('liaison');
    await app.accessible('liaison log');
  });

  it('counts the period in the report, with a summary, charts and exports', async () => {
    const { page } = app;
    await app.open('Reports', 'Reports');
    await page.getByRole('heading', { name: 'Work summary' }).waitFor();
    expect(await page.getByRole('row', { name: 'Calls' }).getByRole('cell').textContent()).toBe('1');
    expect((await page.getByTestId('summary-text').textContent())?.length).toBeGreaterThan(20);
    const pdf = await page.getByRole('link', { name: 'Report as PDF' }).getAttribute('href');
    const download = await page.request.get(`${app.node.baseUrl}${pdf}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    await app.browser.screenshot('reports');
    await app.accessible('reports');
  });

  it('shows a hit at the desk as soon as a crossing is posted through the API, and lets the officer confirm it', async () => {
    const { page } = app;
    await app.signInAs(DESK_OFFICER);
    await app.open('Warnings', 'Warnings');
    await page.getByText('No open alerts at this moment.').waitFor();
    await desk.request('POST', '/api/v1/warning/crossings', crossingOfWatchlisted());
    const alert = page.getByTestId('hit');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('New');
    await app.browser.screenshot('warnings-live-alert');
    await alert.click();
    await page.getByRole('heading', { name: 'Why the matcher flagged it' }).waitFor();
    expect(await page.getByRole('row', { name: /Document number exact/ }).isVisible()).toBe(true);
    expect(await page.getByText('BATBAYAR', { exact: true }).isVisible()).toBe(true);
    await app.accessible('hit review');
    await app.browser.screenshot('warnings-review');
    await page.getByLabel('Reason for the decision').fill('Passport and date of birth agree');
    await page.getByRole('button', { name: 'Confirm the hit' }).click();
    await page.getByLabel('Action taken').waitFor();
    await page.getByLabel('Action taken').selectOption('secondary_health_check');
    await page.getByRole('button', { name: 'Record the action' }).click();
    await page.getByText('The action is recorded.').waitFor();
  }, 60_000);

  it('manages the watchlist and checks a traveller at the desk', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Watchlist' }).click();
    await page.getByRole('rowheader', { name: /BATBAYAR, GANBOLD/ }).waitFor();
    await page.getByLabel('Surname').fill('DORJ');
    await page.getByLabel('Given names').fill('ENKHTUYA');
    await page.getByLabel('Reason', { exact: true }).fill('Absconded from quarantine in Zamyn-Uud');
    await page.getByLabel('Valid until').fill('2099-01-31');
    await page.getByRole('button', { name: 'Add to the watchlist' }).click();
    await page.getByRole('rowheader', { name: /DORJ, ENKHTUYA/ }).waitFor();
    await app.browser.screenshot('warnings-watchlist');
    await app.accessible('watchlist');
    await page.getByRole('tab', { name: 'Check a traveller' }).click();
    await page.getByLabel('Port code').fill('CN-ERL');
    await page.getByLabel('Surname').fill('SMITH');
    await page.getByLabel('Given names').fill('JOHN');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('No match.').waitFor();
    await app.browser.screenshot('warnings-screen');
    await app.accessible('traveller check');
  });

  it('plans a joint patrol with a route typed and drawn on the map, and finds it in the calendar', async () => {
    const { page } = app;
    await app.signInAs(COMMANDER);
    await app.open('Operations', 'Operations');
    await app.accessible('operations calendar');
    await page.getByRole('tab', { name: 'New plan' }).click();
    await page.getByLabel('Title').fill('Joint patrol, Erenhot section');
    await typeRoute(page);
    expect(await page.locator('fieldset.route li').count()).toBe(2);
    const routeMap = page.locator('section.operations-map[data-state="ready"] canvas.maplibregl-canvas');
    await routeMap.waitFor({ timeout: 20_000 });
    await routeMap.click({ position: { x: 300, y: 120 } });
    await expect.poll(() => page.locator('fieldset.route li').count()).toBe(3);
    await app.browser.screenshot('operations-plan');
    await app.accessible('operations plan');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    const entry = page.getByRole('button', { name: 'Joint patrol, Erenhot section' }).first();
    await entry.waitFor();
    await entry.click();
    await page.getByRole('heading', { name: /Joint patrol, Erenhot section/ }).waitFor();
    expect(
      await page.getByText(/Patrol route on our side: 43\.600, 111\.950 → 43\.700, 112\.050/).isVisible(),
    ).toBe(true);
    await app.browser.screenshot('operations-calendar');
  }, 60_000);

  it('records an interception and lists handovers and hotspots', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Interceptions' }).click();
    await page.getByLabel('Longitude').fill('111.97');
    await page.getByLabel('Latitude').fill('43.66');
    await page.getByLabel('Persons').fill('2');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The interception is recorded.').waitFor();
    await page.getByRole('cell', { name: /CN-MN-ERL/ }).waitFor();
    await page.locator('section.operations-map[data-state="ready"]').waitFor({ timeout: 20_000 });
    await app.browser.screenshot('operations-interceptions');
    await app.accessible('interceptions');
    await page.getByRole('tab', { name: 'Handovers' }).click();
    await page.getByRole('heading', { name: 'Handovers' }).waitFor();
    await app.accessible('handovers');
    await page.getByRole('tab', { name: 'Hotspots' }).click();
    await page.getByRole('heading', { name: /Hotspots/ }).waitFor();
    await app.browser.screenshot('operations-hotspots');
    await app.accessible('hotspots');
  });

  it('shows every module page in Chinese and in Russian without accessibility violations', async () => {
    const { page } = app;
    const pages: [string, string, string, string][] = [
      [DESK_OFFICER.username, '/warnings', '预警', 'Оповещения'],
      [COMMANDER.username, '/operations', '联合行动', 'Совместные операции'],
    ];
    for (const [user, path, zh, ru] of pages) {
      if (user === DESK_OFFICER.username) await app.signInAs(DESK_OFFICER);
      else await app.signInAs(COMMANDER);
      await page.goto(`${app.node.baseUrl}${path}`);
      await page.getByRole('button', { name: '中文' }).click();
      await expect.poll(app.heading).toBe(zh);
      await app.browser.screenshot(`${path.slice(1)}-zh`);
      await app.accessible(`${path} zh`);
      await page.getByRole('button', { name: 'Русский' }).click();
      await expect.poll(app.heading).toBe(ru);
      await app.browser.screenshot(`${path.slice(1)}-ru`);
      await app.accessible(`${path} ru`);
    }
    await app.signInAs(LIAISON_OFFICER);
    for (const [path, zh, ru, marker] of [
      ['/situation', '疫情态势', 'Эпидобстановка', 'Подтверждено (всего)'],
      ['/ports', '口岸看板', 'Пункты пропуска', 'Режим'],
      ['/liaison', '会晤联络记录', 'Журнал контактов', 'Тема'],
      ['/reports', '统计报告', 'Отчёты', 'Звонков'],
      ['/inbox', '收件箱与发件箱', 'Входящие и исходящие', 'Новое уведомление'],
    ] as const) {
      await page.goto(`${app.node.baseUrl}${path}`);
      await page.getByRole('button', { name: '中文' }).click();
      await expect.poll(app.heading).toBe(zh);
      await page.getByRole('button', { name: '中文', pressed: true }).waitFor();
      await app.browser.screenshot(`${path.slice(1)}-zh`);
      await app.accessible(`${path} zh`);
      await page.getByRole('button', { name: 'Русский' }).click();
      await expect.poll(app.heading).toBe(ru);
      await page.getByText(marker, { exact: true }).first().waitFor();
      await app.browser.screenshot(`${path.slice(1)}-ru`);
      await app.accessible(`${path} ru`);
    }
  }, 90_000);

  it('logged no console errors on any page', () => {
    expect(app.browser.consoleErrors).toEqual([]);
  });
});
