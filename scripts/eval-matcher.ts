/**
 * Evaluates the identity matcher on public labelled data (test/fixtures/names, see SOURCES.md there) and on the
 * generated development set (test/fixtures/matcher-devset). Prints a table per set; `--json` adds one JSON
 * object as the last line; `--failures N` prints up to N misses per set (to study classes of errors, not to fit them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  createWatchlistIndex,
  DEFAULT_THRESHOLDS,
  type Sex,
  scoreMatch,
  type WatchlistIdentity,
} from '../src/modules/warning/matcher/index.js';
import { zawgyiToUnicode } from '../src/modules/warning/matcher/zawgyi.js';

const root = process.cwd();
const names = (file: string) => join(root, 'test/fixtures/names', file);
type Row = Record<string, string>;
const readCsv = (path: string): Row[] =>
  parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true });
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const f3 = (x: number) => x.toFixed(3);
const { hit, possible } = DEFAULT_THRESHOLDS;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
const tally = (counts: Counts, predicted: boolean, actual: boolean) => {
  if (predicted && actual) counts.tp++;
  else if (predicted) counts.fp++;
  else if (actual) counts.fn++;
  else counts.tn++;
};
const metrics = (c: Counts) => {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
};

const result: Record<string, unknown> = { thresholds: DEFAULT_THRESHOLDS };
const lines: string[] = [];
const print = (line: string) => lines.push(line);
const failuresAt = process.argv.indexOf('--failures');
const failureLimit = failuresAt >= 0 ? Number(process.argv[failuresAt + 1] ?? 20) : 0;
const failures = new Map<string, string[]>();
/** Keeps a sample of misses per set, printed after the tables. */
const miss = (set: string, line: string) => {
  const sample = failures.get(set) ?? [];
  failures.set(set, sample);
  if (sample.length < failureLimit) sample.push(line);
};

const nameOnly = (id: string, name: string): WatchlistIdentity => ({ id, givenNames: name });

