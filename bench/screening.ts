import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { openDatabase } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { newId } from '../src/core/ids.js';
import { projectRoot } from '../src/core/paths.js';
import {
  type CrossingIdentity,
  createWatchlistIndex,
  jaroWinkler,
  scoreMatch,
  type Verdict,
  verdictOf,
  type WatchlistIdentity,
  type WatchlistIndex,
} from '../src/modules/warning/matcher/index.js';
import { insertEntries } from '../src/modules/warning/warning.store.js';
import type { WatchlistEntryRow } from '../src/modules/warning/warning.tables.js';
import type { LoadPlan, LoadResult } from './_screening-client.js';
import type { BenchOptions } from './run.js';

/**
 * Full sizes are the issue's: 1 M entries, 1 M crossings, 1,000 req/s over HTTP, 10,000 new entries screened
 * retrospectively against 14 days of 2 M crossings (a day's worth is screened and the fortnight projected).
 */
const SIZES = {
  quick: {
    entries: 100_000,
    crossings: 50_000,
    rps: 1000,
    seconds: 5,
    retroEntries: 1000,
    retroCrossings: 200_000,
    retroDays: 14,
    baselineSample: 50,
  },
  full: {
    entries: 1_000_000,
    crossings: 1_000_000,
    rps: 1000,
    seconds: 10,
    retroEntries: 10_000,
    retroCrossings: 2_000_000,
    retroDays: 14,
    baselineSample: 20,
  },
} as const;

const GOALS = { crossingsPerCpuSecond: 20_000, p99Ms: 2, httpP99Ms: 20, indexMb: 2048 } as const;

// A deterministic generator, so two runs screen the same people. Mulberry32 in 32-bit integer arithmetic: the
// LCG in floating point used before lost its low bits and repeated after 15,824 draws, so "a million entries"
// held only a few thousand distinct people.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/**
 * Synthetic travellers in the shapes the border sees, built from common parts so that the pools are wide
 * (the first pools of 8–14 names each made 78% of crossings namesakes of someone listed):
 * - Chinese: about 100 common surnames (some repeated: they are commoner) × given names of one or two syllables
 *   from 80 common given-name syllables, in Hanyu Pinyin as PRC passports print them;
 * - Russian: 60 common surnames with the feminine -A/-AYA forms, 40 given names in ICAO 9303 transliteration;
 * - Mongolian: a given name (often a compound like BAT-ERDENE) with the father's name as surname;
 * - Kazakh: -OV/-EV/-ULY surnames from common roots; Korean: 30 surnames × two-syllable given names;
 * - Vietnamese: 20 family names × middle name (VAN, THI, DUC, …) × given name; Thai: long compound surnames.
 * The count of distinct full names runs into the millions, so a namesake is rare, as at a real desk.
 */
