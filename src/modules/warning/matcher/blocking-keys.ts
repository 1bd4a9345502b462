import { transcriptionSkeleton } from './foreign-transcription.js';
import { makeToken, type NameToken, type NormalisedName } from './normalise.js';
import type { PreparedIdentity } from './score.js';

/** Kinds of blocking key: the character each is hashed under and the vote a shared key gives a candidate. */
export const KEY_KINDS = [
  { name: 'name', tag: 'n', vote: 3, strong: false },
  // one character deleted from a query's part: meets the entry's `name` key of a part one typo away
  { name: 'nameEdit', tag: 'n', vote: 2, strong: false },
  { name: 'consonants', tag: 'c', vote: 1, strong: false },
  { name: 'sound', tag: 's', vote: 2, strong: false },
  { name: 'pair', tag: 'p', vote: 4, strong: false },
  // the keys below are selective by construction: always read, however long their postings
  { name: 'pairYear', tag: 'q', vote: 6, strong: true },
  { name: 'partYear', tag: 'y', vote: 4, strong: true },
  { name: 'document', tag: 'd', vote: 8, strong: true },
  { name: 'documentEdit', tag: 'e', vote: 4, strong: true },
] as const;

const kindNumber = (name: (typeof KEY_KINDS)[number]['name']): number =>
  KEY_KINDS.findIndex((kind) => kind.name === name);
const KIND = {
  name: kindNumber('name'),
  nameEdit: kindNumber('nameEdit'),
  consonants: kindNumber('consonants'),
  sound: kindNumber('sound'),
  pair: kindNumber('pair'),
  pairYear: kindNumber('pairYear'),
  partYear: kindNumber('partYear'),
  document: kindNumber('document'),
  documentEdit: kindNumber('documentEdit'),
} as const;

/** The vote of each key kind, by kind number. */
export const KIND_VOTES = Int32Array.from(KEY_KINDS, (kind) => kind.vote);
/** 1 for the kinds that are always read, by kind number. */
export const KIND_STRONG = Uint8Array.from(KEY_KINDS, (kind) => (kind.strong ? 1 : 0));

// Keys are 32-bit FNV-1a hashes, fed piece by piece so no key string is ever built.
const FNV_PRIME = 0x01000193;
const SEPARATOR = 124;
const startHash = (kind: number): number =>
  Math.imul(Math.imul(0x811c9dc5 ^ (KEY_KINDS[kind]?.tag.charCodeAt(0) ?? 0), FNV_PRIME) ^ 58, FNV_PRIME);
const feedCode = (hash: number, code: number): number => Math.imul(hash ^ code, FNV_PRIME);
/** Feeds the first `limit` characters of `text`, leaving out the one at `skip`. */
const feedText = (hash: number, text: string, skip = -1, limit = text.length): number => {
  const end = Math.min(limit, text.length);
  let h = hash;
  for (let i = 0; i < end; i++) if (i !== skip) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
};

const MAX_SKELETON = 10;
const MAX_KEY_TOKENS = 4;
const MIN_SOUND_KEY = 3;

/** Consonant classes within which transcriptions swap letters (p/b/f/v, t/d, k/g, the sibilants, l/r, m/n). */
const SOUND_CLASS = new Uint8Array(128);
for (const letters of ['pbfvw', 'td', 'kgq', 'szSJCX', 'lr', 'mn']) {
  for (const letter of letters) SOUND_CLASS[letter.charCodeAt(0)] = letters.charCodeAt(0);
}

const isDistinctive = (token: NameToken): boolean => token.weight >= 0.6 && token.skeleton.length >= 2;

/**
 * The blocking keys of one identity, gathered into reusable typed arrays (each key once): screening reads a
 * hundred keys per crossing, and building them as strings and objects cost more than looking them up.
 */
export class KeyBuffer {
  hashes = new Uint32Array(256);
  kinds = new Uint8Array(256);
  count = 0;
  private seen = new Uint32Array(1024);
  private seenStamp = new Int32Array(1024);
  private seenShift = 22;
  private stamp = 0;

