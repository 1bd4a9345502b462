import { randomBytes } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { type Command, InvalidArgumentError } from 'commander';
import { verifyAuditChain } from '../core/audit/audit.js';
import * as accounts from '../core/auth/auth.service.js';
import { ROLES, type Role } from '../core/auth/roles.js';
import { NewUser } from '../modules/directory/directory.schema.js';
import { createUser } from '../modules/directory/directory.service.js';
import {
  importGeoJson,
  importPortsReference,
  readImportFile,
} from '../modules/directory/geography-import.js';
import { cliActor, err, out, withDatabase } from './context.js';

function roleList(value: string): Role[] {
  const roles = value.split(',').map((r) => r.trim());
  const unknown = roles.find((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown) throw new InvalidArgumentError(`unknown role "${unknown}" (roles: ${ROLES.join(', ')})`);
  return roles as Role[];
}

/** `user`, `token`, `import geography` and `audit verify`. */
export function registerFoundationCommands(program: Command, importCommand: Command): void {
  const user = program.command('user').description('manage user accounts');
  user
    .command('add')
    .description('create a user; prints a generated password when none is given')
    .argument('<username>')
    .requiredOption('--roles <roles>', `comma-separated roles: ${ROLES.join(', ')}`, roleList)
    .option('--display-name <name>', 'name shown in the application')
    .option('--password <password>', 'initial password (otherwise one is generated and printed)')
    .option('--language <lang>', 'zh, en or ru', 'en')
    .option('--unit <unitId>', 'unit the user belongs to')
    .option('--personal-data', 'allow the user to see personal data', false)
    .action(
      (
        username: string,
        opts: {
          roles: Role[];
          displayName?: string;
          password?: string;
          language: string;
          unit?: string;
          personalData: boolean;
        },
      ) =>
        withDatabase(async (handle, config) => {
          const password = opts.password ?? randomBytes(12).toString('base64url');
          const input = {
            username,
            displayName: opts.displayName ?? username,
            password,
            roles: opts.roles,
            language: opts.language as 'zh' | 'en' | 'ru',
            unitId: opts.unit ?? null,
            personalData: opts.personalData,
          };
          // the same rules as the API's, so the CLI cannot create an account the API would refuse (Desk8)
          const problem = Value.Errors(NewUser, input).First();
          if (problem) {
            err(`error: ${problem.path.slice(1)} ${problem.message} (${JSON.stringify(problem.value)})`);
            process.exitCode = 1;
            return;
          }
          const created = await createUser(handle.db, cliActor(), config.nodeCode, input);
          out(`created ${created.username} (${created.roles.join(', ')})`);
          if (!opts.password) out(`password: ${password}`);
        }),
    );
  user
    .command('list')
    .description('list users')
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }) =>
      withDatabase(async (handle) => {
        for (const u of await accounts.listUsers(handle.db, { limit: 10_000 })) {
          out(
            opts.json
              ? JSON.stringify(u)
              : `${u.username}\t${u.displayName}\t${u.roles.join(',')}${u.disabled ? '\tdisabled' : ''}`,
          );
        }
      }),
    );
  user
    .command('passwd')
    .description("set a user's password (prints a generated one when none is given); ends their sessions")
    .argument('<username>')
    .option('--password <password>', 'the new password')
    .action((username: string, opts: { password?: string }) =>
      withDatabase(async (handle) => {
        const password = opts.password ?? randomBytes(12).toString('base64url');
        await accounts.setPassword(handle.db, cliActor(), username, password);
        out(opts.password ? `password changed for ${username}` : `new password for ${username}: ${password}`);
      }),
    );

  const token = program.command('token').description('manage API tokens for machine clients');
  token
    .command('create')
    .description('create an API token; prints only the token on stdout')
    .requiredOption('--user <username>', 'the user the token acts as')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--scopes <roles>', 'limit the token to these roles', roleList)
    .option('--expires-in-days <days>', 'expiry', (v) => Number.parseInt(v, 10))
    .action((opts: { user: string; name: string; scopes?: Role[]; expiresInDays?: number }) =>
      withDatabase(async (handle) => {
        const created = await accounts.createApiToken(handle.db, cliActor(), {
          username: opts.user,
          name: opts.name,
          scopes: opts.scopes,
          expiresInDays: opts.expiresInDays,
        });
        out(created.token);
        err(`token id ${created.view.id} (scopes: ${created.view.scopes.join(', ')})`);
      }),
    );
  token
    .command('revoke')
    .description('revoke an API token by id')
    .argument('<id>')
    .action((id: string) =>
      withDatabase(async (handle) => {
        await accounts.revokeApiToken(handle.db, cliActor(), id);
        out(`revoked ${id}`);
      }),
    );

  importCommand
    .command('geography')
    .description("load China's land ports reference list, or a GeoJSON FeatureCollection file")
    .argument('[file]', 'GeoJSON FeatureCollection (features with properties.kind, code, country, name_*)')
    .action((file?: string) =>
      withDatabase(async (handle) => {
        const summary = file
          ? await importGeoJson(handle.db, cliActor(), readImportFile(file))
          : await importPortsReference(handle.db, cliActor());
        out(
          `imported: ${Object.entries(summary)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}`,
        );
      }),
    );

  program
    .command('audit')
    .description('audit log tools')
    .command('verify')
    .description('check the hash chain of the audit log; exits 1 at the first broken link')
    .action(() =>
      withDatabase(async (handle) => {
        const result = await verifyAuditChain(handle.db);
        if (result.ok) {
          out(`audit log intact: ${result.entries} entries`);
          return;
        }
        out(
          `audit log BROKEN at entry ${result.brokenAt} (${result.reason}) after ${result.entries - 1} good entries`,
        );
        process.exitCode = 1;
      }),
    );
}