const syllables = (text: string) => text.split(' ');
const CN_SURNAMES = syllables(
  'WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE LIN LUO GAO ZHENG LIANG XIE SONG TANG XU HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG PAN YUAN CAI JIANG YU DU YE CHENG WEI SU LYU DING REN LU YAO SHEN ZHONG JIANG CUI TAN LU FAN WANG LIAO SHI JIN WEI JIA XIA FU FANG ZOU XIONG BAI MENG QIN QIU HOU JIANG YIN XUE YAN DUAN LEI LONG LI SHI TAO HE MAO HAO GU GONG SHAO WAN QIN WU QIAN YAN DAI MO KONG XIANG CHANG',
);
const CN_GIVEN = syllables(
  'WEI FANG NA XIU YING MIN JING QIANG LEI JUN YANG TAO MING CHAO XIA HUA PING GANG HUI LI YAN HONG YUN JIE LING BO BIN NING KAI XIN YU HAO RUI ZHI WEN JIAN GUO QING FENG TING LAN MEI JUAN XUE SHAN CHUN LONG PENG HAI DONG BING YONG SHENG ZHEN CHENG XIANG DAN LIN ZE HAN XUAN YI YUE SI JIA ZI MENG QI KANG AN HAN XI LU TIAN SONG YUAN HENG',
);
const RU_ROOTS = syllables(
  'IVANOV SMIRNOV KUZNETSOV POPOV VASILEV PETROV SOKOLOV MIKHAILOV NOVIKOV FEDOROV MOROZOV VOLKOV ALEKSEEV LEBEDEV SEMENOV EGOROV PAVLOV KOZLOV STEPANOV NIKOLAEV OREKHOV ANDREEV MAKAROV NIKITIN ZAKHAROV ZAITSEV SOLOVEV BORISOV IAKOVLEV GRIGOREV ROMANOV VOROBEV SERGEEV KUZMIN FROLOV ALEKSANDROV DMITRIEV KOROLEV GUSEV KISELEV ILIN MAKSIMOV POLIAKOV SOROKIN VINOGRADOV KOVALEV BELOV MEDVEDEV ANTONOV TARASOV ZHUKOV BARANOV FILIPPOV KOMAROV DAVYDOV BELIAEV GERASIMOV BOGDANOV OSIPOV',
);
const RU_MALE = syllables(
  'ALEKSANDR SERGEI DMITRII ANDREI ALEKSEI MAKSIM EVGENII IVAN MIKHAIL ARTEM ROMAN VLADIMIR NIKOLAI DENIS PAVEL OLEG IGOR VIKTOR ANTON KONSTANTIN',
);
const RU_FEMALE = syllables(
  'ELENA OLGA NATALIA TATIANA IRINA SVETLANA ANNA MARIIA EKATERINA IULIIA ANASTASIIA DARIA LIUDMILA GALINA MARINA VALENTINA KSENIIA POLINA SOFIIA ALINA',
);
const MN_PARTS = syllables(
  'BAT ERDENE BOLD GAN ENKH TUYA SARAN GEREL OTGON MUNKH NARAN DORJ TSEREN BAYAR SUKH OYUN DELGER TUMEN ALTAN BOLOR CHIMEG NOMIN ODON ARIUN',
);
const KZ_ROOTS = syllables(
  'NURLAN ASKAR SERIK BOLAT YERLAN DAUREN ARMAN TIMUR MARAT KAIRAT BERIK ZHANDOS NURSULTAN ALIBEK DANIYAR ERBOL MUKHTAR SABIT TALGAT ZHANIBEK',
);
const KZ_GIVEN = syllables(
  'AIGERIM DINARA GULNARA ZHANAR AIZHAN SAULE ASEL MADINA NURLAN ASKAR SERIK BOLAT YERLAN DAUREN ARMAN TIMUR MARAT KAIRAT AIDOS ALMAS',
);
const KR_SURNAMES = syllables(
  'KIM LEE PARK CHOI JUNG KANG CHO YOON JANG LIM HAN OH SEO SHIN KWON HWANG AHN SONG JEON HONG YOO KO MOON YANG SON BAE BAEK HEO NAM NOH',
);
const KR_SYLLABLES = syllables(
  'MIN JI SEO YEON HYUN JUN WOO JAE SUNG HO YOUNG SU EUN HEE JIN HYE KYUNG SANG DONG CHUL SOO BIN HA NA',
);
const VN_FAMILY = syllables(
  'NGUYEN TRAN LE PHAM HOANG HUYNH PHAN VU VO DANG BUI DO HO NGO DUONG LY TRUONG DINH DOAN LAM',
);
const VN_MIDDLE = syllables('VAN THI DUC MINH HUU QUANG THANH NGOC XUAN KIM');
const VN_GIVEN = syllables(
  'AN BINH CUONG DUNG HAI HANH HIEU HOA HUNG HUONG KHANH LAN LINH LONG MAI NAM NGA PHUONG QUAN SON TAM THAO THU TRANG TUAN VY YEN HOANG DAT',
);
const TH_PARTS = syllables(
  'SRI SUK WONG SAWAT CHAI YAPORN BOON MA KAEW KLA THONG DEE SAE TANG PHAN ICH RAT TANA KIT CHAROEN PORN SOM JIT NGAM',
);
const TH_GIVEN = syllables(
  'SOMCHAI SOMSAK MALEE NATTAPONG KANYA PRASERT SUDA WICHAI ANONG BOONMEE CHANYA DARUNEE EKKACHAI GANYA JIRAPORN KITTI LAMAI NARONG PORNTIP SURIYA',
);

/** Joins a random number of parts; `glue` '' makes compounds like WONGSAWAT, '-' makes BAT-ERDENE. */
const compound = (parts: readonly string[], min: number, max: number, glue = '') =>
  Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(parts)).join(glue);

