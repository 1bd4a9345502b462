/**
 * Generates the matcher's labelled development set (test/fixtures/matcher-devset/devset.csv) from documented
 * romanisation systems and naming patterns. The romanisations here are written independently of the matcher's
 * own tables: ICAO 9303 (2021, part 3 §6 table), GOST 7.79-2000 system B, BGN/PCGN 1947 Russian, conventional
 * English spellings; Mongolian MNS 5217:2012 and Kazakh 2021 Latin; Hanyu Pinyin with surname first or last,
 * joined or spaced syllables; Vietnamese with and without diacritics, family name first or last; Thai RTGS and
 * common English-style spellings; Burmese names with the honorifics U, Daw, Maung, Ko, Ma.
 * Usage: tsx scripts/generate-matcher-devset.ts [--seed N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const seedArg = process.argv.indexOf('--seed');
let state = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 20260501;
const random = (): number => {
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (p: number): boolean => random() < p;

interface Person {
  surname: string;
  given: string;
  native: string;
  sex: 'M' | 'F';
  birthDate: string;
  nationality: string;
  document: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const randomDate = (): string =>
  `${1950 + Math.floor(random() * 55)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
const randomDocument = (): string => {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  let out = pick([...letters]) + pick([...letters]);
  for (let i = 0; i < 7; i++) out += String(Math.floor(random() * 10));
  return out;
};

// ---------- Cyrillic romanisation systems ----------
const ICAO: Record<string, string> = Object.fromEntries(
  'а a б b в v г g д d е e ё e ж zh з z и i й i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ ie ы y ь _ э e ю iu я ia ә a ө o ү u ұ u қ k ғ g ң n һ h і i'
    .split(' ')
    .flatMap((v, i, all) => (i % 2 === 0 ? [[v, all[i + 1] === '_' ? '' : (all[i + 1] ?? '')]] : [])),
);
const GOST_B: Record<string, string> = {
  ...ICAO,
  й: 'j',
  х: 'x',
  ц: 'cz',
  щ: 'shh',
  ъ: '',
  ы: 'y',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ё: 'yo',
};
const BGN: Record<string, string> = { ...ICAO, й: 'y', ю: 'yu', я: 'ya', ъ: '', ё: 'ye' };
const MNS: Record<string, string> = { ...BGN, ө: 'ö', ү: 'ü', ж: 'j', е: 'ye', ё: 'yo' };
const KAZ_LATIN: Record<string, string> = {
  ...BGN,
  ә: 'ä',
  ө: 'ö',
  ү: 'ü',
  ұ: 'ū',
  қ: 'q',
  ғ: 'ğ',
  ң: 'ñ',
  ш: 'ş',
  ж: 'j',
  й: 'i',
  і: 'ı',
  х: 'h',
};

const VOWELS = new Set([...'аеёиоуыэюяәөүұі']);
const romanise = (word: string, table: Record<string, string>, system: string): string => {
  const chars = [...word.toLowerCase()];
  let out = '';
  chars.forEach((ch, i) => {
    const previous = chars[i - 1];
    const initialOrAfterVowel =
      previous === undefined || VOWELS.has(previous) || previous === 'ь' || previous === 'ъ';
    if (ch === 'е' && (system === 'bgn' || system === 'english') && initialOrAfterVowel) out += 'ye';
    else if (
      system === 'english' &&
      ch === 'й' &&
      i === chars.length - 1 &&
      (previous === 'и' || previous === 'ы')
    )
      out = `${out.slice(0, -1)}y`;
    else if (system === 'english' && ch === 'с' && previous === 'к') out = `${out.slice(0, -1)}x`;
    else if (system === 'gost' && ch === 'ц' && /[иеыйі]/.test(chars[i + 1] ?? '')) out += 'c';
    else out += table[ch] ?? ch;
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
};

const RU_MALE = [
  'Евгений',
  'Александр',
  'Сергей',
  'Дмитрий',
  'Алексей',
  'Юрий',
  'Андрей',
  'Николай',
  'Фёдор',
  'Илья',
  'Максим',
  'Григорий',
  'Вячеслав',
  'Олег',
  'Виктор',
  'Михаил',
  'Пётр',
  'Аркадий',
  'Василий',
  'Тимофей',
];
const RU_FEMALE = [
  'Юлия',
  'Наталья',
  'Екатерина',
  'Ксения',
  'Татьяна',
  'Ольга',
  'Людмила',
  'Елена',
  'Дарья',
  'Анастасия',
  'Ирина',
  'Светлана',
  'Мария',
  'Евгения',
  'Софья',
];
const RU_SURNAMES = [
  'Иванов',
  'Кузнецов',
  'Хрущёв',
  'Щербаков',
  'Цветков',
  'Жуков',
  'Яковлев',
  'Соловьёв',
  'Чернышёв',
  'Воробьёв',
  'Зайцев',
  'Шевчук',
  'Юсупов',
  'Ершов',
  'Белых',
  'Хабибуллин',
  'Григорьев',
  'Ефимов',
  'Плюхин',
  'Медведев',
  'Козлов',
  'Лебедев',
  'Фёдоров',
  'Ядринцев',
];
const KZ_MN_GIVEN_M = [
  'Нұрсұлтан',
  'Қайрат',
  'Әлихан',
  'Ерлан',
  'Дәулет',
  'Бат-Эрдэнэ',
  'Ганбаатар',
  'Төмөрбаатар',
  'Өлзийбат',
  'Мөнх-Очир',
  'Сүхбаатар',
  'Жаргал',
];
const KZ_MN_GIVEN_F = [
  'Айгүл',
  'Гүлнар',
  'Әсем',
  'Жансая',
  'Оюунчимэг',
  'Сарантуяа',
  'Болормаа',
  'Цэцэг',
  'Өнөрмаа',
  'Энхжаргал',
];
const KZ_MN_SURNAMES = [
  'Назарбаев',
  'Тоқаев',
  'Сәрсенбаев',
  'Жұмабеков',
  'Қасымов',
  'Өтемісов',
  'Батболд',
  'Ганхуяг',
  'Мөнхбаяр',
  'Түмэндэлгэр',
  'Эрдэнэбат',
  'Цогтбаатар',
];
const feminine = (surname: string): string => (/(ов|ев|ёв|ин)$/.test(surname) ? `${surname}а` : surname);

// ---------- Chinese ----------
const HAN_SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['黄', 'Huang'],
  ['赵', 'Zhao'],
  ['吴', 'Wu'],
  ['周', 'Zhou'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['马', 'Ma'],
  ['朱', 'Zhu'],
  ['胡', 'Hu'],
  ['郭', 'Guo'],
  ['何', 'He'],
  ['林', 'Lin'],
  ['罗', 'Luo'],
  ['高', 'Gao'],
  ['欧阳', 'Ouyang'],
  ['司马', 'Sima'],
];
const HAN_GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀', 'xiu'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['桂', 'gui'],
  ['英', 'ying'],
  ['华', 'hua'],
  ['建', 'jian'],
  ['国', 'guo'],
  ['文', 'wen'],
  ['晓', 'xiao'],
  ['志', 'zhi'],
  ['海', 'hai'],
  ['春', 'chun'],
];

// ---------- Vietnamese ----------
const VI_FAMILY = [
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
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const VI_MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quốc', 'Thanh', 'Công'];
const VI_MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Bích'];
const VI_GIVEN_M = [
  'Dũng',
  'Hùng',
  'Nam',
  'Long',
  'Quang',
  'Trung',
  'Tuấn',
  'Đạt',
  'Khánh',
  'Phúc',
  'Thắng',
  'Sơn',
];
const VI_GIVEN_F = [
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Phương',
  'Thảo',
  'Trang',
  'Hằng',
  'Nhung',
  'Yến',
  'Vy',
  'Hạnh',
];
const stripMarks = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

// ---------- Thai: native spelling, RTGS, and the English-style spelling often seen in passports ----------
const TH_GIVEN: ReadonlyArray<readonly [string, string, string, 'M' | 'F']> = [
  ['สมชาย', 'Somchai', 'Somchai', 'M'],
  ['สมศักดิ์', 'Somsak', 'Somsak', 'M'],
  ['วิชัย', 'Wichai', 'Wichai', 'M'],
  ['สุรชัย', 'Surachai', 'Surachai', 'M'],
  ['ชัยวัฒน์', 'Chaiwat', 'Chaiwat', 'M'],
  ['ประเสริฐ', 'Prasoet', 'Prasert', 'M'],
  ['บุญชัย', 'Bunchai', 'Boonchai', 'M'],
  ['ธนากร', 'Thanakon', 'Thanakorn', 'M'],
  ['สุดา', 'Suda', 'Suda', 'F'],
  ['มาลี', 'Mali', 'Malee', 'F'],
  ['นิภา', 'Nipha', 'Nipa', 'F'],
  ['สมหญิง', 'Somying', 'Somying', 'F'],
  ['วันดี', 'Wandi', 'Wandee', 'F'],
  ['รัตนา', 'Rattana', 'Rattana', 'F'],
  ['กาญจนา', 'Kanchana', 'Kanjana', 'F'],
];
const TH_SURNAMES: ReadonlyArray<readonly [string, string, string]> = [
  ['วงศ์สวัสดิ์', 'Wongsawat', 'Wongsawat'],
  ['ศรีสุข', 'Sisuk', 'Srisook'],
  ['แสงทอง', 'Saengthong', 'Sangthong'],
  ['บุญมา', 'Bunma', 'Boonma'],
  ['ทองดี', 'Thongdi', 'Thongdee'],
  ['สุขสวัสดิ์', 'Suksawat', 'Sooksawat'],
  ['จันทร์เพ็ญ', 'Chanphen', 'Janpen'],
  ['พรหมมา', 'Phromma', 'Promma'],
  ['ศรีวงศ์', 'Siwong', 'Sriwong'],
  ['มีสุข', 'Misuk', 'Meesook'],
  ['รุ่งเรือง', 'Rungrueang', 'Rungruang'],
  ['แก้วมณี', 'Kaeomani', 'Kaewmanee'],
];

// ---------- Burmese: names without surnames, honorifics by age and sex ----------
const MM_PARTS_M = [
  'Aung',
  'Kyaw',
  'Min',
  'Myint',
  'Htun',
  'Win',
  'Zaw',
  'Soe',
  'Thein',
  'Naing',
  'Hlaing',
  'Thant',
  'Thura',
  'Phyo',
  'Ye',
  'Lwin',
  'Maung',
  'Oo',
];
const MM_PARTS_F = [
  'Khin',
  'Myo',
  'Nwe',
  'Thida',
  'Su',
  'Hla',
  'Nilar',
  'Yin',
  'Mya',
  'Thet',
  'Sandar',
  'Aye',
  'Cho',
  'Ei',
  'Phyu',
  'Wai',
];
const MM_VARIANTS: Record<string, string> = {
  Htun: 'Tun',
  Kyaw: 'Kyaw',
  Myint: 'Myint',
  Thein: 'Thein',
  Oo: 'U',
  Aye: 'Aye',
  Hlaing: 'Hlaing',
};

// ---------- Latin (typos, OCR, reordering) ----------
const LATIN_GIVEN: ReadonlyArray<readonly [string, 'M' | 'F']> = [
  ['Michael', 'M'],
  ['Jennifer', 'F'],
  ['Francisco', 'M'],
  ['Katarzyna', 'F'],
  ['Mohammed', 'M'],
  ['Fatima', 'F'],
  ['Giuseppe', 'M'],
  ['Isabelle', 'F'],
  ['Oluwaseun', 'M'],
  ['Ngozi', 'F'],
  ['Rajesh', 'M'],
  ['Priya', 'F'],
  ['Lukas', 'M'],
  ['Annika', 'F'],
];
const LATIN_SURNAMES = [
  'Schneider',
  'Fernandez',
  'Kowalski',
  'Okonkwo',
  'Rossi',
  'Dubois',
  'Haddad',
  'Sharma',
  'Johansson',
  'Papadopoulos',
  'MacLeod',
  'Van der Berg',
  'Al-Rashid',
  'Nakamura',
];

interface Variant {
  readonly surname: string;
  readonly given: string;
  readonly native: string;
}
interface Pattern {
  readonly script: string;
  readonly make: () => Person;
  /** A spelling of the same person as another system or document would write it. */
  readonly vary: (person: Person) => Variant;
}

