import { describe, expect, it } from 'vitest';
import { openKeySet, sealKeySet } from './node-identity.js';

const KEYS = '{"v":1,"keys":[]}';
const SECRET = 'a-long-enough-node-secret';

describe('sealing the node keys at rest', () => {
  it('stores them unreadable and opens them with the same secret', () => {
    const sealed = sealKeySet(KEYS, SECRET);
    expect(sealed).not.toContain('keys');
    expect(openKeySet(sealed, SECRET)).toBe(KEYS);
  });

  it('refuses to open them with another secret, or with none', () => {
    const sealed = sealKeySet(KEYS, SECRET);
    expect(() => openKeySet(sealed, 'another-secret-entirely')).toThrow(/do not open/);
    expect(() => openKeySet(sealed, undefined)).toThrow(/BORDERLINK_KEYS_SECRET/);
  });

  it('keeps plain keys readable, so a secret can be introduced later', () => {
    expect(sealKeySet(KEYS, undefined)).toBe(KEYS);
    expect(openKeySet(KEYS, SECRET)).toBe(KEYS);
  });
});
