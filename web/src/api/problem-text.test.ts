import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  codeMessage,
  fieldErrorText,
  fieldName,
  type Problem,
  problemText,
  rowIssueText,
  type Wording,
} from './problem-text.js';

// A small catalogue of its own, so these tests pin the wording rules rather than today's translations.
const problems = {
  unknown: 'Something went wrong',
  listSeparator: ' | ',
  fieldItem: '[{{field}}] {{message}}',
  code: {
    http: { invalid_request: 'Fix these: {{fields}}' },
    auth: {
      locked: 'Locked until {{lockedUntil}}',
      password_too_short: 'At least {{minLength}} characters',
    },
    warning: {
      entry_not_own: 'Owned by {{agency}}',
      mrz_invalid: 'Bad MRZ: line {{line}}, character {{position}}',
    },
    situation: { import_bad_columns: 'Known columns: {{known}}', cell_negative: 'Not below zero' },
  },
  issues: {
    warning: { mrz_invalid: { check_digit: 'Line {{line}}: the {{mrzField}} check digit is wrong' } },
  },
  terms: { mrzField: { documentNumber: 'document number' } },
  field: {
    required: 'Required',
    maxLength_one: 'At most {{count}} character',
    maxLength_other: 'At most {{count}} characters',
    maximum: 'At most {{limit}}',
    enum: 'One of {{allowedValues}}',
  },
  types: { integer: 'A whole number' },
  formats: { date: 'A date' },
  patterns: { nonBlank: 'Not only spaces', issuingState: 'An ICAO state code' },
};

async function wordingIn(language: string): Promise<Wording> {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { [language]: { translation: { problems } } } });
  return instance;
}

const en = await wordingIn('en');

/** A problem as the node sends it, refusing a request by default. */
function buildProblem(overrides: Partial<Problem> = {}): Problem {
  return {
    type: 'urn:borderlink:problem:http.invalid_request',
    title: 'Bad request',
    status: 400,
    detail: '/body/name must NOT have more than 5 characters',
    code: 'http.invalid_request',
    ...overrides,
  };
}

const error = (keyword: string, params: Record<string, unknown>, path = '/body/name') => ({
  path,
  message: 'the English message',
  keyword,
  params,
});

describe('problemText', () => {
  it("fills the code's message with the problem's details, numbers grouped for the locale", () => {
    const problem = buildProblem({
      code: 'auth.password_too_short',
      detail: 'too short',
      details: { minLength: 1200 },
    });
    expect(problemText(problem, en, 'en-GB')).toBe('At least 1,200 characters');
    expect(problemText(problem, en, 'de-DE')).toBe('At least 1.200 characters');
  });

  it('formats an instant in the details as a date and time of the locale', () => {
    const problem = buildProblem({ code: 'auth.locked', details: { lockedUntil: '2026-11-27T08:30:00Z' } });
    const text = problemText(problem, en, 'en-GB');
    expect(text).toMatch(/^Locked until 27 Nov 2026/);
    expect(text).not.toContain('2026-11-27T');
  });

  it('joins a list in the details with commas', () => {
    const problem = buildProblem({
      code: 'situation.import_bad_columns',
      details: { known: ['date', 'county'] },
    });
    expect(problemText(problem, en, 'en-GB')).toBe('Known columns: date, county');
  });

  it("falls back to the node's detail when the message names a value the details lack", () => {
    const problem = buildProblem({ code: 'warning.entry_not_own', detail: 'The entry belongs to MN-GABP' });
    expect(problemText(problem, en, 'en-GB')).toBe('The entry belongs to MN-GABP');
  });

  it("falls back to the node's detail for an unknown code, then to its title, never the bare code", () => {
    expect(problemText(buildProblem({ code: 'liaison.new_rule', detail: 'A new rule' }), en, 'en-GB')).toBe(
      'A new rule',
    );
    expect(problemText(buildProblem({ code: 'liaison.new_rule', detail: '' }), en, 'en-GB')).toBe(
      'Bad request',
    );
    expect(problemText(buildProblem({ code: 'liaison.new_rule', detail: '', title: '' }), en, 'en-GB')).toBe(
      'Something went wrong',
    );
  });

  it('lists every field error through the catalogue item and separator, field names without the request part', () => {
    const problem = buildProblem({
      errors: [
        error('maxLength', { limit: 5 }),
        error('required', { missingProperty: 'code' }, '/body/code'),
      ],
    });
    expect(problemText(problem, en, 'en-GB')).toBe(
      'Fix these: [name] At most 5 characters | [code] Required',
    );
  });
});

