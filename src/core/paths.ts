import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The installed package's root: works from `src/` under tsx/vitest and from `dist/` when built. */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Shipped reference data (ports list, geography) lives here, not in the database. */
export const referenceDir = path.join(projectRoot, 'reference');
