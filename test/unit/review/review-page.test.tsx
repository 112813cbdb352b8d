import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewPage } from '../../../components/review/ReviewPage';
import { ReviewStoreContext } from '../../../components/review/review-store-context';
import { DEFAULT_POLICY } from '../../../lib/engine/default-policy';
import { forgetDatabase } from '../../../lib/storage/database';
import { createReview, getReview, putReview } from '../../../lib/storage/reviews';
import { StorageError } from '../../../lib/storage/storage-error';
import { ANSWER_ERRORS, QUESTION_TEXT } from '../../../lib/strings/review';
import { createReviewStore, type ReviewStoreOptions } from '../../../lib/ui-stores/review-store';
import { googlePrefill, readOnlyPrefill, validAnswers } from './review-fixtures';

const AUTOSAVE_MS = 40;

function setup(id: string | null, overrides: Partial<ReviewStoreOptions> = {}) {
  const storage = { createReview: vi.fn(createReview), getReview: vi.fn(getReview), putReview: vi.fn(putReview) };
  const notifySubmitted = vi.fn(async (_id: string) => undefined);
  const actions = { copyText: vi.fn(async (_text: string) => undefined), download: vi.fn() };
  const getPolicy = vi.fn(async () => DEFAULT_POLICY);
  const store = createReviewStore({ storage, notifySubmitted, getPolicy, autosaveDelayMs: AUTOSAVE_MS, ...overrides });
  render(
    <ReviewStoreContext.Provider value={store}>
      <ReviewPage actions={actions} />
    </ReviewStoreContext.Provider>,
  );
  void store.load(id);
  return { store, storage, notifySubmitted, actions };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  forgetDatabase();
});
afterEach(() => cleanup());