  /** Replaces the buffer's keys with those of `identity`; a query looks up more variants than an entry stores. */
  fill(identity: PreparedIdentity, forQuery: boolean): void {
    this.count = 0;
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.seenStamp.fill(0);
      this.stamp = 1;
    }
    for (const name of identity.names) this.nameKeys(name, identity.birth?.year, forQuery);
    const folded = identity.document?.folded;
    if (folded) this.documentKeys(folded, forQuery);
  }

  private push(kind: number, hash: number): void {
    const key = hash >>> 0;
    const mask = this.seen.length - 1;
    let cell = Math.imul(key, 0x9e3779b1) >>> this.seenShift;
    for (; this.seenStamp[cell] === this.stamp; cell = (cell + 1) & mask) {
      if (this.seen[cell] === key) return;
    }
    this.seen[cell] = key;
    this.seenStamp[cell] = this.stamp;
    if (this.count === this.hashes.length) this.grow();
    this.hashes[this.count] = key;
    this.kinds[this.count] = kind;
    this.count++;
  }

  private grow(): void {
    const hashes = new Uint32Array(this.hashes.length * 2);
    const kinds = new Uint8Array(this.kinds.length * 2);
    hashes.set(this.hashes);
    kinds.set(this.kinds);
    this.hashes = hashes;
    this.kinds = kinds;
    // the seen-set stays at most a quarter full; rebuilt from the keys gathered so far
    this.seen = new Uint32Array(this.seen.length * 2);
    this.seenStamp = new Int32Array(this.seen.length);
    this.seenShift--;
    const mask = this.seen.length - 1;
    for (let i = 0; i < this.count; i++) {
      const key = this.hashes[i] as number;
      let cell = Math.imul(key, 0x9e3779b1) >>> this.seenShift;
      while (this.seenStamp[cell] === this.stamp) cell = (cell + 1) & mask;
      this.seen[cell] = key;
      this.seenStamp[cell] = this.stamp;
    }
  }

  private sound(token: NameToken): void {
    this.soundOf(token.skeleton);
    if (token.altSkeleton) this.soundOf(token.altSkeleton);
  }

  /** The consonant classes of a skeleton, vowels and h dropped: meets a name across scripts and readings. */
  private soundOf(skeleton: string): void {
    let hash = startHash(KIND.sound);
    let last = 0;
    let length = 0;
    for (let i = 0; i < skeleton.length; i++) {
      const code = skeleton.charCodeAt(i);
      const sound = code < 128 ? (SOUND_CLASS[code] as number) : 0;
      if (sound === 0 || sound === last) continue;
      hash = feedCode(hash, sound);
      last = sound;
      length++;
    }
    if (length >= MIN_SOUND_KEY) this.push(KIND.sound, hash);
  }

  private nameKeys(name: NormalisedName, year: number | undefined, forQuery: boolean): void {
    const tokens = name.tokens;
    for (const token of tokens) {
      if (!isDistinctive(token)) continue;
      const skeleton = token.skeleton;
      const length = Math.min(skeleton.length, MAX_SKELETON);
      this.push(KIND.name, feedText(startHash(KIND.name), skeleton, -1, MAX_SKELETON));
      if (forQuery && length >= 4) {
        for (let skip = 0; skip < length; skip++) {
          this.push(KIND.nameEdit, feedText(startHash(KIND.nameEdit), skeleton, skip, MAX_SKELETON));
        }
      }
    }
    // joined neighbours meet syllabic spellings (Xiao Ming / Xiaoming); their typos are left to the single parts
    if (name.syllabic || forQuery) {
      for (let i = 0; i + 1 < tokens.length; i++) {
        const first = (tokens[i] as NameToken).skeleton;
        const second = (tokens[i + 1] as NameToken).skeleton;
        let hash = feedText(startHash(KIND.name), first, -1, MAX_SKELETON);
        hash = feedText(hash, second, -1, MAX_SKELETON - first.length);
        this.push(KIND.name, hash);
      }
    }
    for (const token of tokens) {
      if (!isDistinctive(token)) continue;
      if (token.consonants.length >= 2)
        this.push(KIND.consonants, feedText(startHash(KIND.consonants), token.consonants));
      this.sound(token);
    }
    // a foreign name written in Han or Hangul is one word: its syllables together, read as a transcription
    if (name.syllabic && tokens.length > 1) {
      const texts = tokens.map((token) => token.text);
      const natives = tokens.every((token) => token.native)
        ? tokens.map((token) => token.native).join('')
        : '';
      const joined = makeToken(texts.join(''), name.origin, texts, natives || undefined);
      this.sound(joined);
      // the consonants the transcription table says the characters stand for (史密斯 → s m th): meets Smith
      const transcribed = transcriptionSkeleton(joined);
      if (transcribed) this.soundOf(transcribed);
    }
    this.pairKeys(tokens, year);
  }

  /** Two distinctive parts together, alone and with the birth year; one part with another's initial and the year. */
  private pairKeys(tokens: readonly NameToken[], year: number | undefined): void {
    const heads: NameToken[] = [];
    for (const token of tokens) {
      if (heads.length === MAX_KEY_TOKENS) break;
      if (isDistinctive(token)) heads.push(token);
    }
    for (let i = 0; i < heads.length; i++) {
      const a = (heads[i] as NameToken).skeleton;
      for (let j = i + 1; j < heads.length; j++) {
        const b = (heads[j] as NameToken).skeleton;
        const [low, high] = a < b ? [a, b] : [b, a];
        const pair = feedText(feedCode(feedText(0, low), SEPARATOR), high);
        this.push(KIND.pair, feedCode(startHash(KIND.pair), pair));
        if (year !== undefined)
          this.push(KIND.pairYear, feedCode(feedCode(startHash(KIND.pairYear), pair), year));
      }
      // still selective when a typo breaks the other part
      if (year === undefined) continue;
      for (let j = 0; j < heads.length; j++) {
        if (j === i) continue;
        const initial = (heads[j] as NameToken).skeleton.charCodeAt(0);
        const hash = feedCode(feedCode(feedText(startHash(KIND.partYear), a), initial), year);
        this.push(KIND.partYear, hash);
      }
    }
  }

  private documentKeys(folded: string, forQuery: boolean): void {
    this.push(KIND.document, feedText(startHash(KIND.document), folded));
    if (folded.length < 6) return;
    for (let skip = 0; skip < folded.length; skip++) {
      this.push(KIND.documentEdit, feedText(startHash(KIND.documentEdit), folded, skip));
      // a character the query lacks: its full number equals a deletion variant of the entry's
      if (forQuery) this.push(KIND.document, feedText(startHash(KIND.document), folded, skip));
    }
    if (forQuery) this.push(KIND.documentEdit, feedText(startHash(KIND.documentEdit), folded));
  }
}
