import { readFile, writeFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError } from 'commander';
import type { Config } from '../core/config.js';
import type { DatabaseHandle } from '../core/db/database.js';
import { createLogger } from '../core/log.js';
import { exportBundle, importBundle, parseBundle } from '../modules/federation/bundle.js';
import { createFederation, type Federation } from '../modules/federation/federation.js';
import { PEER_MODES } from '../modules/federation/federation.schema.js';
import { cliActor, out, withDatabase } from './context.js';

const LANGUAGES = ['zh', 'en', 'ru'] as const;

function oneOf<const T extends readonly string[]>(values: T) {
  return (value: string): T[number] => {
    if (!values.includes(value)) throw new InvalidArgumentError(`must be one of ${values.join(', ')}`);
    return value as T[number];
  };
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!(number > 0)) throw new InvalidArgumentError('must be a positive number');
  return number;
}

/** Runs a command with federation built on the node's database (no HTTP server, no worker). */
function withFederation<T>(
  work: (federation: Federation, handle: DatabaseHandle, config: Config) => Promise<T>,
) {
  return withDatabase(async (handle, config) => {
    const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, config.nodeCode);
    const federation = await createFederation({ config, db: handle.db, log });
    return work(federation, handle, config);
  });
}

/** `keys show|rotate`, `peer add|list|remove`, `outbox export` and `inbox import`. */
export function registerFederationCommands(program: Command): void {
  const keys = program.command('keys').description("this node's federation keys");
  keys
    .command('show')
    .description('print the node code, public URL and key fingerprint to give peers out of band')
    .option('--json', 'print {code, url, fingerprint} with the canonical fingerprint')
    .action((opts: { json?: boolean }) =>
      withFederation(async (federation) => {
        const own = await federation.ownKeys();
        if (opts.json) {
          out(JSON.stringify({ code: own.code, url: own.url, fingerprint: own.fingerprint }));
          return;
        }
        out(`code:        ${own.code}`);
        out(`url:         ${own.url}`);
        out(`fingerprint: ${own.fingerprintDisplay}`);
        out(`             (canonical ${own.fingerprint})`);
      }),
    );
  keys
    .command('rotate')
    .description('create new keys; the old ones stay valid for the overlap so peers catch up')
    .option('--overlap-days <days>', 'how long the old keys stay valid', positiveNumber, 7)
    .action((opts: { overlapDays: number }) =>
      withFederation(async (federation) => {
        const fingerprint = await federation.deps.identity.rotate(cliActor(), opts.overlapDays);
        out(`rotated; new fingerprint: ${fingerprint.display}`);
        out(`old keys stay valid for ${opts.overlapDays} days; peers adopt the new ones automatically`);
      }),
    );

  const peer = program.command('peer').description('the trust list of peer agencies');
  peer
    .command('add')
    .description('trust a peer: a node (URL and fingerprint checked out of band) or a manual counterpart')
    .requiredOption('--code <code>', 'agency code, e.g. MN-GABP')
    .option('--url <url>', 'base URL of the peer node')
    .option('--fingerprint <fp>', 'fingerprint the peer read to you (either spelling)')
    .option('--mode <mode>', `${PEER_MODES.join(' or ')}`, oneOf(PEER_MODES), 'node')
    .option('--email <address>', 'where copies for a manual peer go')
    .option('--language <lang>', 'zh, en or ru', oneOf(LANGUAGES), 'en')
    .action(
      (opts: {
        code: string;
        url?: string;
        fingerprint?: string;
        mode: (typeof PEER_MODES)[number];
        email?: string;
        language: (typeof LANGUAGES)[number];
      }) =>
        withFederation(async (federation) => {
          const added = await federation.addPeer(cliActor(), {
            code: opts.code,
            mode: opts.mode,
            language: opts.language,
            ...(opts.url && { url: opts.url.replace(/\/+$/, '') }),
            ...(opts.fingerprint && { fingerprint: opts.fingerprint }),
            ...(opts.email && { email: opts.email }),
          });
          out(
            `added ${added.code} (${added.mode}${added.fingerprintDisplay ? `, ${added.fingerprintDisplay}` : ''})`,
          );
        }),
    );
  peer
    .command('list')
    .description('list peers')
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }) =>
      withFederation(async (federation) => {
        for (const p of await federation.listPeerDetails()) {
          out(
            opts.json
              ? JSON.stringify(p)
              : [
                  p.code,
                  p.mode,
                  p.status,
                  p.url ?? p.email ?? '-',
                  p.fingerprintDisplay ?? '-',
                  p.language,
                ].join('\t'),
          );
        }
      }),
    );
  peer
    .command('remove')
    .description('stop trusting a peer (its pending messages wait until it is added again)')
    .argument('[code]', 'agency code')
    .option('--code <code>', 'agency code')
    .action((code: string | undefined, opts: { code?: string }) =>
      withFederation(async (federation) => {
        const target = code ?? opts.code;
        if (!target) throw new InvalidArgumentError('name the peer to remove');
        await federation.removePeer(cliActor(), target);
        out(`removed ${target}`);
      }),
    );

  program
    .command('outbox')
    .description('messages waiting to be delivered')
    .command('export')
    .description('write pending deliveries for a peer (signed now) and our receipts for it to a bundle file')
    .requiredOption('--peer <code>', 'agency code of the peer')
    .requiredOption('--out <file>', 'bundle file to write, e.g. bundle.blx')
    .action((opts: { peer: string; out: string }) =>
      withFederation(async (federation) => {
        const bundle = await exportBundle(federation.deps, opts.peer);
        await writeFile(opts.out, JSON.stringify(bundle));
        out(
          `wrote ${bundle.deliveries.length} deliveries and ${bundle.receipts.length} receipts to ${opts.out}`,
        );
      }),
    );

  program
    .command('inbox')
    .description('messages received')
    .command('import')
    .description('import a bundle file from a peer (safe to repeat)')
    .argument('<file>', 'bundle file, e.g. bundle.blx')
    .action((file: string) =>
      withFederation(async (federation) => {
        const report = await importBundle(federation.deps, parseBundle(await readFile(file, 'utf8')));
        out(`${report.new} new, ${report.duplicate} duplicate, ${report.refused} refused`);
        out(
          `receipts: ${report.receiptsApplied} applied, ${report.receiptsKnown} already known, ${report.receiptsRefused} refused`,
        );
      }),
    );
}
