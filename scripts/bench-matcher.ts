/**
 * Micro benchmark of the identity matcher (not a test): builds a synthetic multi-script watchlist, then screens
 * crossings against it (half derived from listed people with the edits real records show, half unlisted) and
 * prints index build time, heap, screenings/s and per-crossing p50/p99.
 *
 *   npx tsx scripts/bench-matcher.ts [--entries 200000] [--crossings 20000] [--seed 1] [--profile FILE]
 *     [--maxCandidates 8] [--readBudget 2000] [--maxPosting 1000]
 * The last line, index recall, counts the derived crossings the index flagged less than scoring their own entry
 * does: the matches the candidate stage lost. Run with `node --expose-gc --import tsx` for a heap figure measured after collection. `--profile` writes a CPU
 * profile of the screening phase only (open it in Chrome DevTools or summarise its self times).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import {
  type CrossingIdentity,
  createWatchlistIndex,
  scoreMatch,
  type Verdict,
  verdictOf,
  type WatchlistIdentity,
} from '../src/modules/warning/matcher/index.js';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
};

const profileAt = process.argv.indexOf('--profile');
const profileFile = profileAt >= 0 ? process.argv[profileAt + 1] : undefined;
const entryCount = argument('entries', 200_000);
const crossingCount = argument('crossings', 20_000);
let seed = argument('seed', 1);

/** Mulberry32: a seeded generator so runs are comparable. */
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const syllables = (pool: readonly string[], min: number, max: number): string => {
  const count = min + Math.floor(random() * (max - min + 1));
  return Array.from({ length: count }, () => pick(pool)).join('');
};
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const RU_SYLLABLES = [
  'ka',
  'ra',
  'mo',
  'li',
  'sha',
  'ne',
  'vo',
  'ba',
  'de',
  'ro',
  'zhu',
  'ko',
  'te',
  'pe',
  'ni',
];
const RU_CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  h: 'х',
};
const toCyrillic = (latin: string): string =>
  latin
    .toLowerCase()
    .replace(/zh/g, 'ж')
    .replace(/sh/g, 'ш')
    .replace(/[a-z]/g, (ch) => RU_CYRILLIC[ch] ?? '');
const HAN = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢',
];
const HAN_GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文斌海晓'];
const VI_SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
];
const VI_GIVEN = ['Văn', 'Thị', 'Minh', 'Hương', 'Dũng', 'Lan', 'Tuấn', 'Hùng', 'Thu', 'Anh', 'Quang', 'Hải'];
const AR_PARTS = [
  'moham',
  'ab',
  'dul',
  'ra',
  'him',
  'sa',
  'lim',
  'ha',
  'san',
  'kha',
  'lid',
  'fa',
  'rid',
  'ja',
  'mal',
];
const LATIN_PARTS = [
  'an',
  'der',
  'son',
  'mar',
  'tin',
  'el',
  'ber',
  'ger',
  'wil',
  'li',
  'am',
  'ro',
  'bert',
  'ste',
];
const COUNTRIES = ['RUS', 'CHN', 'VNM', 'SYR', 'DEU', 'USA', 'KAZ', 'MNG', 'THA', 'MMR'];

const birthDate = (): string => {
  const year = 1940 + Math.floor(random() * 65);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const person = (id: string): WatchlistIdentity => {
  const common = {
    id,
    sex: random() < 0.5 ? ('M' as const) : ('F' as const),
    birthDate: birthDate(),
    nationality: pick(COUNTRIES),
    documentNumber: `${String.fromCharCode(65 + Math.floor(random() * 26))}${Math.floor(random() * 1e8)}`,
  };
  switch (Math.floor(random() * 5)) {
    case 0: {
      const surname = capital(syllables(RU_SYLLABLES, 1, 3)) + pick(['ov', 'ova', 'in', 'enko', 'sky']);
      const given = capital(syllables(RU_SYLLABLES, 2, 3));
      return {
        ...common,
        surname,
        givenNames: given,
        nativeName: `${toCyrillic(surname)} ${toCyrillic(given)}`,
      };
    }
    case 1: {
      const native = pick(HAN) + pick(HAN_GIVEN) + (random() < 0.7 ? pick(HAN_GIVEN) : '');
      return { ...common, nativeName: native };
    }
    case 2:
      return { ...common, surname: pick(VI_SURNAMES), givenNames: `${pick(VI_GIVEN)} ${pick(VI_GIVEN)}` };
    case 3:
      return {
        ...common,
        surname: `Al-${capital(syllables(AR_PARTS, 2, 3))}`,
        givenNames: capital(syllables(AR_PARTS, 2, 3)),
      };
    default:
      return {
        ...common,
        surname: capital(syllables(LATIN_PARTS, 2, 3)),
        givenNames: capital(syllables(LATIN_PARTS, 1, 2)),
      };
  }
};

/** A record of a listed person as a port would take it: a typo, swapped names or no document. */
const variantOf = (entry: WatchlistIdentity, id: string): CrossingIdentity => {
  const typo = (text: string | undefined) => {
    if (!text || text.length < 4 || random() < 0.5) return text;
    const at = 1 + Math.floor(random() * (text.length - 2));
    return text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2);
  };
  const swapped = random() < 0.3;
  return {
    id,
    ...(entry.surname ? { surname: typo(swapped ? entry.givenNames : entry.surname) } : {}),
    ...(entry.givenNames ? { givenNames: swapped ? entry.surname : entry.givenNames } : {}),
    ...(entry.nativeName && (!entry.surname || random() < 0.3) ? { nativeName: entry.nativeName } : {}),
    ...(entry.birthDate ? { birthDate: entry.birthDate } : {}),
    ...(random() < 0.5 && entry.documentNumber ? { documentNumber: entry.documentNumber } : {}),
  };
};