const basePerson = (sex: 'M' | 'F', nationality: string, names: Variant): Person => ({
  surname: names.surname,
  given: names.given,
  native: names.native,
  sex,
  birthDate: randomDate(),
  nationality,
  document: randomDocument(),
});

const CYRILLIC_SYSTEMS: ReadonlyArray<readonly [string, Record<string, string>]> = [
  ['icao', ICAO],
  ['gost', GOST_B],
  ['bgn', BGN],
  ['english', BGN],
];

const russian: Pattern = {
  script: 'russian-cyrillic',
  make: () => {
    const sex = chance(0.5) ? 'M' : 'F';
    const given = pick(sex === 'M' ? RU_MALE : RU_FEMALE);
    const surname = sex === 'M' ? pick(RU_SURNAMES) : feminine(pick(RU_SURNAMES));
    return basePerson(sex, 'RUS', {
      surname: romanise(surname, ICAO, 'icao'),
      given: romanise(given, ICAO, 'icao'),
      native: `${surname} ${given}`,
    });
  },
  vary: (person) => {
    const [surname, given] = person.native.split(' ') as [string, string];
    const [system, table] = pick(CYRILLIC_SYSTEMS);
    if (chance(0.3)) return { surname: '', given: '', native: `${given} ${surname}` };
    return { surname: romanise(surname, table, system), given: romanise(given, table, system), native: '' };
  },
};

