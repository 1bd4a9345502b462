/** Shapes of the public HTTP API the web app reads; kept to the fields the pages use. */
import type { Geometry } from 'geojson';

export const ROLES = [
  'admin',
  'liaison_officer',
  'port_officer',
  'patrol_commander',
  'analyst',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['zh', 'en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly agencyCode: string;
  readonly unitId: string | null;
  readonly language: Language;
  readonly roles: readonly Role[];
  readonly personalData: boolean;
  readonly totpEnabled: boolean;
}

export interface SessionBody {
  readonly user: User;
  readonly csrfToken: string;
}

export type LoginOutcome = SessionBody | { readonly totpRequired: true };

/** Names in several languages; any may be missing, `local` is the name in the place's own language. */
export type LocalisedNames = Readonly<Partial<Record<Language | 'local', string>>>;

export interface Agency {
  readonly code: string;
  readonly kind: 'own' | 'counterpart' | 'international';
  readonly country: string;
  readonly names: LocalisedNames;
  readonly language: string;
  readonly timeZone: string;
}

export interface Port {
  readonly code: string;
  readonly country: string;
  readonly names: LocalisedNames;
  readonly kind: string;
  readonly lon?: number | null;
  readonly lat?: number | null;
  readonly counterpartPortCode?: string | null;
  readonly countyCode?: string | null;
}

export interface County {
  readonly code: string;
  readonly country: string;
  readonly names: LocalisedNames;
  readonly population?: number | null;
  readonly geometry?: Geometry | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Picks the name for the reader's language, falling back to English, then the local name, then the code. */
export function localName(names: LocalisedNames, language: Language, code: string): string {
  return names[language] ?? names.en ?? names.local ?? code;
}
