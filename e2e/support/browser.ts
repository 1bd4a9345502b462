import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { repoRoot } from './node-process.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(repoRoot, 'artifacts', 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** A Chromium page on a fresh profile, sized like a port-desk laptop, that records console errors. */
export interface BrowserSession {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far, minus the 401s the auth contract makes expected. */
  readonly consoleErrors: readonly string[];
  /**
   * Takes back the console errors Chromium logged for a refusal the test provoked on purpose (a 4xx from
   * `path`), so the final no-errors check still catches everything else; returns how many it took back.
   */
  acceptRefusal(path: string, status: number): number;
  /** Saves a full-page screenshot as artifacts/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

// Chromium logs every 4xx resource load as a console error. A 401 from the auth endpoints is the contract's
// ordinary answer ("nobody signed in", "wrong password"), so only those are not counted as app errors.
function isExpectedAuthRefusal(message: ConsoleMessage): boolean {
  return (
    message.text().includes('status of 401') &&
    new URL(message.location().url, 'http://x').pathname.startsWith('/api/v1/auth/')
  );
}

/** Launches Debian's Chromium through playwright-core; fails with the install command when it is missing. */
export async function openBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install it with \`apt-get update && apt-get install -y chromium\`.`,
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'borderlink-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExpectedAuthRefusal(message)) {
      consoleErrors.push(`${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    page,
    consoleErrors,
    acceptRefusal(path, status) {
      const provoked = (error: string) => error.includes(`status of ${status}`) && error.includes(`${path})`);
      const count = consoleErrors.filter(provoked).length;
      const rest = consoleErrors.filter((error) => !provoked(error));
      consoleErrors.splice(0, consoleErrors.length, ...rest);
      return count;
    },
    async screenshot(name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
