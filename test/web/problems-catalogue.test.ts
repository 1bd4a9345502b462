import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const languages = ['en', 'zh', 'ru'] as const;

// The helpers in src/core/errors.ts take the code first; AppError takes it second (after the kind).
const CODE_ARGUMENT: Readonly<Record<string, number>> = {
  notFound: 0,
  invalid: 0,
  forbidden: 0,
  conflict: 0,
};
// Codes also travel as `code:` members of problem-like objects (row errors, rule problems, the HTTP mapper).
const CODE_SHAPE = /^(internal|[a-z]+\.[a-z0-9_]+)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function codeArgument(node: ts.Node): ts.Expression | undefined {
  if (ts.isNewExpression(node) && node.expression.getText() === 'AppError') return node.arguments?.[1];
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    const position = CODE_ARGUMENT[node.expression.text];
    return position === undefined ? undefined : node.arguments[position];
  }
  return undefined;
}

function codeMember(node: ts.Node, file: string): ts.Expression | undefined {
  if (!ts.isPropertyAssignment(node) || !ts.isStringLiteral(node.initializer)) return undefined;
  if (!CODE_SHAPE.test(node.initializer.text)) return undefined;
  // The HTTP mapper's table values (FST_ERR_… → http.*) are codes too.
  const isMapper = file.endsWith(join('core', 'http', 'problem.ts'));
  return node.name.getText() === 'code' || isMapper ? node.initializer : undefined;
}

interface Collected {
  codes: Set<string>;
  /** Template-literal codes (`federation.${reason}`) and the files they are in, expanded with the type checker. */
  templates: Array<{ file: string; start: number }>;
  /** Codes passed through a variable: they must come from a literal collected elsewhere. */
  passedOn: string[];
}

function collectLiterals(): Collected {
  const collected: Collected = { codes: new Set(), templates: [], passedOn: [] };
  for (const file of sourceFiles(join(root, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const code = codeArgument(node) ?? codeMember(node, file);
      if (code && (ts.isStringLiteral(code) || ts.isNoSubstitutionTemplateLiteral(code)))
        collected.codes.add(code.text);
      else if (code && ts.isTemplateExpression(code))
        collected.templates.push({ file, start: code.getStart() });
      else if (code) collected.passedOn.push(`${relative(root, file)}: ${code.getText()}`);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return collected;
}

/** The string literals a type can hold (a union of literals, or a type parameter constrained to one). */
function literalsOf(checker: ts.TypeChecker, type: ts.Type): string[] | undefined {
  const resolved = checker.getBaseConstraintOfType(type) ?? type;
  const members = resolved.isUnion() ? resolved.types : [resolved];
  return members.every((member) => member.isStringLiteral())
    ? members.map((member) => (member as ts.StringLiteralType).value)
    : undefined;
}

function expandTemplates(templates: Collected['templates']): { codes: string[]; unresolved: string[] } {
  if (templates.length === 0) return { codes: [], unresolved: [] };
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  );
  const files = [...new Set(templates.map((template) => template.file))];
  const program = ts.createProgram(files, { ...config?.options, noEmit: true });
  const checker = program.getTypeChecker();
  const codes: string[] = [];
  const unresolved: string[] = [];
  for (const { file, start } of templates) {
    const source = program.getSourceFile(file);
    const find = (node: ts.Node): ts.TemplateExpression | undefined =>
      ts.isTemplateExpression(node) && node.getStart() === start ? node : ts.forEachChild(node, find);
    const template = source && find(source);
    if (!template) continue;
    let expansions = [template.head.text];
    for (const span of template.templateSpans) {
      const options = literalsOf(checker, checker.getTypeAtLocation(span.expression));
      if (!options) {
        unresolved.push(`${relative(root, file)}: ${template.getText()}`);
        expansions = [];
        break;
      }
      expansions = expansions.flatMap((prefix) =>
        options.map((option) => `${prefix}${option}${span.literal.text}`),
      );
    }
    codes.push(...expansions);
  }
  return { codes, unresolved };
}

/** One language's `problems` area: nested messages by code segment. */
type ProblemCatalogue = { readonly [key: string]: string | ProblemCatalogue };

function catalogue(language: string): ProblemCatalogue {
  return JSON.parse(
    readFileSync(join(root, 'web/src/locales', language, 'problems.json'), 'utf8'),
  ) as ProblemCatalogue;
}

function hasMessage(entries: ProblemCatalogue, code: string): boolean {
  let node: string | ProblemCatalogue | undefined = entries.code;
  for (const segment of code.split('.')) node = typeof node === 'object' ? node[segment] : undefined;
  return typeof node === 'string' && node.trim().length > 0;
}

describe('problem message catalogues', () => {
  const literals = collectLiterals();
  const templates = expandTemplates(literals.templates);
  const thrown = [...new Set([...literals.codes, ...templates.codes])].sort();

  it('finds the codes thrown across the server, template codes included', () => {
    expect(thrown.length).toBeGreaterThan(150);
    expect(thrown).toEqual(
      expect.arrayContaining([
        'warning.entry_not_found',
        'federation.bad_signature',
        'directory.ports_not_found',
        'http.invalid_request',
        'http.malformed_json',
        'internal',
      ]),
    );
    expect(templates.unresolved).toEqual([]);
  });

  it.each(languages)('has a %s message for every code thrown anywhere in src/', (language) => {
    const entries = catalogue(language);
    expect(thrown.filter((code) => !hasMessage(entries, code))).toEqual([]);
  });

  it.each(languages)(
    'has a %s message for the code the web client makes up for a non-problem answer',
    (language) => {
      expect(hasMessage(catalogue(language), 'http.unexpected_response')).toBe(true);
    },
  );

  it('passes on through variables only codes that come from literals', () => {
    // These sites rethrow an AppError's own code or a helper's parameter; their literals are collected above.
    expect(literals.passedOn.every((site) => /\b(code|error\.code|problem\.code)$/.test(site))).toBe(true);
  });
});

describe('cross-field rule wording', () => {
  // Exchange body rules carry a keyword of their own, worded from `field.<keyword>` like Ajv's keywords.
  const rules = [
    ...readFileSync(join(root, 'src/modules/exchange/bodies/body-rules.ts'), 'utf8').matchAll(
      /\brule\('(\w+)'/g,
    ),
  ].map((match) => match[1] ?? '');

  it('finds the rule keywords', () => {
    expect(rules).toEqual(expect.arrayContaining(['endsBeforeStart', 'repeated', 'portOrPass']));
  });

  it.each(languages)('has a %s message for every rule keyword', (language) => {
    const field = catalogue(language).field as ProblemCatalogue;
    expect(rules.filter((keyword) => typeof field[keyword] !== 'string')).toEqual([]);
  });
});
