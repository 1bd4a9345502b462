/**
 * Foreign names written phonetically in Han characters. Xinhua's transcription tables for foreign personal
 * names (《英语姓名译名手册》, 《世界人名翻译大辞典》 译音表) write each Latin consonant-vowel pair with one
 * character from a small fixed set, and a lone consonant with the syllable whose vowel is least heard
 * (斯 s, 克 k, 特 t, 德 d, 尔 r/l, 夫 f/v, 姆 m, 布 b, 普 p, 格 g, 茨 ts, 兹 z, 赫 h, 什 sh). A run of such
 * characters is read back as slots of the Latin sounds they render (the odd character outside the tables by its
 * Mandarin syllable); names written mostly with other characters are Chinese names, left to the pinyin path.
 */
import { pinyin } from 'pinyin-pro';
import {
  consonant,
  readingOf,
  reducedVowel,
  type Slot,
  type TranscriptionReading,
  vowel,
  withGemination,
  withVowelRuns,
} from './transcription-alignment.js';

/**
 * The characters of the Xinhua tables and of common established transcriptions (feminine 娜 莉 丽 莎 娅 丝 黛
 * 妮 蕾 薇 芙 琳 and older forms such as 區 殊 賽), in Simplified and Traditional forms.
 */
const TRANSCRIPTION_CHARACTERS =
  // Simplified (the PRC tables)
  '阿埃艾爱安昂奥澳欧厄俄鄂额恩尔伊依因英尤约耶亚娅雅延扬杨永于尤优' +
  '巴芭拜班邦保鲍贝蓓本比彼毕碧别宾滨波伯柏博勃布卜步白宝' +
  '帕派潘庞佩彭皮平珀坡蒲浦普谱' +
  '达大戴黛代丹当道德得登迪蒂狄丁东杜敦顿多朵铎' +
  '塔泰坦汤唐陶特滕提蒂汀廷通图托陀' +
  '加嘉盖甘冈高戈哥格葛根古谷贡圭果郭瓜关' +
  '卡凯坎康考柯科可克肯孔库奎昆阔寇' +
  '瓦娃万旺威韦维卫魏温文翁沃乌伍武吴' +
  '法凡范方菲斐费芬丰冯佛夫弗伏福富芙傅' +
  '扎泽齐兹佐祖赞曾藏' +
  '萨塞赛桑森瑟思斯丝司松苏索孙逊' +
  '沙莎珊山尚绍舍申圣施什史士舒殊' +
  '茨察策措楚崔' +
  '查柴昌车成切钦琴青秋丘屈钱乔恰契奇琪其' +
  '贾杰捷吉基姬金津京久居君琼坚简詹章哲珍朱卓' +
  '拉莱赖兰朗劳勒雷蕾累黎里利莉丽立列林琳留柳隆龙卢鲁路露伦罗洛萝律吕略' +
  '马玛麦迈曼芒毛茂梅美门蒙孟米密敏明缪摩莫默墨姆木穆慕' +
  '纳娜奈南瑙内尼妮聂涅宁纽农努诺嫩' +
  '哈海汉翰豪赫黑亨洪胡华怀惠霍' +
  '西希锡席夏香肖萧谢辛欣新休修许薛雪' +
  '热日荣容若瑞茹让仁' +
  // Traditional forms of the above that differ
  '愛奧歐額爾亞婭揚楊優寶貝畢別賓濱龐譜達東頓鐸湯圖岡貢關凱庫闊萬衛溫烏鄧' +
  '馮費豐齊茲澤贊薩賽絲蘇孫遜紹聖區車錢喬賈傑簡瓊堅詹' +
  '萊賴蘭勞雷裡麗林龍盧魯倫羅蘿呂馬瑪麥邁門夢繆納聶寧紐農諾' +
  '漢華懷錫蕭謝許熱榮讓剋內維爾岱韋蓋約鮑吳蓮鄧頌買濟該崙歷於當衞範欽裏譚葉誇侖' +
  // Simplified forms of Traditional characters above
  '邓区梦莲' +
  // established in long-standing transcriptions (乔治 George, 威廉 William, 亚历山大, 拿破仑, 以撒, 茱莉亚, 查理)
  '理力拿素以薇歇度地那撒芮茱迦谭侯叶他帝治伐培茵必历蜜旦夸荷济廉敖媞毗耐仑该娑颂合买' +
  // and in the established forms of famous names (华盛顿, 刘易斯, 牛顿, 狄更斯, 拿破仑, 爱迪生, 歌德, 卢梭, 雨果,
  // 戴高乐, 俾斯麦, 陀思妥耶夫斯基)
  '盛刘劉易牛更破生歌梭雨乐樂俾妥' +
  // cells of the English (杭 hang) and Russian tables (苗 мё, 佳 дя, 霞 ся, 缅 мянь, 廖 лё: 谢苗, 娜佳, 阿霞)
  '杭苗佳霞缅緬廖';

