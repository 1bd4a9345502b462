import type { NewAgency } from '../../src/modules/directory/directory.schema.js';

/**
 * An agency as the directory API takes it: a counterpart of the country its code starts with, named by its code
 * in English, on UTC, with the given overrides.
 */
export function buildAgency(code: string, overrides: Partial<Omit<NewAgency, 'code'>> = {}): NewAgency {
  return {
    code,
    kind: 'counterpart',
    country: code.slice(0, 2),
    names: { en: code },
    language: 'en',
    timeZone: 'UTC',
    ...overrides,
  };
}
