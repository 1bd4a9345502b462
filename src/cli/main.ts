#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../core/config.js';
import { migrateToLatest } from '../core/db/migrate.js';
import { AppError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { createNode } from '../server.js';
import { err, out, withDatabase } from './context.js';
import { registerExchangeCommands } from './exchange-commands.js';
import { registerFederationCommands } from './federation-commands.js';
import { registerFoundationCommands } from './foundation-commands.js';
import { registerReportsCommands } from './reports-commands.js';
import { registerSituationCommands } from './situation-commands.js';
import { registerWarningCommands } from './warning-commands.js';

// A reader that stops early (`borderlink screen … | head`) closes the pipe: that ends the output, not in error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const program = new Command()
  .name('borderlink')
  .description('Borderlink node: cross-border epidemic liaison between border agencies')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('serve')
  .description('start the node (HTTP API, web app, workers); stops cleanly on SIGTERM or SIGINT')
  .action(async () => {
    const node = await createNode(loadConfig());
    if (node.firstStart.created && node.firstStart.generated) {
      out(`First start: created user "admin" with password: ${node.firstStart.password}`);
      out('It is shown only this once. Change it after logging in.');
    } else if (node.firstStart.created) {
      out('First start: created user "admin" with the password from BORDERLINK_ADMIN_PASSWORD.');
    }
    const url = await node.start();
    out(`Borderlink ${node.context.config.nodeCode} listening on ${url}`);
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      node.context.log.info({ signal }, 'stopping');
      node.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          node.context.log.error({ err: error }, 'failed to stop cleanly');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withDatabase(
      async (handle) => {
        const applied = await migrateToLatest(handle.db);
        out(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      },
      { migrate: false },
    ),
  );

const importCommand = program.command('import').description('import data from files');

// Each module adds its commands here, one line each.
registerFoundationCommands(program, importCommand);
registerExchangeCommands(program);
registerReportsCommands(program);
registerWarningCommands(program);
registerSituationCommands(program, importCommand);
registerFederationCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof AppError || error instanceof ConfigError) {
    err(`error: ${error.message}`);
  } else {
    err(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exit(1);
});