/** A name, sex and nationality in one of the shapes above. */
function travellerName(): Pick<WatchlistIdentity, 'surname' | 'givenNames' | 'sex' | 'nationality'> {
  const sex = random() < 0.5 ? 'M' : 'F';
  const shape = random();
  if (shape < 0.3) {
    return { surname: pick(CN_SURNAMES), givenNames: compound(CN_GIVEN, 1, 2), sex, nationality: 'CHN' };
  }
  if (shape < 0.5) {
    const root = pick(RU_ROOTS);
    const surname = sex === 'F' ? `${root}A` : root;
    return { surname, givenNames: pick(sex === 'F' ? RU_FEMALE : RU_MALE), sex, nationality: 'RUS' };
  }
  if (shape < 0.62) {
    return {
      surname: compound(MN_PARTS, 1, 2),
      givenNames: compound(MN_PARTS, 1, 2, random() < 0.5 ? '-' : ''),
      sex,
      nationality: 'MNG',
    };
  }
  if (shape < 0.7) {
    const surname = `${pick(KZ_ROOTS)}${pick(['OV', 'EV', 'ULY', sex === 'F' ? 'OVA' : 'OV'])}`;
    return { surname, givenNames: pick(KZ_GIVEN), sex, nationality: 'KAZ' };
  }
  if (shape < 0.78) {
    const given = `${pick(KR_SYLLABLES)}${random() < 0.5 ? ' ' : ''}${pick(KR_SYLLABLES)}`;
    return { surname: pick(KR_SURNAMES), givenNames: given, sex, nationality: 'KOR' };
  }
  if (shape < 0.92) {
    const given = `${pick(VN_MIDDLE)} ${pick(VN_GIVEN)}`;
    return { surname: pick(VN_FAMILY), givenNames: given, sex, nationality: 'VNM' };
  }
  return { surname: compound(TH_PARTS, 2, 4), givenNames: pick(TH_GIVEN), sex, nationality: 'THA' };
}

function person(id: string): WatchlistIdentity {
  const name = travellerName();
  const year = 1940 + Math.floor(random() * 65);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const nationality = name.nationality ?? 'XXX';
  return {
    id,
    ...name,
    birthDate: `${year}-${month}-${day}`,
    documentNumber: `${nationality[0]}${Math.floor(random() * 1e8)
      .toString()
      .padStart(8, '0')}`,
  };
}

/** A crossing and, for 1 in 100, the watchlist entry it was made from. */
interface BenchCrossing {
  readonly identity: CrossingIdentity;
  readonly source?: WatchlistIdentity;
}

/** A crossing: 1 in 100 is a watchlisted person, typed with an OCR slip or names in the other order. */
function crossingOf(entries: readonly WatchlistIdentity[], id: string): BenchCrossing {
  if (random() >= 0.01) return { identity: person(id) };
  const entry = pick(entries);
  const document = entry.documentNumber?.replace('0', 'O');
  const identity =
    random() < 0.5
      ? { ...entry, id, documentNumber: document }
      : { ...entry, id, surname: entry.givenNames, givenNames: entry.surname };
  return { identity, source: entry };
}

/**
 * Crossings drawn from a side sequence of the generator: unseen by the other measurements (their names are not in
 * the matcher's crossing-name cache), and the draws after them stay those of earlier runs.
 */
function sideCrossings(
  entries: readonly WatchlistIdentity[],
  count: number,
  prefix: string,
): BenchCrossing[] {
  const resume = seed;
  seed ^= 0x9e3779b9;
  const side = Array.from({ length: count }, (_, i) => crossingOf(entries, `${prefix}${i}`));
  seed = resume;
  return side;
}

