import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const web = join(process.cwd(), 'web/src');
const languages = ['en', 'zh', 'ru'] as const;

type Catalogue = { [key: string]: string | Catalogue };

function keysOf(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function catalogue(language: string): Set<string> {
  const folder = join(web, 'locales', language);
  return new Set(
    readdirSync(folder).flatMap((file) => {
      const area = file.replace(/\.json$/, '');
      return keysOf(JSON.parse(readFileSync(join(folder, file), 'utf8')) as Catalogue, `${area}.`);
    }),
  );
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// i18next plural forms live under suffixed keys (`count_one`, `count_few`…): a use of `count` is satisfied by them.
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

describe('web message catalogues', () => {
  const english = catalogue('en');

  it.each(languages.filter((language) => language !== 'en'))('%s has every English message', (language) => {
    const translated = catalogue(language);
    const singular = (key: string) => key.replace(pluralSuffix, '');
    const translatedBases = new Set([...translated].map(singular));
    const missing = [...english].filter((key) => !translated.has(key) && !translatedBases.has(singular(key)));
    expect(missing).toEqual([]);
  });

  it('has a message for every literal key the pages use', () => {
    const bases = new Set([...english].map((key) => key.replace(pluralSuffix, '')));
    const missing = sourceFiles(web).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)]
        .map((match) => match[1] ?? '')
        .filter((key) => !english.has(key) && !bases.has(key))
        .map((key) => `${relative(web, file)}: ${key}`);
    });
    expect(missing).toEqual([]);
  });
});