const CHARACTERS = new Set(TRANSCRIPTION_CHARACTERS);

/** Characters the tables use for a consonant without its vowel. */
const LONE_CONSONANTS = new Set('斯克剋特德得夫姆布卜普格茨兹茲赫勒弗伏什士思丝絲');

/** Readings pinyin gives that the tables do not use (伯 bo not bai, 什 shi not shen, 曾 zeng not ceng). */
const PINYIN_OVERRIDES: Readonly<Record<string, string>> = {
  剋: 'ke',
  什: 'shi',
  曾: 'zeng',
  柏: 'bo',
  查: 'cha',
  单: 'dan',
  区: 'qu',
  區: 'qu',
  车: 'che',
  車: 'che',
  卜: 'bu',
  // the y row's yo (约翰 Johannes, 约瑟夫 Joseph), not yue
  约: 'yao',
  約: 'yao',
};

/** Pinyin initials and the Latin sounds (as skeleton letters) they render in the tables. */
const INITIALS: ReadonlyArray<readonly [string, string]> = [
  ['zh', 'Jg'],
  ['ch', 'XC'],
  ['sh', 'Ss'],
  ['b', 'b'],
  ['p', 'p'],
  ['m', 'm'],
  ['f', 'fv'],
  ['d', 'd'],
  ['t', 't'],
  ['n', 'n'],
  ['l', 'lr'],
  ['g', 'g'],
  ['k', 'k'],
  ['h', 'h'],
  // the j row before i also writes k and g (基 ki, 金 kin, 吉 gi in the English table)
  ['j', 'Jgzk'],
  ['q', 'XkC'],
  ['x', 'sS'],
  ['r', 'rJl'],
  ['z', 'zCs'],
  ['c', 'Cs'],
  ['s', 'sz'],
];

/**
 * Latin sounds pinyin initials render in part of the transcriptions only: n and l, which southern Mandarin,
 * Cantonese and Min speech merge (諾麗 Noni, 莎蓮 Shannon, 美拿 Meyler, from Hong Kong and Taiwan usage); h
 * before i and ü, where Mandarin has x (西弗斯 Heffes); and the Russian table's palatalised д and т before e
 * and i, written with the j and q rows (杰 де, 捷 те, 季 ди, 普京 Путин, 秋 тю).
 */
const ALIKE_INITIALS: Readonly<Record<string, string>> = {
  n: 'lr',
  l: 'n',
  x: 'h',
  j: 'dt',
  q: 'td',
};

const glide = (letters: string): Slot => ({ letters, gap: 0.1 });
const nasal = (): Slot[] => [consonant('nm', 0.4)];
const velarNasal = (): Slot[] => [consonant('nm', 0.4), consonant('g', 0.1)];