const collect = () => (globalThis as { gc?: () => void }).gc?.();
/** The JS heap plus typed-array storage, where the index keeps its postings. */
const heapMb = () => {
  collect();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 2 ** 20;
};

const entries = Array.from({ length: entryCount }, (_, i) => person(`w${i}`));
/** The entry each derived crossing was made from, by crossing position. */
const sources = new Map<number, WatchlistIdentity>();
const crossings = Array.from({ length: crossingCount }, (_, i) => {
  if (i % 2 !== 0) return person(`c${i}`);
  const source = pick(entries);
  sources.set(i, source);
  return variantOf(source, `c${i}`);
});
const heapBefore = heapMb();
const buildStarted = performance.now();
// index options to try on the command line: --maxCandidates 8 --readBudget 2000 --maxPosting 1000
const tuning = Object.fromEntries(
  ['maxCandidates', 'readBudget', 'maxPosting']
    .filter((name) => process.argv.includes(`--${name}`))
    .map((name) => [name, argument(name, 1)]),
);
const index = createWatchlistIndex(entries, tuning);
const buildSeconds = (performance.now() - buildStarted) / 1000;
const indexHeap = heapMb() - heapBefore;

for (const crossing of crossings.slice(0, 1000)) index.screen(crossing);
const profiler = profileFile ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const latencies = new Float64Array(crossings.length);
const verdicts: Verdict[] = [];
let hits = 0;
const started = performance.now();
const cpuStarted = process.cpuUsage();
crossings.forEach((crossing, i) => {
  const at = performance.now();
  const { verdict } = index.screen(crossing);
  latencies[i] = performance.now() - at;
  verdicts.push(verdict);
  if (verdict === 'hit') hits++;
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
// on a shared machine wall time includes waiting for a core; CPU time shows the cost of screening itself
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
if (profiler && profileFile) {
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
}
latencies.sort();
// the index can only lose a match by not scoring the entry: compare with scoring each derived crossing's own entry
const RANK: Record<Verdict, number> = { clear: 0, possible: 1, hit: 2 };
let flaggable = 0;
let kept = 0;
for (const [i, source] of sources) {
  const crossing = crossings[i] as CrossingIdentity;
  const own = verdictOf(scoreMatch(crossing, source).score);
  if (own === 'clear') continue;
  flaggable++;
  if (RANK[verdicts[i] ?? 'clear'] >= RANK[own]) kept++;
}
const quantile = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;

console.log(
  [
    `entries ${entryCount}, crossings ${crossingCount} (half derived from entries)`,
    `index build ${buildSeconds.toFixed(1)} s (${Math.round(entryCount / buildSeconds)} entries/s), index heap ${indexHeap.toFixed(0)} MB${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: approximate)'}`,
    `screening ${Math.round(crossingCount / seconds)} crossings/s wall, ${Math.round(crossingCount / cpuSeconds)} per CPU-second, p50 ${(quantile(0.5) * 1000).toFixed(0)} µs, p99 ${(quantile(0.99) * 1000).toFixed(0)} µs, hits ${hits}`,
    `index recall ${(kept / Math.max(1, flaggable)).toFixed(4)}: ${kept} of ${flaggable} derived crossings whose own entry scores hit or possible kept that verdict`,
  ].join('\n'),
);