const centralAsian: Pattern = {
  script: 'kazakh-mongolian-cyrillic',
  make: () => {
    const sex = chance(0.5) ? 'M' : 'F';
    const given = pick(sex === 'M' ? KZ_MN_GIVEN_M : KZ_MN_GIVEN_F);
    const surname = pick(KZ_MN_SURNAMES);
    const nationality = /[ұқәіңғ]/.test(given + surname) || /ев$|ов$/.test(surname) ? 'KAZ' : 'MNG';
    const final = sex === 'F' && nationality === 'KAZ' ? feminine(surname) : surname;
    return basePerson(sex, nationality, {
      surname: romanise(final, ICAO, 'icao'),
      given: romanise(given, ICAO, 'icao'),
      native: `${final} ${given}`,
    });
  },
  vary: (person) => {
    const [surname, given] = person.native.split(' ') as [string, string];
    const systems: ReadonlyArray<readonly [string, Record<string, string>]> = [
      ['bgn', BGN],
      ['mns', MNS],
      ['kaz', KAZ_LATIN],
      ['gost', GOST_B],
    ];
    const [system, table] = pick(systems);
    return {
      surname: stripMarks(romanise(surname, table, system)),
      given: stripMarks(romanise(given, table, system)).replace('-', chance(0.5) ? '' : ' '),
      native: '',
    };
  },
};