/** Pinyin finals read as slots; skeleton vowels are a (a, o), i (e, i, y) and u (u, ou, oo). */
const FINALS: Readonly<Record<string, () => Slot[]>> = {
  a: () => [vowel('a')],
  o: () => [vowel('au')],
  e: () => [reducedVowel()],
  i: () => [vowel('i')],
  u: () => [vowel('ua')],
  v: () => [vowel('ui')],
  ai: () => [vowel('ai')],
  ei: () => [vowel('i')],
  ao: () => [vowel('au')],
  ou: () => [vowel('au')],
  an: () => [vowel('aiu'), ...nasal()],
  en: () => [reducedVowel(), ...nasal()],
  in: () => [vowel('i'), ...nasal()],
  un: () => [vowel('ua'), ...nasal()],
  vn: () => [vowel('ui'), ...nasal()],
  ang: () => [vowel('a'), ...velarNasal()],
  eng: () => [reducedVowel(), ...velarNasal()],
  ing: () => [vowel('i'), ...velarNasal()],
  ong: () => [vowel('au'), ...velarNasal()],
  er: () => [reducedVowel(), consonant('rl', 0.3)],
  ia: () => [glide('i'), vowel('a')],
  ie: () => [glide('i'), vowel('i')],
  iao: () => [glide('i'), vowel('au')],
  iu: () => [glide('i'), vowel('u')],
  iou: () => [glide('i'), vowel('au')],
  ian: () => [glide('i'), vowel('ai'), ...nasal()],
  iang: () => [glide('i'), vowel('a'), ...velarNasal()],
  iong: () => [glide('i'), vowel('au'), ...velarNasal()],
  ua: () => [glide('uv'), vowel('a')],
  uo: () => [glide('uv'), vowel('a')],
  uai: () => [glide('uv'), vowel('ai')],
  ui: () => [glide('uv'), vowel('i')],
  uan: () => [glide('uv'), vowel('a'), ...nasal()],
  uang: () => [glide('uv'), vowel('a'), ...velarNasal()],
  ve: () => [glide('u'), vowel('i')],
  ue: () => [glide('u'), vowel('i')],
  van: () => [glide('u'), vowel('ai'), ...nasal()],
};

/** Slots of one pinyin syllable as the tables use it; `lone` marks a character written for a consonant alone. */
const syllableSlots = (syllable: string, lone: boolean): Slot[] => {
  let rest = syllable;
  const slots: Slot[] = [];
  if (rest.startsWith('y')) {
    rest = rest.slice(1);
    if (rest.startsWith('u')) rest = `v${rest.slice(1)}`;
    else if (!rest.startsWith('i')) rest = `i${rest}`;
    else slots.push(glide('iJ'));
  } else if (rest.startsWith('w')) {
    rest = rest.slice(1);
    slots.push(glide('vu'));
    if (rest.startsWith('u')) rest = rest.slice(1) || 'u';
  } else {
    const initial = INITIALS.find(([written]) => rest.startsWith(written));
    if (initial) {
      const alike = ALIKE_INITIALS[initial[0]];
      slots.push(alike ? { ...consonant(initial[1]), alike } : consonant(initial[1]));
      rest = rest.slice(initial[0].length);
      // after j, q, x pinyin writes ü as u
      if (/^[jqx]/.test(syllable) && rest.startsWith('u')) rest = `v${rest.slice(1)}`;
    }
  }
  const final = FINALS[rest]?.() ?? [reducedVowel()];
  // zi, ci, si, zhi, chi, shi, ri: the i is only the consonant's resonance
  const apical = rest === 'i' && /^(z|c|s|zh|ch|sh|r)i$/.test(syllable);
  if (lone || apical)
    return [...slots, ...final.map((slot) => (VOWEL.test(slot.letters) ? reducedVowel() : slot))];
  return [...slots, ...final];
};
const VOWEL = /^[aiu]+$/;

/** Characters of the x row that the tables also use for h before i and u (希尔 Hill, 休斯 Hughes, 欣 Hinton). */
const H_CHARACTERS = new Set('希休欣');

/**
 * Characters of the hu row that established forms write for w (华盛顿 Washington, 華德 Ward, 惠特尼 Whitney,
 * 怀特 White): Mandarin hu before a vowel sounds [xw], so the h may stand for nothing in the Latin name.
 */
const W_CHARACTERS = new Set('华華惠怀懷');
/** What leaving out the h of a w-row character costs. */
const W_ROW_H_GAP = 0.2;