describe('fieldErrorText', () => {
  const problem = buildProblem();

  it('words a failed pattern by the pattern many fields share, else by the field as the API or a file names it', () => {
    const pattern = (path: string, value: string) => ({
      path,
      message: 'must match pattern',
      keyword: 'pattern',
      params: { pattern: value },
    });
    expect(fieldErrorText(pattern('/body/reason', '\\S'), problem, en, 'en-GB')).toBe('Not only spaces');
    expect(fieldErrorText(pattern('/body/identity/issuingState', '^x$'), problem, en, 'en-GB')).toBe(
      'An ICAO state code',
    );
    expect(fieldErrorText(pattern('/issuing_state', '^x$'), problem, en, 'en-GB')).toBe('An ICAO state code');
    // a field the catalogue does not word keeps the generic wording of the keyword
    expect(fieldErrorText(pattern('/body/code', '^x$'), problem, en, 'en-GB')).toBe('must match pattern');
  });

  it("words a field a rule refused from the rule's code and params, else keeps the node's English", () => {
    const refused = {
      path: '/body/passengers/2/identity',
      message: 'English',
      code: 'warning.entry_not_own',
    };
    expect(fieldErrorText({ ...refused, params: { agency: 'MN-GABP' } }, problem, en, 'en-GB')).toBe(
      'Owned by MN-GABP',
    );
    expect(fieldErrorText({ ...refused, code: 'warning.unworded' }, problem, en, 'en-GB')).toBe('English');
  });

  it('chooses the plural form from the limit of a counted keyword', () => {
    expect(fieldErrorText(error('maxLength', { limit: 1 }), problem, en, 'en-GB')).toBe(
      'At most 1 character',
    );
    expect(fieldErrorText(error('maxLength', { limit: 40 }), problem, en, 'en-GB')).toBe(
      'At most 40 characters',
    );
  });

  it('fills the limit of an uncounted keyword as a formatted number', () => {
    expect(fieldErrorText(error('maximum', { limit: 100000 }), problem, en, 'en-GB')).toBe('At most 100,000');
  });

  it('words a type error by the first type the catalogue knows', () => {
    expect(fieldErrorText(error('type', { type: 'null,integer' }), problem, en, 'en-GB')).toBe(
      'A whole number',
    );
  });

  it('words a format error by its format, and joins allowed values of an enum', () => {
    expect(fieldErrorText(error('format', { format: 'date' }), problem, en, 'en-GB')).toBe('A date');
    expect(fieldErrorText(error('enum', { allowedValues: ['open', 'closed'] }), problem, en, 'en-GB')).toBe(
      'One of open, closed',
    );
  });

  it("keeps the node's English for a keyword the catalogue has no message for", () => {
    expect(fieldErrorText(error('contains', {}), problem, en, 'en-GB')).toBe('the English message');
  });

  it('words a field error made from the problem itself like the problem', () => {
    const refused = buildProblem({
      code: 'auth.password_too_short',
      detail: 'The password must have at least 10 characters',
      details: { minLength: 10 },
    });
    const own = { path: '/newPassword', message: refused.detail };
    expect(fieldErrorText(own, refused, en, 'en-GB')).toBe('At least 10 characters');
    expect(fieldErrorText({ path: '/other', message: 'something else' }, refused, en, 'en-GB')).toBe(
      'something else',
    );
  });
});