const chinese: Pattern = {
  script: 'chinese',
  make: () => {
    const [hanSurname, pySurname] = pick(HAN_SURNAMES);
    const parts = chance(0.7) ? [pick(HAN_GIVEN), pick(HAN_GIVEN)] : [pick(HAN_GIVEN)];
    const given = parts.map(([, py]) => py).join('');
    return basePerson(chance(0.5) ? 'M' : 'F', 'CHN', {
      surname: pySurname,
      given: given.charAt(0).toUpperCase() + given.slice(1),
      native: hanSurname + parts.map(([han]) => han).join(''),
    });
  },
  vary: (person) => {
    const syllables = person.given
      .toLowerCase()
      .match(/(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouv]+(?:ng|n(?![aeiou])|r)?/g) ?? [person.given];
    const spaced = syllables.map((s) => s.charAt(0).toUpperCase() + s.slice(1));
    const style = Math.floor(random() * 4);
    const given = style === 0 ? spaced.join(' ') : style === 1 ? spaced.join('-') : person.given;
    if (chance(0.3)) return { surname: '', given: `${given} ${person.surname}`.toUpperCase(), native: '' };
    if (chance(0.2)) return { surname: '', given: '', native: person.native };
    return { surname: person.surname.toUpperCase(), given, native: '' };
  },
};