describe('the review page', () => {
  it('shows the prefill read-only and prefills what the detection knows', async () => {
    const record = await createReview(googlePrefill());
    setup(record.id);
    expect(await screen.findByTestId('prefill-app')).toHaveProperty('textContent', 'Acme Webinars');
    expect(screen.getByTestId('prefill-client-id').textContent).toBe('1234-abc.apps.googleusercontent.com');
    expect(screen.getByTestId('prefill-scopes').textContent).toContain('See, edit, download and permanently delete your contacts');
    expect(screen.getByTestId('prefill-source').textContent).toBe('https://app.acme.example/settings/integrations');
    expect((screen.getByTestId('field-toolName') as HTMLInputElement).value).toBe('Acme Webinars');
    expect((screen.getByTestId('field-dataClasses-contacts') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('field-dataClasses-payment') as HTMLInputElement).checked).toBe(false);
  });

  it('names scopes by their short names, with the exact requested string in a disclosure', async () => {
    const record = await createReview(googlePrefill());
    setup(record.id);
    const list = await screen.findByTestId('prefill-scopes');
    expect([...list.querySelectorAll('[data-testid="prefill-scope-name"]')].map((name) => name.textContent)).toEqual(['openid', 'contacts']);
    const exact = list.querySelectorAll('[data-testid="prefill-scope-exact"]');
    expect([...exact].map((code) => code.textContent)).toEqual(['https://www.googleapis.com/auth/contacts']);
    expect(exact[0]?.closest('details')?.querySelector('summary')?.textContent).toBe('contacts');
  });

  it('shows a hostile scope as neutralised text, and the exact string only as text', async () => {
    const hostile = 'https://www.googleapis.com/auth/<b>drive</b>\u202E';
    const record = await createReview(
      googlePrefill({ scopes: [{ scope: hostile, description: 'Odd', access: [], dataClasses: [] }] }),
    );
    setup(record.id);
    const list = await screen.findByTestId('prefill-scopes');
    expect(list.querySelector('b')).toBeNull();
    expect(list.querySelector('[data-testid="prefill-scope-name"]')?.textContent).toBe('<b>drive</b>\uFFFD');
    expect(list.querySelector('[data-testid="prefill-scope-exact"]')?.textContent).toBe(hostile);
    // No access or data class to describe it: the short name stands in, not the long one.
    expect(list.textContent).toContain('(<b>drive</b>\uFFFD)');
  });

  it('labels every field and groups choices in fieldsets with legends', async () => {
    const record = await createReview(googlePrefill());
    setup(record.id);
    await screen.findByTestId('review-form');
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      expect(input.labels?.length ?? 0, input.id).toBeGreaterThan(0);
    }
    expect(screen.getByTestId('field-accessNeeded').tagName).toBe('FIELDSET');
    expect(screen.getByTestId('field-accessNeeded').querySelector('legend')?.textContent).toBe(QUESTION_TEXT.accessNeeded.label);
  });

  it('validates on submit: messages next to fields, tied with aria-describedby, and a linked summary that takes focus', async () => {
    const record = await createReview(googlePrefill());
    const { storage, notifySubmitted } = setup(record.id);
    await screen.findByTestId('review-form');
    fireEvent.input(screen.getByTestId('field-owner'), { target: { value: 'Dana Ops' } });
    fireEvent.input(screen.getByTestId('field-backupOwner'), { target: { value: 'dana ops' } });
    fireEvent.input(screen.getByTestId('field-dataDeletion'), { target: { value: 'Delete the account' } });
    fireEvent.click(screen.getByTestId('submit-review'));

    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const backup = screen.getByTestId('field-backupOwner');
    expect(backup.getAttribute('aria-invalid')).toBe('true');
    const describedBy = backup.getAttribute('aria-describedby')?.split(' ') ?? [];
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain(ANSWER_ERRORS.backupSameAsOwner);
    expect(screen.getByTestId('error-dataDeletion').textContent).toBe(ANSWER_ERRORS.deletionIsAccountOnly);
    expect(screen.getByTestId('error-accessNeeded').textContent).toBe(ANSWER_ERRORS.choose);
    const link = [...summary.querySelectorAll('a')].find((anchor) => anchor.textContent === QUESTION_TEXT.backupOwner.label);
    expect(link?.getAttribute('href')).toBe('#question-backupOwner');
    fireEvent.click(link!);
    expect(document.activeElement).toBe(backup);
    expect(notifySubmitted).not.toHaveBeenCalled();
    expect(storage.putReview.mock.calls.every(([saved]) => saved.status === 'draft')).toBe(true);

    fireEvent.input(backup, { target: { value: 'Lee Sales' } });
    await waitFor(() => expect(screen.queryByTestId('error-backupOwner')).toBeNull());
  });

  it('autosaves a draft once per burst of typing and keeps it across a reload', async () => {
    const record = await createReview(googlePrefill());
    const { storage } = setup(record.id);
    const useCase = await screen.findByTestId('field-useCase');
    for (const value of ['S', 'Sy', 'Sync signups into the CRM']) fireEvent.input(useCase, { target: { value } });
    expect(screen.getByTestId('save-status').dataset.state).toBe('pending');
    await waitFor(() => expect(screen.getByTestId('save-status').dataset.state).toBe('saved'));
    expect(storage.putReview).toHaveBeenCalledTimes(1);
    expect(storage.putReview.mock.calls[0]?.[0].answers.useCase).toBe('Sync signups into the CRM');
    expect((await getReview(record.id))?.answers).toMatchObject({ useCase: 'Sync signups into the CRM', toolName: 'Acme Webinars' });

    cleanup();
    setup(record.id);
    expect(((await screen.findByTestId('field-useCase')) as HTMLInputElement).value).toBe('Sync signups into the CRM');
  });

  it('saves at once on flush (page hidden or closed) without waiting for the debounce', async () => {
    const record = await createReview(googlePrefill());
    const { store, storage } = setup(record.id, { autosaveDelayMs: 60_000 });
    fireEvent.input(await screen.findByTestId('field-owner'), { target: { value: 'Dana Ops' } });
    await store.flush();
    expect(storage.putReview).toHaveBeenCalledTimes(1);
    expect((await getReview(record.id))?.answers.owner).toBe('Dana Ops');
  });

  it('shows a failed write with its reason, keeps the typed text, and saves again on retry', async () => {
    const record = await createReview(googlePrefill());
    const failing = vi
      .fn(putReview)
      .mockRejectedValueOnce(new StorageError('quota', 'Consent Gate could not save the review: the disk is full.'));
    setup(record.id, { storage: { createReview, getReview, putReview: failing } });
    const owner = await screen.findByTestId('field-owner');
    fireEvent.input(owner, { target: { value: 'Dana Ops' } });
    const error = await screen.findByTestId('save-error');
    expect(error.textContent).toContain('the disk is full');
    expect((owner as HTMLInputElement).value).toBe('Dana Ops');
    fireEvent.click(screen.getByTestId('retry-save'));
    await waitFor(() => expect(screen.getByTestId('save-status').dataset.state).toBe('saved'));
    expect((await getReview(record.id))?.answers.owner).toBe('Dana Ops');
  });

  it.each([
    ['read-only answer, write scopes', googlePrefill(), 'read', 'answer-read-scopes-write'],
    ['write answer, read-only scopes', readOnlyPrefill(), 'read-write', 'answer-write-scopes-read'],
  ])('warns when the access answer and the scopes disagree: %s', async (_name, prefill, answer, kind) => {
    const record = await createReview(prefill);
    setup(record.id);
    await screen.findByTestId('review-form');
    expect(screen.queryByTestId('access-mismatch')).toBeNull();
    fireEvent.click(screen.getByTestId(`field-accessNeeded-${answer}`));
    const warning = await screen.findByTestId('access-mismatch');
    expect(warning.dataset.kind).toBe(kind);
    expect(screen.getByTestId('field-accessNeeded').getAttribute('aria-describedby')).toContain('access-mismatch');
  });

  it('shows pilot questions only for a pilot', async () => {
    const record = await createReview(googlePrefill());
    setup(record.id);
    await screen.findByTestId('review-form');
    expect(screen.queryByTestId('field-pilotScope')).toBeNull();
    fireEvent.click(screen.getByTestId('field-requestKind-pilot'));
    expect(await screen.findByTestId('field-pilotScope')).toBeTruthy();
    expect((screen.getByTestId('field-testAccessDays-7') as HTMLInputElement).checked).toBe(true);
  });

  it('submits a complete review: stores it as submitted, tells the background, offers the exports', async () => {
    const record = await createReview(googlePrefill());
    await putReview({ ...record, answers: validAnswers() });
    const { notifySubmitted, actions } = setup(record.id);
    fireEvent.click(await screen.findByTestId('submit-review'));
    await screen.findByTestId('review-result');
    const stored = await getReview(record.id);
    expect(stored?.status).toBe('submitted');
    expect(stored?.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(notifySubmitted).toHaveBeenCalledWith(record.id);

    fireEvent.click(screen.getByTestId('download-json'));
    const file = actions.download.mock.calls[0]?.[0];
    expect(file?.name).toBe(`consent-gate-review-acme-webinars-${stored?.submittedAt?.slice(0, 10)}.json`);
    expect(JSON.parse(file?.text ?? '{}')).toMatchObject({ format: 'consent-gate/review', version: 1, review: { id: record.id, status: 'submitted' } });
    fireEvent.click(screen.getByTestId('copy-markdown'));
    await waitFor(() => expect(actions.copyText).toHaveBeenCalledWith(expect.stringContaining('# Integration review: Acme Webinars')));
    expect((await screen.findByTestId('copy-status')).textContent).not.toBe('');
  });

  it.each([
    ['mailto:security@example.com?subject=Review', true],
    ['javascript:alert(1)', false],
    [undefined, false],
  ])('offers the email draft %s only when it is a mailto: link', async (emailDraft, shown) => {
    const record = await createReview(googlePrefill());
    await putReview({ ...record, answers: validAnswers() });
    setup(record.id, { notifySubmitted: async () => (emailDraft === undefined ? {} : { emailDraft }) });
    fireEvent.click(await screen.findByTestId('submit-review'));
    await screen.findByTestId('review-result');
    if (shown) expect((await screen.findByTestId('email-draft')).getAttribute('href')).toBe(emailDraft);
    else expect(screen.queryByTestId('email-draft')).toBeNull();
  });

  it('keeps the submitted review when the background cannot be told, and says so', async () => {
    const record = await createReview(googlePrefill());
    await putReview({ ...record, answers: validAnswers() });
    setup(record.id, { notifySubmitted: async () => Promise.reject(new Error('The background did not answer.')) });
    fireEvent.click(await screen.findByTestId('submit-review'));
    expect((await screen.findByTestId('notify-error')).textContent).toContain('The background did not answer.');
    expect((await getReview(record.id))?.status).toBe('submitted');
  });

  it('shows a failed submit and keeps the answers in the form', async () => {
    const record = await createReview(googlePrefill());
    await putReview({ ...record, answers: validAnswers() });
    const putOnce = vi.fn(putReview).mockRejectedValueOnce(new StorageError('closed', 'Consent Gate could not save the review: the browser closed its local database.'));
    setup(record.id, { storage: { createReview, getReview, putReview: putOnce } });
    fireEvent.click(await screen.findByTestId('submit-review'));
    expect((await screen.findByTestId('submit-error')).textContent).toContain('closed its local database');
    expect((screen.getByTestId('field-owner') as HTMLInputElement).value).toBe('Dana Ops');
    expect((await getReview(record.id))?.status).toBe('draft');
  });

  it('starts a blank review by hand and creates the record on the first save', async () => {
    const onRecordCreated = vi.fn();
    const { storage } = setup(null, { onRecordCreated });
    expect((await screen.findByTestId('prefill')).textContent).toContain('Started by hand');
    expect(storage.createReview).not.toHaveBeenCalled();
    fireEvent.input(screen.getByTestId('field-toolName'), { target: { value: 'Acme CRM Sync' } });
    await waitFor(() => expect(onRecordCreated).toHaveBeenCalledTimes(1));
    const id = onRecordCreated.mock.calls[0]?.[0] as string;
    await waitFor(async () => expect((await getReview(id))?.answers.toolName).toBe('Acme CRM Sync'));
  });

  it('reports an unknown id', async () => {
    setup('no-such-review');
    expect((await screen.findByTestId('load-error')).textContent).toContain('No review with this id');
  });
});