const percentile = (sorted: ArrayLike<number>, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const cpuSeconds = (since?: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

// the index lives partly in typed arrays outside the JS heap: memory is counted after a full collection
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const memoryMb = () => {
  collectGarbage();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 2 ** 20;
};

/**
 * Builds the index and screens every crossing once: rate per CPU-second (the machine is shared, so wall time
 * includes waiting for a core), latency quantiles, and how many derived crossings the index kept flagged.
 */
function measureIndex(
  entries: readonly WatchlistIdentity[],
  crossings: readonly BenchCrossing[],
  coldSample: readonly BenchCrossing[],
) {
  const before = memoryMb();
  const started = performance.now();
  const buildCpu = process.cpuUsage();
  const index = createWatchlistIndex(entries);
  const buildSeconds = (performance.now() - started) / 1000;
  const buildCpuSeconds = cpuSeconds(buildCpu);
  const indexMb = memoryMb() - before;
  for (const crossing of crossings.slice(0, 1000)) index.screen(crossing.identity);
  const latencies = new Float64Array(crossings.length);
  const verdicts: Verdict[] = [];
  let flagged = 0;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  crossings.forEach((crossing, i) => {
    const t = performance.now();
    const verdict = index.screen(crossing.identity).verdict;
    latencies[i] = performance.now() - t;
    verdicts.push(verdict);
    if (verdict !== 'clear') flagged += 1;
  });
  const screenCpuSeconds = cpuSeconds(cpuStart);
  const wallSeconds = (performance.now() - wallStart) / 1000;
  latencies.sort();
  return {
    buildSeconds: round(buildSeconds, 1),
    buildCpuSeconds: round(buildCpuSeconds, 1),
    indexMb: round(indexMb, 0),
    crossingsPerCpuSecond: Math.round(crossings.length / screenCpuSeconds),
    crossingsPerWallSecond: Math.round(crossings.length / wallSeconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? 0, 1),
    flagged,
    ...derivedRecall(crossings, verdicts),
    cold: measureCold(index, coldSample),
  };
}

/** Bytes read between two crossings to evict the index from the CPU caches: the last-level cache of an EPYC. */
const EVICT_BYTES = 32 * 2 ** 20;
const COLD_SAMPLE = 1000;

/**
 * Screens crossings as the node does for a desk request. Back to back, the index's tally, postings and name
 * caches stay in the CPU caches; in the node the rest of each request (HTTP, SQL, JSON) evicts them, and the
 * same screening costs about twice as much. Reading a buffer the size of the last-level cache between crossings does the same; only screening is timed,
 * against a day as the node screens (entries not in force are left out).
 */
function measureCold(index: WatchlistIndex, sample: readonly BenchCrossing[]) {
  const evict = new Uint8Array(EVICT_BYTES);
  const day = new Date().toISOString().slice(0, 10);
  const cpuMs = new Float64Array(sample.length);
  sample.forEach((crossing, i) => {
    for (let at = 0; at < evict.length; at += 64) evict[at] = (evict[at] as number) + 1;
    const cpu = process.cpuUsage();
    index.screen(crossing.identity, day);
    const used = process.cpuUsage(cpu);
    cpuMs[i] = (used.user + used.system) / 1000;
  });
  const total = cpuMs.reduce((sum, ms) => sum + ms, 0);
  cpuMs.sort();
  return {
    crossings: sample.length,
    cpuMsPerCrossing: round(total / sample.length),
    p50CpuMs: round(percentile(cpuMs, 50)),
    p99CpuMs: round(percentile(cpuMs, 99)),
  };
}

const VERDICT_RANK: Record<Verdict, number> = { clear: 0, possible: 1, hit: 2 };

/** Derived crossings whose own entry scores hit or possible, and how many of them the index flagged as highly. */
function derivedRecall(crossings: readonly BenchCrossing[], verdicts: readonly Verdict[]) {
  let derived = 0;
  let kept = 0;
  crossings.forEach((crossing, i) => {
    if (!crossing.source) return;
    const own = verdictOf(scoreMatch(crossing.identity, crossing.source).score);
    if (own === 'clear') return;
    derived += 1;
    if (VERDICT_RANK[verdicts[i] ?? 'clear'] >= VERDICT_RANK[own]) kept += 1;
  });
  return { derived, derivedKept: kept, indexRecall: round(derived === 0 ? 1 : kept / derived, 4) };
}

/** The baseline the issue names: every entry compared by Jaro-Winkler on the full name, plus the document. */
function measureBaseline(entries: readonly WatchlistIdentity[], sample: readonly BenchCrossing[]) {
  const names = entries.map((e) => `${e.givenNames ?? ''} ${e.surname ?? ''}`);
  const started = process.cpuUsage();
  for (const { identity } of sample) {
    const name = `${identity.givenNames ?? ''} ${identity.surname ?? ''}`;
    let best = 0;
    for (let i = 0; i < entries.length; i++) {
      const score =
        entries[i]?.documentNumber === identity.documentNumber ? 1 : jaroWinkler(name, names[i] ?? '');
      if (score > best) best = score;
    }
  }
  const seconds = cpuSeconds(started);
  return {
    crossingsPerCpuSecond: round(sample.length / seconds, 1),
    msPerCrossing: round((seconds * 1000) / sample.length, 1),
  };
}

/**
 * New entries form an index of their own and a day's crossings stream through it (as the retrospective
 * worker does); the fortnight's cost is that day's times the number of days.
 */
function measureRetrospective(
  newEntries: readonly WatchlistIdentity[],
  crossings: number,
  days: number,
  pool: readonly WatchlistIdentity[],
) {
  const index = createWatchlistIndex(newEntries);
  // crossings are generated ahead and reused so that generating them is not timed
  const stream = Array.from({ length: Math.min(crossings, 200_000) }, (_, i) => crossingOf(pool, `r${i}`));
  let flagged = 0;
  const started = process.cpuUsage();
  for (let i = 0; i < crossings; i++) {
    const crossing = stream[i % stream.length] as BenchCrossing;
    if (index.screen(crossing.identity).verdict !== 'clear') flagged += 1;
  }
  const seconds = cpuSeconds(started);
  return {
    crossingsPerCpuSecond: Math.round(crossings / seconds),
    cpuSeconds: round(seconds, 1),
    projectedCpuSeconds: round(seconds * days, 0),
    flagged,
  };
}

function entryRow(identity: WatchlistIdentity, today: string, until: string): WatchlistEntryRow {
  return {
    id: identity.id,
    source_agency: 'CN-NIA',
    source_entry_id: identity.id,
    shared_notification_id: null,
    category: 'close_contact',
    surname: identity.surname ?? null,
    given_names: identity.givenNames ?? null,
    native_name: null,
    aliases: '[]',
    sex: identity.sex ?? null,
    birth_date: identity.birthDate ?? null,
    nationality: identity.nationality ?? null,
    document_type: 'passport',
    document_number: identity.documentNumber ?? null,
    issuing_state: null,
    personal_number: null,
    reason: 'benchmark',
    valid_from: today,
    valid_until: until,
    sharing_scope: 'internal',
    share_with: '[]',
    retro_screened_at: today,
    created_by: 'bench',
    created_at: today,
    updated_at: today,
  };
}

async function login(url: string, username: string, password: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken };
}

/** Runs the load generator in a child process and waits for its figures. */
function runClient(plan: LoadPlan): Promise<LoadResult> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '_screening-client.ts');
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`screening load client exited with ${code}`));
    });
    child.send(plan);
  });
}

