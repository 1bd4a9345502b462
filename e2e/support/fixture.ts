import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ApiSession, signInOverApi } from './api-session.js';
import { type BrowserSession, openBrowser } from './browser.js';
import { type RunningNode, requireBuild, startNode } from './node-process.js';
import { expectAccessible, headingOf, openFromNavigation, signInThroughForm } from './pages.js';

/** Who signs in: a username and a password. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** The administrator every test node starts with. */
export const ADMIN: Credentials = { username: 'admin', password: 'e2e-admin-password-1' };

/** A started node with its administrator signed in over the API, for seeding. */
export interface SeededNode {
  readonly node: RunningNode;
  readonly admin: ApiSession;
}

/** A file's node and Chromium page, and the page helpers every browser test uses, bound to them. */
export interface BrowserFixture {
  /** Our node (CN-NIA), the one the page opens. */
  readonly node: RunningNode;
  readonly browser: BrowserSession;
  readonly page: Page;
  /** Reads the page's level-1 heading; poll it to wait until a navigation has landed. */
  heading(): Promise<string | null>;
  /** Signs in through the form (at our node unless `at` says otherwise), in English. */
  signInAs(who: Credentials, at?: RunningNode): Promise<void>;
  /** Opens a page from the main navigation and waits until its heading reads `title`. */
  open(link: string, title: string): Promise<void>;
  /** Fails with axe-core's list when the page has serious or critical accessibility violations. */
  accessible(name: string): Promise<void>;
}

/** A browser fixture with the counterpart's node (MN-GABP) beside ours. */
export interface FederatedFixture extends BrowserFixture {
  readonly counterpart: RunningNode;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is used before beforeAll started it.`);
  return value;
}

async function seededNode(nodeCode: string): Promise<SeededNode> {
  const node = await startNode({ adminPassword: ADMIN.password, nodeCode });
  return { node, admin: await signInOverApi(node.baseUrl, ADMIN.username, ADMIN.password) };
}

/** Makes each node a trusted peer of the other, with the fingerprints each publishes. */
async function peer(a: SeededNode, aCode: string, b: SeededNode, bCode: string): Promise<void> {
  const keysA = await a.admin.request<{ fingerprint: string }>('GET', '/api/v1/federation/keys');
  const keysB = await b.admin.request<{ fingerprint: string }>('GET', '/api/v1/federation/keys');
  await a.admin.request('POST', '/api/v1/federation/peers', {
    code: bCode,
    url: b.node.baseUrl,
    fingerprint: keysB.fingerprint,
  });
  await b.admin.request('POST', '/api/v1/federation/peers', {
    code: aCode,
    url: a.node.baseUrl,
    fingerprint: keysA.fingerprint,
  });
}

// Registers the hooks of the enclosing describe (start the nodes, let the file seed them, open Chromium;
// afterwards close Chromium and stop the nodes, whatever failed) and returns the fixture bound to them.
function useNodes(
  codes: readonly string[],
  seed: (nodes: readonly SeededNode[]) => Promise<void>,
  timeout: number,
): FederatedFixture {
  // Fail at collection, not with a skip: `npm test` runs after the build, so a missing dist is a real fault.
  requireBuild();
  let nodes: SeededNode[] = [];
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    // Keep every node that started so afterAll stops it even when another failed to.
    const settled = await Promise.allSettled(codes.map(seededNode));
    nodes = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    for (const result of settled) if (result.status === 'rejected') throw result.reason;
    await seed(nodes);
    session = await openBrowser();
  }, timeout);
  afterAll(async () => {
    await session?.close();
    await Promise.all(nodes.map(({ node }) => node.stop()));
  });
  const ours = () => started(nodes[0]?.node, 'Our node');
  const browser = () => started(session, 'The browser');
  return {
    get node() {
      return ours();
    },
    get counterpart() {
      return started(nodes[1]?.node, 'The counterpart node');
    },
    get browser() {
      return browser();
    },
    get page() {
      return browser().page;
    },
    heading: () => headingOf(browser().page)(),
    signInAs: (who, at) => signInThroughForm(browser().page, (at ?? ours()).baseUrl, who),
    open: (link, title) => openFromNavigation(browser().page, link, title),
    accessible: (name) => expectAccessible(browser().page, name),
  };
}

/** Starts one node (CN-NIA), runs `seed` with its administrator, then opens Chromium; all stop after the file. */
export function browserOnOneNode(seed: (ours: SeededNode) => Promise<void> = async () => {}): BrowserFixture {
  return useNodes(['CN-NIA'], ([ours]) => seed(started(ours, 'Our node')), 60_000);
}

/**
 * Starts our node (CN-NIA) and the counterpart's (MN-GABP), runs `seed` with both administrators, makes the
 * nodes trusted peers of each other when `peered`, then opens Chromium on ours; all stop after the file.
 */
export function browserOnTwoNodes(options: {
  readonly peered: boolean;
  readonly seed?: (ours: SeededNode, theirs: SeededNode) => Promise<void>;
}): FederatedFixture {
  return useNodes(
    ['CN-NIA', 'MN-GABP'],
    async ([ours, theirs]) => {
      const a = started(ours, 'Our node');
      const b = started(theirs, 'The counterpart node');
      await options.seed?.(a, b);
      if (options.peered) await peer(a, 'CN-NIA', b, 'MN-GABP');
    },
    90_000,
  );
}