const CHARACTER_SLOTS = new Map<string, readonly Slot[]>();
for (const character of CHARACTERS) {
  const syllable = PINYIN_OVERRIDES[character] ?? pinyin(character, { toneType: 'none', v: true });
  const slots = syllableSlots(syllable, LONE_CONSONANTS.has(character));
  const [first, ...rest] = slots;
  CHARACTER_SLOTS.set(
    character,
    !first
      ? slots
      : H_CHARACTERS.has(character)
        ? [consonant(`${first.letters}h`), ...rest]
        : W_CHARACTERS.has(character)
          ? [consonant(first.letters, W_ROW_H_GAP), ...rest]
          : slots,
  );
}

/**
 * Common Chinese surnames (the first hundred of the 2020 census list, Simplified and Traditional): a
 * two- or three-character name beginning with one is most likely a Chinese personal name.
 */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '張劉陳楊黃趙孫馬鄭謝韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒邱閆龍陶賀顧龔萬錢嚴湯',
);

/**
 * Characters the tables write for a consonant alone, and table syllables that Chinese given names avoid for
 * their plain meaning or their use for sound only (勒 rein, 拉 pull, 卡 block, 埃 dust, 厄 adversity, 塞 stop
 * up, 瓦 tile, 尼 nun, 索 rope, 耶 萨 瑟 莱 纳 塔 里 of foreign words and Buddhist terms): a name holding one
 * (罗斯福 Roosevelt, 史密斯 Smith, 崔勒 Traylor) is a transcription even when it begins with a common surname.
 */
const TRANSCRIPTION_MARKS = new Set('斯尔爾姆茨兹茲弗赫什普特布夫勒拉卡埃厄耶塞瓦塔萨薩里裡莱萊尼纳納索瑟');
const hasTranscriptionMark = (word: string): boolean => {
  for (const character of word) if (TRANSCRIPTION_MARKS.has(character)) return true;
  return false;
};

/**
 * True when Han words look like a Chinese personal name: a common surname standing apart from the given name
 * (明哲 蘇, 玉华 文 李), or one word of a surname and one or two given-name characters (林丹, 李明哲).
 */
export const looksLikeChinesePersonalName = (words: readonly string[]): boolean => {
  if (words.some(hasTranscriptionMark)) return false;
  return words.length > 1
    ? words.some((word) => word.length === 1 && SURNAMES.has(word))
    : (words[0]?.length ?? 0) >= 2 && (words[0]?.length ?? 0) <= 3 && SURNAMES.has(words[0]?.charAt(0) ?? '');
};

/**
 * Slots of a character outside the tables, read by its Mandarin syllable: established forms, regional usage and
 * Traditional variants (伽利略, 莫札特, 汉堡) put the odd character into an otherwise regular transcription.
 * Remembered per character, so each is read once.
 */
const OUTSIDE_SLOTS = new Map<string, readonly Slot[]>();
const outsideSlots = (character: string): readonly Slot[] => {
  const known = OUTSIDE_SLOTS.get(character);
  if (known) return known;
  const slots = syllableSlots(pinyin(character, { toneType: 'none', v: true }), false);
  OUTSIDE_SLOTS.set(character, slots);
  return slots;
};

/**
 * True when the text is written with the transcription tables' characters (so it may be a foreign name); of two
 * or more characters, one in three (and at least one) may be outside them.
 */
export const isHanTranscription = (text: string): boolean => {
  let outside = 0;
  for (const character of text) if (!CHARACTERS.has(character)) outside++;
  return text.length > 1
    ? outside <= Math.max(1, Math.floor(text.length / 3))
    : text.length === 1 && outside === 0;
};

/**
 * The transcription reading of a run of Han characters, or undefined when it is not written with the tables
 * (more than one character in three outside them).
 */
export const hanTranscriptionReading = (text: string): TranscriptionReading | undefined => {
  if (!isHanTranscription(text)) return undefined;
  const slots: Slot[] = [];
  for (const character of text) slots.push(...(CHARACTER_SLOTS.get(character) ?? outsideSlots(character)));
  return readingOf(withGemination(withVowelRuns(slots)));
};
