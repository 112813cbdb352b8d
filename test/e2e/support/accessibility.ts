/**
 * axe-core scans. Extension pages (questionnaire, popup) are scanned as whole documents. The overlay lives in a
 * closed shadow root that axe's own tree walk cannot enter, so the scan is built from inside it: `axe.setup` on the
 * root's top element through a CDP object handle, then `runPartial` + `finishRun` on that tree. What is scanned is
 * exactly the overlay's rendered DOM, with the page's styles around it.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { overlay } from './consent-gate-overlay';

const require = createRequire(import.meta.url);
const axeSource: string = (require('axe-core') as { source: string }).source;

/** WCAG 2.x A and AA: what the issue means by "accessible". */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolationSummary {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
  passes: unknown[];
}

function summarise(results: AxeResults): { violations: AxeViolationSummary[]; passes: number } {
  return {
    passes: results.passes.length,
    violations: results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    })),
  };
}

/** One line per violation, so a failing assertion says what and where without expanding objects. */
export function describeViolations(violations: AxeViolationSummary[]): string[] {
  return violations.map((violation) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} at ${violation.targets.join(', ')}`);
}

async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!present) await page.evaluate(axeSource);
}

export async function scanDocument(page: Page): Promise<{ violations: AxeViolationSummary[]; passes: number }> {
  await injectAxe(page);
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    AXE_TAGS,
  );
  return summarise(results as AxeResults);
}

export async function scanOverlay(page: Page): Promise<{ violations: AxeViolationSummary[]; passes: number }> {
  await injectAxe(page);
  const results = await overlay(page).callOnRoot<AxeResults>(
    `async function (tags) {
      const axe = window.axe;
      const top = Array.from(this.children).find((el) => !['STYLE', 'SCRIPT', 'LINK'].includes(el.tagName));
      if (!top) throw new Error('The overlay shadow root has no element to scan');
      axe.setup(top);
      try {
        const partial = await axe.runPartial(top, { runOnly: { type: 'tag', values: tags } });
        return await axe.finishRun([partial], {});
      } finally {
        axe.teardown();
      }
    }`,
    AXE_TAGS,
  );
  return summarise(results);
}