/**
 * Starts `borderlink serve` (from the sources, as this benchmark runs) on `dataDir` as a process of its own:
 * its heap holds the node alone, not this benchmark's generated people. With BENCH_CPU_PROFILE naming a folder,
 * V8 writes the node's CPU profile there when it stops (open it in Chrome DevTools; the screening thread's own
 * time is not in it).
 */
async function startServe(dataDir: string, password: string) {
  const folder = process.env.BENCH_CPU_PROFILE;
  const profile = folder ? ['--cpu-prof', `--cpu-prof-dir=${folder}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', path.join(projectRoot, 'src/cli/main.ts'), 'serve'],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        BORDERLINK_DATA_DIR: dataDir,
        BORDERLINK_ADMIN_PASSWORD: password,
        // a Chinese node, as the benchmark records its crossings at a Chinese port (ERLIAN), whatever the shell says
        BORDERLINK_NODE_CODE: 'CN-NIA',
        DATABASE_URL: '',
        // the node runs with Node's default heap, as `npm start` does, not this benchmark's larger one
        NODE_OPTIONS: '',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (\S+)/.exec(output);
      if (listening?.[1]) resolve(listening[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the node exited with ${code} before listening:\n${output}`)),
    );
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { url, pid: child.pid as number, stop };
}

/** CPU seconds a process has used, all its threads (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are the 14th and 15th fields, the 12th and 13th after the command name
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}
const CLOCK_TICKS_PER_SECOND = 100;

/** Each rate's first second of requests is sent but not timed (see LoadPlan.warmUpSeconds). */
const CLIENT_WARM_UP_SECONDS = 1;

/**
 * p99 over HTTP at a fixed request rate, open loop (requests go out on schedule whatever the latency), sent
 * by a separate process: a load generator in the server's own event loop would queue behind its requests.
 */
