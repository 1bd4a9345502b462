import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EVIDENCE_REASONS, scoreMatch } from '../../src/modules/warning/matcher/index.js';
import { RULE_REASONS } from '../../src/modules/warning/rules.js';

const wordingIn = (language: string): Record<string, string> =>
  JSON.parse(readFileSync(join(process.cwd(), 'web/src/locales', language, 'warnings.json'), 'utf8'))
    .evidence;

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

it('words every reason the matcher and the rules explain a field by, in each language', () => {
  const reasons = [...EVIDENCE_REASONS, ...RULE_REASONS];
  const english = wordingIn('en');
  for (const language of ['en', 'zh', 'ru']) {
    const wording = wordingIn(language);
    // name parts (LI~LEE 0.91) are shown as the node writes them
    const needed = reasons.filter((reason) => reason !== 'name_parts');
    for (const reason of needed) {
      expect(wording[reason], `${language} ${reason}`).toBeTruthy();
      // every language fills in the same values
      expect(placeholders(wording[reason] ?? ''), `${language} ${reason}`).toEqual(
        placeholders(english[reason] ?? ''),
      );
    }
    expect(Object.keys(wording).sort(), language).toEqual([...needed].sort());
  }
});

it('gives the values its wording fills in', () => {
  const { explanation } = scoreMatch(
    { id: 'c', surname: 'IVANOVA', birthDate: '1980', sex: 'F', nationality: 'RUS' },
    { id: 'e', surname: 'IVANOVA', birthDate: '1983', sex: 'M', nationality: 'KAZ' },
  );
  const byField = new Map(explanation.map((evidence) => [evidence.field, evidence]));
  expect(byField.get('birthDate')).toMatchObject({ reason: 'years_apart', values: { apart: 3 } });
  expect(byField.get('sex')).toMatchObject({
    reason: 'different_sexes',
    values: { traveller: 'F', listed: 'M' },
  });
  expect(byField.get('nationality')).toMatchObject({
    reason: 'different_states',
    values: { traveller: 'RUS', listed: 'KAZ' },
  });
  expect(byField.get('name')).toMatchObject({ reason: 'name_parts' });
  expect(byField.get('documentNumber')).toMatchObject({ reason: 'not_on_both' });
});
