import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What every benchmark module exports. */
export interface BenchOptions {
  size: 'quick' | 'full';
  json: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && !['run.ts'].includes(file) && !file.startsWith('_'))
  .map((file) => file.replace(/\.ts$/, ''));

function usage(): never {
  process.stderr.write(
    `usage: npm run bench -- <name> [--size quick|full] [--json]\nbenchmarks: ${available.join(', ') || '(none yet)'}\n`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const name = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--size');
if (!name) usage();
const sizeIndex = args.indexOf('--size');
const size = sizeIndex >= 0 ? args[sizeIndex + 1] : 'quick';
if (size !== 'quick' && size !== 'full') usage();
const file = path.join(here, `${name}.ts`);
if (!existsSync(file)) {
  process.stderr.write(`no benchmark named "${name}"\n`);
  usage();
}
const bench = (await import(pathToFileURL(file).href)) as { run(options: BenchOptions): Promise<void> };
await bench.run({ size, json: args.includes('--json') });
