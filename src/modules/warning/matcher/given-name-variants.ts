/**
 * Hypocoristic forms of given names: the short or familiar form a person goes by (Ted for Theodore, Sasha for
 * Aleksandr), which shares too few letters with the full name for spelling or sound to pair them. Each group
 * lists the full form first; groups follow the usual English and Russian diminutive conventions and include
 * only forms whose link to the full name is conventional, not a resemblance of spelling.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['abraham', 'abe'],
  ['albert', 'bert'],
  ['alexander', 'alex', 'sandy', 'sasha', 'sacha', 'shura'],
  ['alexandra', 'alex', 'sasha', 'sandra'],
  ['alfred', 'alf', 'fred'],
  ['andrew', 'andy', 'drew'],
  ['anthony', 'tony'],
  ['antonio', 'tonio', 'toni'],
  ['benjamin', 'ben', 'benny', 'benji'],
  ['catherine', 'cathy', 'kate', 'katie', 'kathy', 'kitty'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['christopher', 'chris', 'kit'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davy'],
  ['deborah', 'debbie', 'deb'],
  ['donald', 'don', 'donnie'],
  ['douglas', 'doug'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['elizabeth', 'liz', 'beth', 'betty', 'eliza', 'libby', 'bess'],
  ['frederick', 'fred', 'freddie', 'fritz'],
  ['gregory', 'greg'],
  ['henry', 'harry', 'hank'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['jennifer', 'jen', 'jenny'],
  ['john', 'jack', 'johnny'],
  ['jonathan', 'jon'],
  ['joseph', 'joe', 'joey'],
  ['joshua', 'josh'],
  ['katherine', 'kate', 'katie', 'kathy', 'kitty'],
  ['lawrence', 'larry'],
  ['margaret', 'maggie', 'meg', 'peggy', 'madge'],
  ['matthew', 'matt'],
  ['michael', 'mike', 'mick', 'mickey'],
  ['nicholas', 'nick', 'nicky'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['patrick', 'pat', 'paddy'],
  ['peter', 'pete'],
  ['raymond', 'ray'],
  ['rebecca', 'becky'],
  ['richard', 'rick', 'dick', 'rich', 'richie'],
  ['robert', 'rob', 'bob', 'bobby', 'robbie', 'bert'],
  ['ronald', 'ron', 'ronnie'],
  ['samuel', 'sam', 'sammy'],
  ['stephen', 'steve', 'stevie'],
  ['steven', 'steve', 'stevie'],
  ['susan', 'sue', 'susie'],
  ['theodore', 'ted', 'teddy', 'theo'],
  ['thomas', 'tom', 'tommy'],
  ['timothy', 'tim'],
  ['victoria', 'vicky', 'tori'],
  ['walter', 'walt', 'wally'],
  ['william', 'will', 'bill', 'billy', 'willy', 'liam'],
  // Russian full names and their everyday diminutives, in the BGN/PCGN spelling the normaliser produces
  ['aleksandr', 'sasha', 'shura'],
  ['aleksey', 'alesha', 'lesha'],
  ['anatoliy', 'tolya'],
  ['dmitriy', 'dima', 'mitya'],
  ['ekaterina', 'katya'],
  ['evgeniy', 'zhenya'],
  ['ivan', 'vanya'],
  ['mikhail', 'misha'],
  ['nikolay', 'kolya'],
  ['pavel', 'pasha'],
  ['sergey', 'serezha'],
  ['vladimir', 'volodya', 'vova'],
  ['yekaterina', 'katya'],
];

/** For each form, the full names it can stand for (a form such as "pat" belongs to several). */
const FULL_NAMES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const [full, ...forms] of GROUPS) {
    if (!full) continue;
    for (const form of [full, ...forms]) {
      const set = map.get(form) ?? new Set<string>();
      set.add(full);
      map.set(form, set);
    }
  }
  return map;
})();

/** True when one given name is a conventional short or familiar form of the other (Ted / Theodore). */
export const isGivenNameVariant = (a: string, b: string): boolean => {
  if (a === b) return false;
  const fullOfA = FULL_NAMES.get(a);
  const fullOfB = FULL_NAMES.get(b);
  if (!fullOfA || !fullOfB) return false;
  for (const full of fullOfA) if (fullOfB.has(full)) return true;
  return false;
};

/** The full forms a given name may be short for (itself included when it is a full form); empty if unknown. */
export const fullGivenNames = (text: string): readonly string[] => [...(FULL_NAMES.get(text) ?? [])];
