import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One accessibility rule broken on the page, with the elements that break it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

interface AxeRunResult {
  violations: Array<{
    id: string;
    impact?: string | null;
    help: string;
    nodes: Array<{ target: unknown[] }>;
  }>;
}

/**
 * Runs axe-core in the page and returns the serious and critical violations. The source is evaluated
 * through the DevTools protocol because the app's CSP rightly refuses inline scripts.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // The callback runs in the page; globalThis is its window, where axe-core installed itself.
    const axe = (globalThis as unknown as { axe: { run(): Promise<AxeRunResult> } }).axe;
    const { violations } = await axe.run();
    return violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
  return result.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
