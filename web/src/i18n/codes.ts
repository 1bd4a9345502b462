import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CodeListName,
  type CodeOf,
  codeLabel,
  codesOf,
} from '../../../src/modules/exchange/bodies/code-lists.js';
import { currentLanguage } from './i18n.js';

export type { CodeListName, CodeOf };
export { codesOf };

/**
 * Labels for the shared code lists (port status, person category, interception reason…). The node and its
 * peers render notifications from the same pure module, so a code reads the same on screen and on paper.
 */
export function useCodeLabel(): (list: CodeListName, code: string) => string {
  useTranslation();
  const language = currentLanguage();
  return useCallback((list, code) => codeLabel(list, code, language), [language]);
}