async function measureHttp(entries: readonly WatchlistIdentity[], rps: number, seconds: number) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'borderlink-bench-'));
  const today = new Date().toISOString().slice(0, 10);
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const handle = openDatabase({ databaseUrl: undefined, dataDir });
  await migrateToLatest(handle.db);
  for (let start = 0; start < entries.length; start += 10_000) {
    const rows = entries.slice(start, start + 10_000).map((e) => entryRow(e, today, until));
    await handle.db.transaction().execute((trx) => insertEntries(trx, rows));
  }
  await handle.close();
  const password = 'bench-admin-password';
  const node = await startServe(dataDir, password);
  const url = node.url;
  try {
    const admin = await login(url, 'admin', password);
    const headers = (session: { cookie: string; csrf: string }) => ({
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
    });
    await fetch(`${url}/api/v1/users`, {
      method: 'POST',
      headers: headers(admin),
      body: JSON.stringify({
        username: 'desk',
        displayName: 'desk',
        password,
        roles: ['port_officer'],
        personalData: true,
      }),
    });
    // crossings are refused at a port the directory does not know
    const port = await fetch(`${url}/api/v1/directory/ports/ERLIAN`, {
      method: 'PUT',
      headers: headers(admin),
      body: JSON.stringify({
        code: 'ERLIAN',
        country: 'CN',
        names: { en: 'Erenhot', zh: '二连浩特' },
        kind: 'road_rail',
        lon: 111.98,
        lat: 43.65,
      }),
    });
    if (!port.ok) throw new Error(`could not add the benchmark's port: HTTP ${port.status}`);
    const desk = await login(url, 'desk', password);
    // Each run sends travellers the node has not screened before, as a desk does: bodies repeated from an
    // earlier run would find their names already prepared in the matcher's crossing-name cache.
    const bodiesOf = (count: number, prefix: string) =>
      Array.from({ length: Math.min(count, 20_000) }, (_, i) => {
        const { identity } = crossingOf(entries, `${prefix}${i}`);
        return JSON.stringify({
          direction: 'entry',
          portCode: 'ERLIAN',
          identity: {
            surname: identity.surname,
            givenNames: identity.givenNames,
            birthDate: identity.birthDate,
            documentNumber: identity.documentNumber,
          },
        });
      });
    // the rate the issue asks for, and a fifth of it: what the node answers when not saturated
    const rates = [...new Set([Math.round(rps / 5), rps])];
    const plan = { url: `${url}/api/v1/warning/crossings`, headers: headers(desk) };
    // Unmeasured warm-up: compiling the route's code (on V8's threads, counted in the process's CPU) would
    // otherwise be billed to the first rate's requests.
    const warmUp = rates[0] ?? rps;
    await runClient({
      ...plan,
      bodies: bodiesOf(warmUp * 2, 'w'),
      rps: warmUp,
      seconds: 2,
      warmUpSeconds: 0,
    });
    const runs = [];
    for (const rate of rates) {
      const bodies = bodiesOf(rate * (seconds + CLIENT_WARM_UP_SECONDS), `h${rate}-`);
      const cpu = processCpuSeconds(node.pid);
      const result = await runClient({
        ...plan,
        bodies,
        rps: rate,
        seconds,
        warmUpSeconds: CLIENT_WARM_UP_SECONDS,
      });
      // latencies of refused requests would measure the refusal, not screening
      const refused = Object.keys(result.statuses).filter(
        (status) => /^(warm-up )?4\d\d$/.test(status) && !status.endsWith('429'),
      );
      if (refused.length > 0)
        throw new Error(`the node refused benchmark crossings: ${JSON.stringify(result.statuses)}`);
      runs.push({
        rps: rate,
        requests: result.sent,
        ok: result.latenciesMs.length,
        statuses: result.statuses,
        p50Ms: round(percentile(result.latenciesMs, 50), 1),
        p99Ms: round(percentile(result.latenciesMs, 99), 1),
        p999Ms: round(percentile(result.latenciesMs, 99.9), 1),
        maxMs: round(result.latenciesMs[result.latenciesMs.length - 1] ?? 0, 1),
        // the server's CPU per request bounds the rate one core can sustain
        serverCpuMsPerRequest: round(
          ((processCpuSeconds(node.pid) - cpu) * 1000) / (result.sent + result.warmUpSent),
          2,
        ),
        clientWorstSendDelayMs: round(result.worstSendDelayMs, 1),
        clientCpuMsPerRequest: round(result.clientCpuMsPerRequest, 2),
      });
    }
    return runs;
  } finally {
    await node.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- screening`: index build, in-process and HTTP screening, retrospective, against a linear scan. */
export async function run(options: BenchOptions): Promise<void> {
  const size = SIZES[options.size];
  const log = (line: string) => {
    if (!options.json) process.stdout.write(`${line}\n`);
  };
  log(`screening benchmark (${options.size}): ${size.entries} entries, ${size.crossings} crossings`);
  const entries = Array.from({ length: size.entries }, () => person(newId()));
  const logHttp = (http: Awaited<ReturnType<typeof measureHttp>>) => {
    for (const run of http) {
      log(
        `HTTP at ${run.rps} req/s from a separate process: p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms (goal < ${GOALS.httpP99Ms} at ${size.rps}), p99.9 ${run.p999Ms} ms, max ${run.maxMs} ms (${run.ok}/${run.requests} ok, statuses ${JSON.stringify(run.statuses)}), server ${run.serverCpuMsPerRequest} CPU-ms per request (client ${run.clientCpuMsPerRequest}; worst send delay ${run.clientWorstSendDelayMs} ms)`,
      );
    }
  };
  // BENCH_HTTP_ONLY=1 measures the desk route alone, for quick turns while profiling it.
  if (process.env.BENCH_HTTP_ONLY) {
    logHttp(await measureHttp(entries, size.rps, size.seconds));
    return;
  }
  const crossings = Array.from({ length: size.crossings }, (_, i) => crossingOf(entries, `c${i}`));
  const inProcess = measureIndex(entries, crossings, sideCrossings(entries, COLD_SAMPLE, 'k'));
  log(
    `index: built in ${inProcess.buildSeconds} s (${inProcess.buildCpuSeconds} CPU-s), ${inProcess.indexMb} MB (goal < ${GOALS.indexMb})`,
  );
  log(
    `in-process: ${inProcess.crossingsPerCpuSecond} crossings per CPU-second (goal ≥ ${GOALS.crossingsPerCpuSecond}; ${inProcess.crossingsPerWallSecond}/s wall), p50 ${inProcess.p50Ms} ms, p99 ${inProcess.p99Ms} ms (goal < ${GOALS.p99Ms}), max ${inProcess.maxMs} ms`,
  );
  log(
    `  with the CPU caches evicted between crossings, as in the node (${inProcess.cold.crossings} unseen crossings): ${inProcess.cold.cpuMsPerCrossing} CPU-ms per crossing (${Math.round(1000 / inProcess.cold.cpuMsPerCrossing)} per CPU-second), p50 ${inProcess.cold.p50CpuMs} ms, p99 ${inProcess.cold.p99CpuMs} ms`,
  );
  log(
    `  flagged ${inProcess.flagged}; index recall ${inProcess.indexRecall} (${inProcess.derivedKept} of ${inProcess.derived} crossings made from an entry that scores hit or possible against it)`,
  );
  const baseline = measureBaseline(entries, crossings.slice(0, size.baselineSample));
  log(
    `baseline (linear Jaro-Winkler scan, ${size.baselineSample} crossings): ${baseline.crossingsPerCpuSecond} crossings per CPU-second, ${baseline.msPerCrossing} ms each`,
  );
  const retro = measureRetrospective(
    entries.slice(0, size.retroEntries),
    size.retroCrossings,
    size.retroDays,
    entries.slice(0, size.retroEntries),
  );
  log(
    `retrospective: ${size.retroEntries} new entries × ${size.retroCrossings} crossings in ${retro.cpuSeconds} CPU-s (${retro.crossingsPerCpuSecond}/CPU-s); ${size.retroDays} days ≈ ${retro.projectedCpuSeconds} CPU-s`,
  );
  const http = await measureHttp(entries, size.rps, size.seconds);
  logHttp(http);
  const ratios = {
    indexedOverLinear: round(inProcess.crossingsPerCpuSecond / baseline.crossingsPerCpuSecond, 1),
    rateOverGoal: round(inProcess.crossingsPerCpuSecond / GOALS.crossingsPerCpuSecond, 3),
  };
  log(`indexing screens ${ratios.indexedOverLinear}× faster than the linear scan`);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ bench: 'screening', figures: { size: options.size, ...size, goals: GOALS, inProcess, retrospective: retro, http }, baseline, ratios })}\n`,
    );
  }
}
