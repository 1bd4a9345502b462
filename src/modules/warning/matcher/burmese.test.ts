import { describe, expect, it } from 'vitest';
import { romaniseBurmese } from './burmese.js';

describe('Burmese names in their usual Latin spelling', () => {
  it('spells each syllable by its whole rhyme', () => {
    expect(romaniseBurmese('အောင်အောင်လွင်')).toBe('aung aung lwin');
    expect(romaniseBurmese('ကျော်ဇော')).toBe('kyaw zaw');
    expect(romaniseBurmese('သိန်းလှိုင်')).toBe('thein hlaing');
  });

  it('closes a creaky nasal rhyme with t and reads medial wa as the vowel before a final', () => {
    expect(romaniseBurmese('မြင့်မြင့်ထွန်း')).toBe('myint myint htun');
    expect(romaniseBurmese('နွယ်နွယ်')).toBe('nwe nwe');
  });

  it('writes a high-toned o as oe except after a medial y', () => {
    expect(romaniseBurmese('စိုးမိုး')).toBe('soe moe');
    expect(romaniseBurmese('မျိုးမင်း')).toBe('myo min');
  });

  it('reads ü as the title U at the front of a name and as Oo inside it', () => {
    expect(romaniseBurmese('ဦးသန့်')).toBe('u thant');
    expect(romaniseBurmese('ကျော်ဦး')).toBe('kyaw oo');
  });

  it('keeps the usual spelling of words that are not spelled as written', () => {
    expect(romaniseBurmese('ကိုကိုကြီး')).toBe('ko ko gyi');
  });

  it('reads a Zawgyi-encoded name as its Unicode spelling', () => {
    expect(romaniseBurmese('ေအာင္ေအာင္လြင္')).toBe('aung aung lwin');
    expect(romaniseBurmese('ကိုကိုႀကီး')).toBe('ko ko gyi');
  });
});