describe('fieldName', () => {
  it('drops the request part a field travelled in and the leading slash', () => {
    expect(fieldName('/body/recurrence/until')).toBe('recurrence/until');
    expect(fieldName('/querystring/limit')).toBe('limit');
    expect(fieldName('/newPassword')).toBe('newPassword');
  });

  it('keeps a path that only looks like a request part at its start', () => {
    expect(fieldName('/bodyguard/name')).toBe('bodyguard/name');
  });

  it('keeps the whole path when nothing would be left', () => {
    expect(fieldName('/body')).toBe('/body');
  });
});

describe('codeMessage', () => {
  it("words a row's code with its values, else keeps the node's English", () => {
    expect(codeMessage('warning.entry_not_own', 'English', en, 'en-GB', { agency: 'MN-GABP' })).toBe(
      'Owned by MN-GABP',
    );
    expect(codeMessage('warning.entry_not_own', 'English', en, 'en-GB')).toBe('English');
    expect(codeMessage('warning.invalid_row', 'English', en, 'en-GB')).toBe('English');
  });
});

describe('rowIssueText', () => {
  it("words a row's schema failure from its keyword and params, naming the field", () => {
    const issue = {
      code: 'warning.invalid_row',
      message: '/direction must be equal to one of the allowed values',
      path: '/direction',
      keyword: 'enum',
      params: { allowedValues: ['entry', 'exit'] },
    };
    expect(rowIssueText(issue, en, 'en-GB')).toBe('[direction] One of entry, exit');
    expect(
      rowIssueText({ ...issue, path: '/surname', keyword: 'maxLength', params: { limit: 1 } }, en, 'en-GB'),
    ).toBe('[surname] At most 1 character');
  });

  it('falls back to the code for a keyword the catalogue does not word, and to nothing without either', () => {
    const unworded = { code: 'situation.cell_negative', message: 'English', path: '/x', keyword: 'contains' };
    expect(rowIssueText(unworded, en, 'en-GB')).toBe('Not below zero');
    expect(rowIssueText({ code: 'warning.invalid_row', message: 'English' }, en, 'en-GB')).toBeUndefined();
  });

  it("fills a row's code wording with the row's params, and gives nothing when one is missing", () => {
    const mrz = {
      code: 'warning.mrz_invalid',
      message: 'English',
      path: '/mrz',
      params: { line: 2, position: 44 },
    };
    expect(rowIssueText(mrz, en, 'en-GB')).toBe('Bad MRZ: line 2, character 44');
    expect(rowIssueText({ ...mrz, params: { line: 2 } }, en, 'en-GB')).toBeUndefined();
  });
});

describe('wording by what went wrong', () => {
  const refused = buildProblem({
    code: 'warning.mrz_invalid',
    detail: 'MRZ line 2, field documentNumber: check digit failed',
    details: { line: 2, position: 10, mrzField: 'documentNumber', issue: 'check_digit' },
  });

  it("words a problem by its issue's message, naming a code among its values by the catalogue's term", () => {
    expect(problemText(refused, en, 'en-GB')).toBe('Line 2: the document number check digit is wrong');
    const row = { code: refused.code, message: refused.detail, path: '/mrz', params: refused.details };
    expect(rowIssueText(row, en, 'en-GB')).toBe('Line 2: the document number check digit is wrong');
    expect(codeMessage(refused.code, refused.detail, en, 'en-GB', refused.details)).toBe(
      'Line 2: the document number check digit is wrong',
    );
  });

  it('words an issue the catalogue has no message for by its code, and keeps a value it has no term for', () => {
    const newIssue = { ...refused, details: { ...refused.details, issue: 'line_length' } };
    expect(problemText(newIssue, en, 'en-GB')).toBe('Bad MRZ: line 2, character 10');
    const noTerm = { ...refused, details: { ...refused.details, mrzField: 'personalNumber' } };
    expect(problemText(noTerm, en, 'en-GB')).toBe('Line 2: the personalNumber check digit is wrong');
  });
});
