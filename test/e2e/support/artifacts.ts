/** Screenshots of what a person sees, written as test artifacts (test-results/ is git-ignored). */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-results/screenshots');

export async function screenshot(page: Page, name: string, directory = SCREENSHOT_DIR): Promise<string> {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
