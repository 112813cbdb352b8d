/**
 * Fills the review questionnaire (`review.html`) the way a requester would, from the fields' `data-testid`s
 * (`field-<question id>`, lib/review/questionnaire-schema.ts). A field's test id may sit on the control itself
 * (input, textarea, select) or on a group that holds radio buttons or checkboxes; both are handled.
 */
import type { Locator, Page } from 'playwright-core';

/** Answers that pass the questionnaire's own checks: one-sentence use case, a real deletion path, two owners. */
export const REVIEW_ANSWERS: Record<string, string | number | string[]> = {
  toolName: 'Example CRM',
  useCase: 'Log customer email threads from sales reps into the CRM timeline.',
  internalSystems: 'Google Workspace mail and Drive; the sales CRM.',
  dataFields: 'Sender, recipients, subject, date and body of customer email threads.',
  dataClasses: ['customer', 'communications'],
  accessNeeded: 'read',
  dataCopy: 'keeps-copy',
  accountType: 'service-account',
  secretsLocation: 'secret-store',
  secretsRotatable: 'yes',
  owner: 'Dana Whitfield, sales operations',
  backupOwner: 'Luis Ortega, IT',
  approver: 'Priya Raman, security lead',
  configurer: 'Luis Ortega, IT',
  monitor: 'IT operations on-call rota',
  requestKind: 'pilot',
  pilotScope: 'Five account executives in the EMEA team, their own mailboxes only.',
  testAccessDays: 14,
  cutOff: 'Remove the app under Google Admin console > Security > API controls and revoke its tokens.',
  dataDeletion: 'Write to privacy@example-crm.test to purge every synced message; they confirm deletion in writing within 30 days.',
  vendorOutage: 'queues-and-retries',
  breachRevoker: 'The security on-call revokes the app tokens in Google Admin console.',
};

async function fillOne(page: Page, field: Locator, value: string | number | string[]): Promise<void> {
  const tag = await field.evaluate((element) => element.tagName.toLowerCase());
  const type = await field.getAttribute('type');
  const values = (Array.isArray(value) ? value : [value]).map(String);
  if (tag === 'select') {
    await field.selectOption(values);
    return;
  }
  if ((tag === 'input' && type !== 'radio' && type !== 'checkbox') || tag === 'textarea') {
    await field.fill(values.join(', '));
    return;
  }
  if (tag === 'input') {
    // The test id sits on one radio or checkbox of a group: pick by value among its siblings of the same name.
    const name = await field.getAttribute('name');
    for (const one of values) await page.locator(`input[name="${name}"][value="${one}"]`).check();
    return;
  }
  const select = field.locator('select');
  if ((await select.count()) === 1) {
    await select.selectOption(values);
    return;
  }
  const textbox = field.locator('input:not([type=radio]):not([type=checkbox]), textarea');
  if ((await textbox.count()) === 1) {
    await textbox.fill(values.join(', '));
    return;
  }
  for (const one of values) {
    const option = field.locator(`input[value="${one}"]`);
    if ((await option.count()) !== 1) {
      throw new Error(`The questionnaire field ${await field.getAttribute('data-testid')} has no option with value "${one}"`);
    }
    await option.check();
  }
}

/**
 * Answers every question the page shows. Conditional questions (pilot scope, expiry) appear after the answer they
 * depend on, so fields are filled in page order and the list is read again until nothing new shows up.
 * Returns the ids answered.
 */
export async function fillQuestionnaire(page: Page, answers = REVIEW_ANSWERS): Promise<string[]> {
  const answered = new Set<string>();
  for (let pass = 0; pass < 4; pass += 1) {
    const ids = await page.locator('[data-testid^="field-"]').evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-testid') ?? ''),
    );
    const pending = [...new Set(ids)].filter((id) => !answered.has(id));
    if (pending.length === 0) break;
    for (const testId of pending) {
      const question = testId.slice('field-'.length);
      answered.add(testId);
      const value = answers[question];
      if (value === undefined) continue;
      const field = page.locator(`[data-testid="${testId}"]`).first();
      if (!(await field.isVisible())) continue;
      await fillOne(page, field, value);
    }
  }
  return [...answered].map((testId) => testId.slice('field-'.length));
}
