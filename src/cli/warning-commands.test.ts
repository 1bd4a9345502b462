import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTd3 } from '../modules/warning/mrz/test-support/mrz-builder.js';

const dir = mkdtempSync(path.join(tmpdir(), 'borderlink-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function borderlink(args: string[], input?: string) {
  return spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, BORDERLINK_DATA_DIR: dir, LOG_LEVEL: 'silent' },
  });
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('borderlink screen and mrz parse', () => {
  it('screens typed and MRZ crossings against a watchlist file, one JSON line per crossing', () => {
    const watchlist = path.join(dir, 'w.csv');
    const crossings = path.join(dir, 'c.csv');
    writeFileSync(
      watchlist,
      'id,surname,given_names,native_name,sex,birth_date,nationality,document_number\nW1,ZHANG,WEI,张伟,M,1985-03-15,CHN,E12345678\nW2,IVANOV,PETR,,M,1970,RUS,751234567\n',
    );
    const mrz = buildTd3({
      surname: 'IVANOV',
      givenNames: 'PETR',
      documentNumber: '751234567',
      nationality: 'RUS',
      issuingState: 'RUS',
      birthDate: '700101',
    }).join('\\n');
    writeFileSync(
      crossings,
      `id,surname,given_names,birth_date,document_number,mrz\nC1,ZHANG,WEI,1985-03-15,E12345678,\nC2,SMITH,JOHN,1960,X1,\nC3,,,,,"${mrz}"\n`,
    );
    const run = borderlink([
      'screen',
      '--watchlist',
      watchlist,
      '--crossings',
      crossings,
      '--format',
      'ndjson',
    ]);
    expect(run.status).toBe(0);
    const results = jsonLines(run.stdout);
    expect(results.map((r) => [r.crossing_id, r.verdict, r.entry_id])).toEqual([
      ['C1', 'hit', 'W1'],
      ['C2', 'clear', null],
      ['C3', 'hit', 'W2'],
    ]);
  });

  it('reports every finding of a bad MRZ on stderr, naming its line, field and check digit', () => {
    const watchlist = path.join(dir, 'w-mrz.csv');
    const crossings = path.join(dir, 'c-mrz.csv');
    writeFileSync(watchlist, 'id,surname,given_names\nW1,ZHANG,WEI\n');
    const [line1 = '', line2 = ''] = buildTd3();
    const wrongDigit = (at: number) => String((Number(line2[at]) + 1) % 10);
    const broken = `${line2.slice(0, 9)}${wrongDigit(9)}${line2.slice(10, 19)}${wrongDigit(19)}${line2.slice(20)}`;
    writeFileSync(crossings, `id,mrz\nC1,"${line1}\\n${broken}"\nC2,"${line1}\\n${line2}"\n`);
    const run = borderlink(['screen', '--watchlist', watchlist, '--crossings', crossings]);
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout).map((r) => [r.crossing_id, r.verdict])).toEqual([['C2', 'hit']]);
    const errors = jsonLines(run.stderr).map((line) => line.error as Record<string, unknown>);
    expect(errors.map((e) => [e.file, e.line, e.code])).toEqual([
      ['crossings', 2, 'warning.csv_bad_mrz'],
      ['crossings', 2, 'warning.csv_bad_mrz'],
    ]);
    expect(errors[0]?.message).toMatch(/^MRZ line 2, field documentNumber: .*check digit.*position 10/);
    expect(errors[1]?.message).toMatch(/^MRZ line 2, field birthDate: .*check digit.*position 20/);
  });

  it('refuses a crossings file without an id column up front, naming the expected columns, and exits non-zero', () => {
    const watchlist = path.join(dir, 'w-ok.csv');
    const crossings = path.join(dir, 'c-entry-id.csv');
    writeFileSync(watchlist, 'id,surname,given_names\nW1,ZHANG,WEI\n');
    writeFileSync(crossings, 'entry_id,surname,given_names\nC1,ZHANG,WEI\nC2,LI,NA\n');
    const run = borderlink(['screen', '--watchlist', watchlist, '--crossings', crossings]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      'error: crossings file: missing column id (expected: id, surname, given_names, native_name, sex, birth_date, nationality, document_number, mrz)',
    );
  });

  it('refuses a watchlist file with an id but no name, document or MRZ column', () => {
    const watchlist = path.join(dir, 'w-no-names.csv');
    const crossings = path.join(dir, 'c-ok.csv');
    writeFileSync(watchlist, 'id,name\nW1,ZHANG WEI\n');
    writeFileSync(crossings, 'id,surname\nC1,ZHANG\n');
    const run = borderlink(['screen', '--watchlist', watchlist, '--crossings', crossings]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('watchlist file: no identifying column');
    expect(run.stderr).not.toContain('is empty');
  });

  it('names a missing file in one line on stderr and exits 1, without a stack trace', () => {
    const watchlist = path.join(dir, 'w-present.csv');
    writeFileSync(watchlist, 'id,surname\nW1,ZHANG\n');
    const missing = path.join(dir, 'no-such-crossings.csv');
    const run = borderlink(['screen', '--watchlist', watchlist, '--crossings', missing]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^error: crossings file ${missing}: ENOENT`));
  });

  it('screens the rows before a broken quote, then names its line and exits 1', () => {
    const watchlist = path.join(dir, 'w-quote.csv');
    const crossings = path.join(dir, 'c-quote.csv');
    writeFileSync(watchlist, 'id,surname,given_names\nW1,ZHANG,WEI\n');
    writeFileSync(crossings, 'id,surname,given_names\nC1,ZHANG,WEI\nC2,LI,"NA"X\nC3,WANG,FANG\n');
    const run = borderlink(['screen', '--watchlist', watchlist, '--crossings', crossings]);
    expect(run.status).toBe(1);
    expect(jsonLines(run.stdout).map((r) => [r.crossing_id, r.verdict])).toEqual([['C1', 'hit']]);
    expect(run.stderr.trim()).toMatch(
      new RegExp(`^error: crossings file ${crossings}, line 3: .*Invalid Closing Quote`),
    );
    expect(run.stderr).not.toContain('    at ');
  });

  it('refuses a watchlist that gives an id twice, naming both lines, before screening anything', () => {
    const watchlist = path.join(dir, 'w-twice.csv');
    const crossings = path.join(dir, 'c-twice.csv');
    writeFileSync(watchlist, 'id,surname,given_names\nW1,ZHANG,WEI\nW2,LI,NA\nW1,WANG,FANG\n');
    writeFileSync(crossings, 'id,surname,given_names\nC1,ZHANG,WEI\n');
    const run = borderlink(['screen', '--watchlist', watchlist, '--crossings', crossings]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      `error: watchlist file ${watchlist}, line 4: id W1 is on line 2 and again on line 4`,
    );
  });

  it('prints one JSON object per MRZ document, with the failed check digit of a bad one', () => {
    const good = buildTd3().join('\n');
    const [line1, line2 = ''] = buildTd3({ documentNumber: 'E99887766' });
    const bad = `${line1}\n${line2.slice(0, 9)}${line2[9] === '0' ? '1' : '0'}${line2.slice(10)}`;
    const run = borderlink(['mrz', 'parse'], `${good}\n\n${bad}\n`);
    expect(run.status).toBe(0);
    const [first, second] = jsonLines(run.stdout);
    expect(first).toMatchObject({
      ok: true,
      format: 'TD3',
      fields: { surname: 'ZHANG', documentNumber: 'E12345678' },
    });
    expect(second).toMatchObject({ ok: false });
    expect(second?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, field: 'documentNumber', code: 'check_digit' }),
      ]),
    );
  });
});
