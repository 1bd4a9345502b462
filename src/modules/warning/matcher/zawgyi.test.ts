import { describe, expect, it } from 'vitest';
import { isZawgyi, zawgyiToUnicode } from './zawgyi.js';

// Zawgyi spellings as they appear in test/fixtures/names/myanmar-names.zawgyi.tsv; Unicode as Myanmar writes it now
const AUNG_AUNG_LWIN = { zawgyi: 'ေအာင္ေအာင္လြင္', unicode: 'အောင်အောင်လွင်' };
const KYAW_ZAW = { zawgyi: 'ေက်ာ္ေဇာ', unicode: 'ကျော်ဇော' };
const MYINT_MYINT = { zawgyi: 'ျမင့္ျမင့္', unicode: 'မြင့်မြင့်' };
const NWE_NWE = { zawgyi: 'ႏြယ္ႏြယ္', unicode: 'နွယ်နွယ်' };
const KO_KO_GYI = { zawgyi: 'ကိုကိုႀကီး', unicode: 'ကိုကိုကြီး' };

describe('Zawgyi detection', () => {
  it('recognises Zawgyi by the vowel sign e and the medial ra stored before their consonant', () => {
    expect(isZawgyi(AUNG_AUNG_LWIN.zawgyi)).toBe(true);
    expect(isZawgyi(MYINT_MYINT.zawgyi)).toBe(true);
  });

  it('recognises Zawgyi by glyph variants Unicode leaves to other languages', () => {
    expect(isZawgyi(NWE_NWE.zawgyi)).toBe(true);
    expect(isZawgyi(KO_KO_GYI.zawgyi)).toBe(true);
  });

  it('recognises a Zawgyi killer between letters Unicode never stacks', () => {
    expect(isZawgyi('ခ်စ္ကိုကို')).toBe(true);
  });

  it('takes Unicode text, stacked letters of one row included, as Unicode', () => {
    for (const name of [AUNG_AUNG_LWIN, KYAW_ZAW, MYINT_MYINT, NWE_NWE, KO_KO_GYI])
      expect(isZawgyi(name.unicode)).toBe(false);
    expect(isZawgyi('မန္တလေး')).toBe(false);
  });
});

describe('Zawgyi to Unicode', () => {
  it('puts the vowel sign e and the medial ra after their consonant, in Unicode storage order', () => {
    expect(zawgyiToUnicode(AUNG_AUNG_LWIN.zawgyi)).toBe(AUNG_AUNG_LWIN.unicode);
    expect(zawgyiToUnicode(KYAW_ZAW.zawgyi)).toBe(KYAW_ZAW.unicode);
    expect(zawgyiToUnicode(MYINT_MYINT.zawgyi)).toBe(MYINT_MYINT.unicode);
  });

  it('maps glyph variants to the letters they draw', () => {
    expect(zawgyiToUnicode(NWE_NWE.zawgyi)).toBe(NWE_NWE.unicode);
    expect(zawgyiToUnicode(KO_KO_GYI.zawgyi)).toBe(KO_KO_GYI.unicode);
  });

  it('writes u with a long i as the syllable ü', () => {
    expect(zawgyiToUnicode('ေက်ာ္ဦး')).toBe('ကျော်ဦး');
  });
});
