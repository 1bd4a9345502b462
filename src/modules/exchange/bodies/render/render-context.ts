import { formatMessage, type MessageKey, type MessageValue } from '../catalogues/catalogue.js';
import { type CodeListName, codeLabel } from '../code-lists.js';
import { type Language, LOCALE_OF } from '../language.js';

/** What a directory code names, so the caller can resolve it to a display name. */
export type PlaceKind = 'port' | 'county' | 'area' | 'section' | 'pass' | 'state';

/** How the reader wants to see a notification beyond its language. */
export interface RenderOptions {
  /** IANA zone instants are shown in (the reader's); calendar days such as a report date never shift. */
  timeZone?: string;
  /** Display name of a port, county or state from the directory; codes without a name are shown as they are. */
  placeName?: (kind: PlaceKind, code: string) => string | undefined;
}

/** What one type's renderer produces before the common parts (priority mark, sender) are added. */
export interface RenderedBody {
  title: string;
  lines: string[];
  /** Free text carried inside the body itself (a liaison message), shown untranslated. */
  bodyText?: string;
}

const DETAIL_SEPARATOR: Readonly<Record<Language, string>> = { zh: '；', en: '; ', ru: '; ' };
/** Sub-lines (a person's identity, a measure's details) sit under their item. */
export const INDENT = '   ';

/** Building an Intl formatter costs more than using it, so one per language is kept. */
const perLanguage = <F>(build: (locale: string) => F): ((lang: Language) => F) => {
  const cache = new Map<Language, F>();
  return (lang) => {
    let formatter = cache.get(lang);
    if (formatter === undefined) {
      formatter = build(LOCALE_OF[lang]);
      cache.set(lang, formatter);
    }
    return formatter;
  };
};
const listFormat = perLanguage((locale) => new Intl.ListFormat(locale, { type: 'conjunction' }));

/** The reader's language and zone bound to the formatting helpers every renderer needs. */
export class RenderContext {
  readonly #options: RenderOptions;
  readonly #timeZone: string;

  constructor(
    readonly lang: Language,
    options: RenderOptions = {},
  ) {
    this.#options = options;
    this.#timeZone = options.timeZone ?? 'UTC';
  }

  /** A catalogue message in the reader's language. */
  msg(key: MessageKey, values: Readonly<Record<string, MessageValue>> = {}): string {
    return formatMessage(this.lang, key, values, this.#timeZone);
  }

  /** A code's label as it reads inside a sentence. */
  label(list: CodeListName, code: string): string {
    return codeLabel(list, code, this.lang, 'inline');
  }

  /** A code's label starting a line, capitalised where the language has case. */
  leadingLabel(list: CodeListName, code: string): string {
    return codeLabel(list, code, this.lang, 'standalone');
  }

  /** A directory code with its display name when the caller knows it: `Erenhot (CN-ERL)`. */
  place(kind: PlaceKind, code: string): string {
    const name = this.#options.placeName?.(kind, code);
    return name === undefined || name === code ? code : `${name} (${code})`;
  }

  /** A `YYYY-MM-DD` calendar day as a Date the `day` format prints without shifting zones. */
  day(isoDate: string): Date {
    return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  }

  /** An ISO instant as a Date for the `instant` format. */
  instant(isoDateTime: string): Date {
    return new Date(isoDateTime);
  }

  /** A birth date known to the year, month or day, written as the reader's locale writes it. */
  partialDate(value: string): string {
    const [year, month, day] = value.split('-');
    if (month === undefined) return year ?? value;
    const options: Intl.DateTimeFormatOptions =
      day === undefined
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(LOCALE_OF[this.lang], options).format(
      this.day(`${year}-${month}-${day ?? '01'}`),
    );
  }

  /** Items joined the way the language joins a list: `fever, cough and fatigue`, `发热、咳嗽和乏力`. */
  list(items: readonly string[]): string {
    return listFormat(this.lang).format(items);
  }

  /** Short facts about one item on one line. */
  details(parts: readonly string[]): string {
    return parts.join(DETAIL_SEPARATOR[this.lang]);
  }
}

/** An ICU `select` argument for an optional part of a message. */
export const flag = (present: boolean): 'yes' | 'no' => (present ? 'yes' : 'no');

/** A person as official documents write them: surname in capitals, then given names. */
export const personName = (surname: string, givenNames: string): string =>
  `${surname.toLocaleUpperCase()} ${givenNames}`;

/** Identity facts that may be known about a person, in the order a reader checks them. */
export interface IdentityFacts {
  sex?: string | undefined;
  birthDate?: string | undefined;
  nationality?: string | undefined;
  documentType?: string | undefined;
  documentNumber?: string | undefined;
  issuingState?: string | undefined;
  personalNumber?: string | undefined;
  aliases?: readonly string[] | undefined;
}

/** The identity line under a person, or nothing when no fact is known. */
export const identityLines = (ctx: RenderContext, facts: IdentityFacts): string[] => {
  const parts: string[] = [];
  if (facts.aliases !== undefined && facts.aliases.length > 0) {
    parts.push(ctx.msg('person.aliases', { aliases: ctx.list(facts.aliases) }));
  }
  if (facts.sex !== undefined) parts.push(ctx.msg('person.sex', { sex: ctx.label('sex', facts.sex) }));
  if (facts.birthDate !== undefined) {
    parts.push(ctx.msg('person.birthDate', { birthDate: ctx.partialDate(facts.birthDate) }));
  }
  if (facts.nationality !== undefined) {
    parts.push(ctx.msg('person.nationality', { nationality: ctx.place('state', facts.nationality) }));
  }
  if (facts.documentNumber !== undefined) parts.push(documentPart(ctx, facts, facts.documentNumber));
  if (facts.personalNumber !== undefined) {
    parts.push(ctx.msg('person.personalNumber', { number: facts.personalNumber }));
  }
  return parts.length === 0 ? [] : [INDENT + ctx.details(parts)];
};

const documentPart = (ctx: RenderContext, facts: IdentityFacts, number: string): string =>
  facts.documentType === undefined
    ? ctx.msg('person.document', { number })
    : ctx.msg('person.typedDocument', {
        documentType: ctx.label('documentType', facts.documentType),
        number,
        hasState: flag(facts.issuingState !== undefined),
        state: facts.issuingState === undefined ? '' : ctx.place('state', facts.issuingState),
      });