const vietnamese: Pattern = {
  script: 'vietnamese',
  make: () => {
    const sex = chance(0.5) ? 'M' : 'F';
    const family = pick(VI_FAMILY);
    const middle = pick(sex === 'M' ? VI_MIDDLE_M : VI_MIDDLE_F);
    const given = pick(sex === 'M' ? VI_GIVEN_M : VI_GIVEN_F);
    return basePerson(sex, 'VNM', {
      surname: stripMarks(family),
      given: stripMarks(`${middle} ${given}`),
      native: `${family} ${middle} ${given}`,
    });
  },
  vary: (person) => {
    const [family, middle, given] = person.native.split(' ') as [string, string, string];
    const marks = chance(0.5) ? (s: string) => s : stripMarks;
    if (chance(0.4)) return { surname: '', given: marks(`${middle} ${given} ${family}`), native: '' };
    if (chance(0.3)) return { surname: marks(family), given: marks(given), native: '' };
    return {
      surname: marks(family).toUpperCase(),
      given: marks(`${middle} ${given}`).toUpperCase(),
      native: '',
    };
  },
};

const thai: Pattern = {
  script: 'thai',
  make: () => {
    const [nativeGiven, rtgsGiven, , sex] = pick(TH_GIVEN);
    const [nativeSurname, rtgsSurname] = pick(TH_SURNAMES);
    return basePerson(sex, 'THA', {
      surname: rtgsSurname,
      given: rtgsGiven,
      native: `${nativeGiven} ${nativeSurname}`,
    });
  },
  vary: (person) => {
    const [nativeGiven, nativeSurname] = person.native.split(' ');
    const given = TH_GIVEN.find(([n]) => n === nativeGiven);
    const surname = TH_SURNAMES.find(([n]) => n === nativeSurname);
    if (chance(0.3)) return { surname: '', given: '', native: person.native };
    const honorific = chance(0.3) ? pick(['Mr ', 'Mrs ', 'Khun ']) : '';
    return {
      surname: surname?.[2] ?? person.surname,
      given: honorific + (given?.[2] ?? person.given),
      native: '',
    };
  },
};

const burmese: Pattern = {
  script: 'burmese',
  make: () => {
    const sex = chance(0.5) ? 'M' : 'F';
    const pool = sex === 'M' ? MM_PARTS_M : MM_PARTS_F;
    const count = chance(0.6) ? 2 : 3;
    const parts: string[] = [];
    while (parts.length < count) {
      const part = pick(pool);
      if (!parts.includes(part)) parts.push(part);
    }
    return basePerson(sex, 'MMR', { surname: '', given: parts.join(' '), native: '' });
  },
  vary: (person) => {
    const honorific = person.sex === 'M' ? pick(['U ', 'Maung ', 'Ko ', 'Mg ']) : pick(['Daw ', 'Ma ']);
    const parts = person.given.split(' ').map((part) => (chance(0.3) ? (MM_VARIANTS[part] ?? part) : part));
    return { surname: '', given: honorific + (chance(0.3) ? parts.join('') : parts.join(' ')), native: '' };
  },
};

const typo = (word: string): string => {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
  return word.slice(0, i) + word.charAt(i) + word.slice(i);
};

