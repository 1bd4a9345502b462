import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { countOverdue, purgeExpired, setPeerDeadlines } from '../modules/exchange/exchange.service.js';
import { cliActor, out, withDatabase } from './context.js';

function hours(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1440) {
    throw new InvalidArgumentError('hours must be a whole number from 1 to 1440');
  }
  return parsed;
}

/** `exchange overdue`, `exchange purge` and `exchange deadlines`. */
export function registerExchangeCommands(program: Command): void {
  const exchange = program.command('exchange').description('notifications between agencies');
  exchange
    .command('overdue')
    .description('count notifications past their acknowledgement deadline, by box')
    .option('--json', 'print {inbox, outbox}')
    .action((opts: { json?: boolean }) =>
      withDatabase(async (handle) => {
        const counts = await countOverdue(handle.db, new Date());
        out(opts.json ? JSON.stringify(counts) : `overdue: inbox ${counts.inbox}, outbox ${counts.outbox}`);
      }),
    );
  exchange
    .command('purge')
    .description('purge the personal data of notifications whose retention has ended')
    .action(() =>
      withDatabase(async (handle) => {
        const purged = await purgeExpired({ db: handle.db, now: () => new Date() }, cliActor());
        out(`purged ${purged} notifications`);
      }),
    );
  exchange
    .command('deadlines')
    .description('set how many hours a counterpart has to acknowledge, per priority')
    .argument('<agency>', 'counterpart agency code, e.g. MN-GABP')
    .requiredOption('--routine <hours>', 'routine notifications', hours)
    .requiredOption('--urgent <hours>', 'urgent notifications', hours)
    .requiredOption('--flash <hours>', 'flash notifications', hours)
    .action((agency: string, opts: { routine: number; urgent: number; flash: number }) =>
      withDatabase(async (handle) => {
        await setPeerDeadlines(handle.db, cliActor(), agency, opts);
        out(`${agency}: routine ${opts.routine} h, urgent ${opts.urgent} h, flash ${opts.flash} h`);
      }),
    );
}