const evaluateDevset = () => {
  const rows = readCsv(join(root, 'test/fixtures/matcher-devset/devset.csv'));
  const byScript = new Map<string, { atPossible: Counts; atHit: Counts }>();
  const identity = (row: Row, prefix: 'w' | 'c', id: string): WatchlistIdentity => {
    const value = (field: string) => row[`${prefix}_${field}`] || undefined;
    const fields = {
      surname: value('surname'),
      givenNames: value('given_names'),
      nativeName: value('native_name'),
      sex: value('sex') as Sex | undefined,
      birthDate: value('birth_date'),
      nationality: value('nationality'),
      documentNumber: value('document_number'),
    };
    return { id, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
  };
  for (const row of rows) {
    const script = row.script ?? '?';
    const bucket = byScript.get(script) ?? { atPossible: emptyCounts(), atHit: emptyCounts() };
    byScript.set(script, bucket);
    const { score } = scoreMatch(identity(row, 'c', 'c'), identity(row, 'w', 'w'));
    const actual = row.is_match === 'true';
    tally(bucket.atPossible, score >= possible, actual);
    tally(bucket.atHit, score >= hit, actual);
    if (score >= hit !== actual)
      miss(
        `dev set ${script}`,
        `${actual ? 'missed' : 'false'} ${score}: ${row.case_id} ${row.c_surname} ${row.c_given_names} ${row.c_native_name} | ${row.w_surname} ${row.w_given_names} ${row.w_native_name}`,
      );
  }
  const all = { atPossible: emptyCounts(), atHit: emptyCounts() };
  print('dev set (generated)           | at possible: P      R      F1    | at hit: P      R      F1');
  const perScript: Record<string, unknown> = {};
  for (const [script, bucket] of [...byScript, ['ALL', all] as const]) {
    if (script !== 'ALL') {
      for (const k of ['tp', 'fp', 'fn', 'tn'] as const) {
        all.atPossible[k] += bucket.atPossible[k];
        all.atHit[k] += bucket.atHit[k];
      }
    }
    const p = metrics(bucket.atPossible);
    const h = metrics(bucket.atHit);
    perScript[script] = { atPossible: p, atHit: h };
    print(
      `  ${script.padEnd(28)}|   ${f3(p.precision)}  ${f3(p.recall)}  ${f3(p.f1)}  |   ${f3(h.precision)}  ${f3(h.recall)}  ${f3(h.f1)}`,
    );
  }
  result.devset = perScript;
};

const evaluateNameBench = () => {
  const cases = readCsv(names('name_bench_cases.csv')).filter((row) => row.schema === 'Person');
  const frozen = readCsv(names('name_bench_logicv2_frozen.csv'));
  const theirs = new Map(
    frozen.map((row) => [`${row.case_group}|${row.name1}|${row.name2}`, row.predicted_match === 'true']),
  );
  const ours = emptyCounts();
  const oursOnShared = emptyCounts();
  const logic = emptyCounts();
  for (const row of cases) {
    const actual = row.is_match === 'true';
    const { score } = scoreMatch(nameOnly('a', row.name1 ?? ''), nameOnly('b', row.name2 ?? ''));
    tally(ours, score >= possible, actual);
    if (score >= possible !== actual)
      miss('name_bench', `${actual ? 'missed' : 'false'} ${score}: ${row.name1} | ${row.name2}`);
    const theirPrediction = theirs.get(`${row.case_group}|${row.name1}|${row.name2}`);
    if (theirPrediction === undefined) continue;
    tally(oursOnShared, score >= possible, actual);
    tally(logic, theirPrediction, actual);
  }
  const o = metrics(oursOnShared);
  const l = metrics(logic);
  const all = metrics(ours);
  print(
    `name_bench persons (${cases.length} pairs; ${logic.tp + logic.fp + logic.fn + logic.tn} scored by logic-v2)`,
  );
  print(
    `  ours at possible (${possible}) on shared pairs: P ${f3(o.precision)} R ${f3(o.recall)} F1 ${f3(o.f1)}  (all pairs F1 ${f3(all.f1)})`,
  );
  print(`  logic-v2 at 0.7 on the same pairs:      P ${f3(l.precision)} R ${f3(l.recall)} F1 ${f3(l.f1)}`);
  result.nameBench = { ours: o, oursAllPairs: all, logicV2: l, pairs: cases.length };
};

const yenteIdentity = (row: Row, id: string, withNationality: boolean): WatchlistIdentity => {
  const sex = row.gender === 'male' ? 'M' : row.gender === 'female' ? 'F' : undefined;
  const birthDate = row.date_of_birth || undefined;
  const nationality = withNationality && row.nationality ? row.nationality.toUpperCase() : undefined;
  return {
    id,
    givenNames: row.full_name ?? '',
    ...(sex ? { sex: sex as Sex } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(nationality ? { nationality } : {}),
  };
};

const evaluateYente = () => {
  const untreated = readCsv(names('positives_un_untreated.csv'));
  const treated = readCsv(names('positives_un_treated.csv'));
  const index = createWatchlistIndex(untreated.map((row, i) => yenteIdentity(row, `un-${i}`, true)));
  let found = 0;
  let foundPossible = 0;
  treated.forEach((row, i) => {
    const screened = index.screen(yenteIdentity(row, `t-${i}`, true));
    if (screened.best?.entryId === `un-${i}` && screened.verdict === 'hit') found++;
    else miss('un', `${screened.best?.score ?? 0}: ${row.full_name} | ${untreated[i]?.full_name}`);
    if (screened.best?.entryId === `un-${i}` && screened.verdict !== 'clear') foundPossible++;
  });
  print(
    `UN treated -> untreated (${treated.length}): recall as hit ${pct(found / treated.length)}, as hit or possible ${pct(foundPossible / treated.length)}`,
  );
  result.un = {
    rows: treated.length,
    recallHit: found / treated.length,
    recallPossible: foundPossible / treated.length,
  };

  // negatives carry country names, the UN list alpha-2 codes: nationality is left out rather than mis-compared
  const congress = readCsv(names('positives_us_congress_untreated.csv'));
  const watchlist = [
    ...untreated.map((row, i) => yenteIdentity(row, `un-${i}`, false)),
    ...congress.map((row, i) => yenteIdentity(row, `us-${i}`, false)),
  ];
  const full = createWatchlistIndex(watchlist);
  const negatives = readCsv(names('negatives_global.csv'));
  let hits = 0;
  let possibles = 0;
  const started = performance.now();
  negatives.forEach((row, i) => {
    const screened = full.screen(yenteIdentity(row, `n-${i}`, false));
    const verdict = screened.verdict;
    if (verdict === 'hit')
      miss('negatives', `${screened.best?.score}: ${row.full_name} ~ ${screened.best?.entryId}`);
    if (verdict === 'hit') hits++;
    else if (verdict === 'possible') possibles++;
  });
  const perSecond = negatives.length / ((performance.now() - started) / 1000);
  print(
    `negatives (${negatives.length}) vs UN+congress (${watchlist.length}): hits ${pct(hits / negatives.length)}, possibles ${pct(possibles / negatives.length)}  [${Math.round(perSecond)} screenings/s]`,
  );
  result.negatives = {
    rows: negatives.length,
    hitRate: hits / negatives.length,
    possibleRate: possibles / negatives.length,
    perSecond,
  };
};

/**
 * Pairs of the Wikidata samples a reading by hand judged to pair two different names (a Japanese family name with
 * the given name, a title, a place): alignment noise in the data, which no matcher should call a hit. Only the
 * pairs the matcher once missed were read, so a pair it newly misses counts as a miss here too.
 */
const wikidataNoise = (): Set<string> =>
  new Set(
    readFileSync(names('wd_misses_audit.tsv'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t'))
      .filter(([, , , label]) => label === 'different')
      .map(([language, latin, native]) => `${language}\t${latin}\t${native}`),
  );

const evaluateWikidata = () => {
  const sets: Record<string, unknown> = {};
  const noise = wikidataNoise();
  print(
    'wikidata token pairs          | recall(hit) recall(possible) | shuffled: false hit  false possible | recall(hit) without pairs audited as two names',
  );
  for (const [language, file] of [
    ['russian', 'wd_russian_20.sample.tsv'],
    ['chinese', 'wd_chinese_20.sample.tsv'],
    ['korean', 'wd_korean_20.sample.tsv'],
  ] as const) {
    const pairs = readFileSync(names(file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'))
      .map(([latin, target]) => [latin ?? '', (target ?? '').replace(/ /g, '')] as const);
    let recallHit = 0;
    let recallPossible = 0;
    let falseHit = 0;
    let falsePossible = 0;
    let audited = 0;
    let auditedHit = 0;
    pairs.forEach(([latin, target], i) => {
      const score = scoreMatch(nameOnly('a', latin), nameOnly('b', target)).score;
      if (!noise.has(`${language}\t${latin}\t${target}`)) {
        audited++;
        if (score >= hit) auditedHit++;
      }
      if (score >= hit) recallHit++;
      else miss(language, `${score}: ${latin} | ${target}`);
      if (score >= possible) recallPossible++;
      // shuffled: each Latin token against the target of a pair far away in the (random) sample
      const other = pairs[(i + 1 + Math.floor(pairs.length / 2)) % pairs.length]?.[1] ?? '';
      const shuffled = scoreMatch(nameOnly('a', latin), nameOnly('b', other)).score;
      if (shuffled >= hit) falseHit++;
      if (shuffled >= possible) falsePossible++;
    });
    const n = pairs.length;
    sets[language] = {
      pairs: n,
      recallHit: recallHit / n,
      recallPossible: recallPossible / n,
      falseHit: falseHit / n,
      falsePossible: falsePossible / n,
      auditedPairs: audited,
      recallHitAudited: auditedHit / audited,
    };
    print(
      `  ${`${language} (${n})`.padEnd(28)}|   ${pct(recallHit / n).padStart(7)}    ${pct(recallPossible / n).padStart(7)}      |   ${pct(falseHit / n).padStart(7)}    ${pct(falsePossible / n).padStart(7)}         | ${audited < n ? `${pct(auditedHit / audited)} of ${audited}` : 'not audited'}`,
    );
  }
  result.wikidata = sets;
};

/**
 * Burmese names typed in Zawgyi (as most Myanmar records were until 2019) against their usual Latin spelling,
 * then the same names converted to Unicode: both encodings must find the person.
 */
const evaluateMyanmar = () => {
  const pairs = readFileSync(names('myanmar-names.zawgyi.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .map(([burmese, latin]) => [(latin ?? '').trim(), (burmese ?? '').split('၊')[0]?.trim() ?? ''] as const);
  const sets: Record<string, unknown> = {};
  print(
    'myanmar names (Burmese→Latin)  | recall(hit) recall(possible) | shuffled: false hit  false possible',
  );
  for (const [encoding, read] of [
    ['zawgyi', (text: string) => text],
    ['unicode', zawgyiToUnicode],
  ] as const) {
    const counts = { hit: 0, possible: 0, falseHit: 0, falsePossible: 0 };
    pairs.forEach(([latin, burmese], i) => {
      const score = scoreMatch(nameOnly('a', latin), nameOnly('b', read(burmese))).score;
      if (score >= hit) counts.hit++;
      else miss(`myanmar-${encoding}`, `${score}: ${latin} | ${burmese}`);
      if (score >= possible) counts.possible++;
      const other = read(pairs[(i + 1 + Math.floor(pairs.length / 2)) % pairs.length]?.[1] ?? '');
      const shuffled = scoreMatch(nameOnly('a', latin), nameOnly('b', other)).score;
      if (shuffled >= hit) counts.falseHit++;
      if (shuffled >= possible) counts.falsePossible++;
    });
    const n = pairs.length;
    sets[encoding] = {
      pairs: n,
      recallHit: counts.hit / n,
      recallPossible: counts.possible / n,
      falseHit: counts.falseHit / n,
      falsePossible: counts.falsePossible / n,
    };
    print(
      `  ${`${encoding} (${n})`.padEnd(29)}|   ${pct(counts.hit / n).padStart(7)}    ${pct(counts.possible / n).padStart(7)}      |   ${pct(counts.falseHit / n).padStart(7)}    ${pct(counts.falsePossible / n).padStart(7)}`,
    );
  }
  result.myanmar = sets;
};

const started = performance.now();
evaluateDevset();
evaluateNameBench();
evaluateYente();
evaluateWikidata();
evaluateMyanmar();
result.seconds = (performance.now() - started) / 1000;
print(`thresholds: hit ${hit}, possible ${possible}; ${f3(result.seconds as number)} s`);
for (const [set, sample] of failures) {
  if (sample.length > 0) print(`misses in ${set}:\n  ${sample.join('\n  ')}`);
}
console.log(lines.join('\n'));
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