const latin: Pattern = {
  script: 'latin',
  make: () => {
    const [given, sex] = pick(LATIN_GIVEN);
    return basePerson(sex, pick(['DEU', 'ESP', 'POL', 'NGA', 'ITA', 'FRA', 'LBN', 'IND']), {
      surname: pick(LATIN_SURNAMES),
      given,
      native: '',
    });
  },
  vary: (person) => {
    const surname = chance(0.5)
      ? typo(person.surname)
      : person.surname.replace(/[- ]/g, chance(0.5) ? '' : ' ');
    const given = chance(0.4) ? typo(person.given) : person.given;
    if (chance(0.3)) return { surname: '', given: `${surname.toUpperCase()}, ${given}`, native: '' };
    return { surname, given, native: '' };
  },
};

const PATTERNS = [russian, centralAsian, chinese, vietnamese, thai, burmese, latin];

const OCR_SWAPS: Record<string, string> = {
  '0': 'O',
  O: '0',
  '1': 'I',
  I: '1',
  '8': 'B',
  B: '8',
  '5': 'S',
  S: '5',
  '2': 'Z',
  Z: '2',
};
const crossingDocument = (document: string): string => {
  if (chance(0.3)) return '';
  if (chance(0.3)) return [...document].map((ch) => (chance(0.3) ? (OCR_SWAPS[ch] ?? ch) : ch)).join('');
  if (chance(0.15)) return document.slice(0, 3) + document.charAt(4) + document.charAt(3) + document.slice(5);
  return document;
};
const crossingBirthDate = (date: string): string => {
  const [y, m, d] = date.split('-') as [string, string, string];
  const roll = random();
  if (roll < 0.1) return '';
  if (roll < 0.2) return y;
  if (roll < 0.3) return `${y}-${m}`;
  if (roll < 0.4 && Number(d) <= 12) return `${y}-${d}-${m}`;
  return date;
};

const HEADER = [
  'case_id',
  'script',
  'is_match',
  'w_surname',
  'w_given_names',
  'w_native_name',
  'w_sex',
  'w_birth_date',
  'w_nationality',
  'w_document_number',
  'c_surname',
  'c_given_names',
  'c_native_name',
  'c_sex',
  'c_birth_date',
  'c_nationality',
  'c_document_number',
];
const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const rows: string[][] = [];
const PER_SCRIPT = 300;
for (const pattern of PATTERNS) {
  for (let i = 0; i < PER_SCRIPT; i++) {
    const entry = pattern.make();
    const watch = [
      entry.surname,
      entry.given,
      chance(0.5) ? entry.native : '',
      entry.sex,
      entry.birthDate,
      entry.nationality,
      entry.document,
    ];
    const variant = pattern.vary(entry);
    rows.push([
      `${pattern.script}-p${i}`,
      pattern.script,
      'true',
      ...watch,
      variant.surname,
      variant.given,
      variant.native,
      chance(0.8) ? entry.sex : '',
      crossingBirthDate(entry.birthDate),
      chance(0.8) ? entry.nationality : '',
      crossingDocument(entry.document),
    ]);
    // a different traveller of the same background; half share the entry's surname or given names
    const sameName = (p: Person) => p.surname === entry.surname && p.given === entry.given;
    const sharesPart = (p: Person) => p.surname === entry.surname || p.given === entry.given;
    const wantShared = chance(0.5);
    let other = pattern.make();
    for (let tries = 0; tries < 200 && (sameName(other) || (wantShared && !sharesPart(other))); tries++) {
      other = pattern.make();
    }
    if (sameName(other)) continue;
    const otherVariant = pattern.vary(other);
    rows.push([
      `${pattern.script}-n${i}`,
      pattern.script,
      'false',
      ...watch,
      otherVariant.surname,
      otherVariant.given,
      otherVariant.native,
      other.sex,
      crossingBirthDate(other.birthDate),
      other.nationality,
      crossingDocument(other.document),
    ]);
  }
}

const dir = join(process.cwd(), 'test/fixtures/matcher-devset');
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'devset.csv'),
  `${[HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`,
);
console.log(`wrote ${rows.length} cases to ${join(dir, 'devset.csv')}`);
