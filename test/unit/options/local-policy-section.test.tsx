import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalPolicySection } from '../../../components/options/LocalPolicySection';
import { MessageError } from '../../../lib/messages/send-message';
import { OPTIONS_TEXT } from '../../../lib/strings/options';
import { POLICY, policyStatus } from './options-fixtures';
import { renderWithStore } from './options-harness';

afterEach(() => cleanup());

const VALID = '{\n  // pilot first\n  "enforcement": "monitor",\n}\n';
const editor = () => screen.getByTestId('policy-editor') as HTMLTextAreaElement;
const type = (text: string) => fireEvent.input(editor(), { target: { value: text } });

function chooseFile(file: File): void {
  const input = screen.getByTestId('policy-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('the local-policy section', () => {
  it('is a landmark with a heading and a labelled editor', async () => {
    await renderWithStore(<LocalPolicySection />);
    expect(screen.getByRole('region', { name: OPTIONS_TEXT.localHeading })).toBeTruthy();
    expect(screen.getByLabelText(OPTIONS_TEXT.editorLabel)).toBe(editor());
    expect(screen.getByLabelText(OPTIONS_TEXT.fileLabel)).toBe(screen.getByTestId('policy-file'));
    expect(screen.getByTestId('validation-summary').textContent).toBe(OPTIONS_TEXT.validEmpty);
    expect(screen.getByTestId('local-state').dataset.active).toBe('true');
  });

  it('validates as the person types: a syntax error with its line and column, and a button to go there', async () => {
    await renderWithStore(<LocalPolicySection />);
    const text = '{\n  "enforcement": "warn"\n  "rules": {}\n}';
    type(text);
    expect(editor().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('validation-summary').textContent).toBe(OPTIONS_TEXT.validErrors(1));
    const [error] = screen.getAllByTestId('policy-error');
    expect(error!.textContent).toContain('line 3, column 3');
    expect(within(error!).getByTestId('policy-error-fix').textContent).not.toBe(OPTIONS_TEXT.fixLabel);
    fireEvent.click(within(error!).getByTestId('policy-error-goto'));
    expect(document.activeElement).toBe(editor());
    expect(editor().selectionStart).toBe(text.indexOf('"rules"'));
  });

  it('explains schema errors with their path, message and fix', async () => {
    await renderWithStore(<LocalPolicySection />);
    type(JSON.stringify({ enforcement: 'strict', approvedIntegrations: [{ provider: 'google', clientId: 'a', scopes: [], expireOn: '2026-01-01' }] }));
    const errors = screen.getAllByTestId('policy-error');
    const paths = errors.map((error) => error.dataset.path);
    expect(paths).toEqual(expect.arrayContaining(['$.enforcement', '$.approvedIntegrations[0].expireOn']));
    const typo = errors.find((error) => error.dataset.path === '$.approvedIntegrations[0].expireOn')!;
    expect(within(typo).getByTestId('policy-error-path').textContent).toBe('$.approvedIntegrations[0].expireOn');
    expect(within(typo).getByTestId('policy-error-message').textContent).toContain('Unknown key "expireOn"');
    expect(within(typo).getByTestId('policy-error-fix').textContent).toContain('Did you mean "expiresOn"?');
    type(VALID);
    expect(screen.getByTestId('validation-summary').textContent).toBe(OPTIONS_TEXT.validOk);
    expect(screen.queryByTestId('policy-error')).toBeNull();
    expect(editor().hasAttribute('aria-invalid')).toBe(false);
  });

  it('"Apply" sends the text as typed, confirms, and shows the new status', async () => {
    const { options } = await renderWithStore(<LocalPolicySection />);
    type(VALID);
    fireEvent.click(screen.getByTestId('apply-policy'));
    await waitFor(() => expect(screen.getByTestId('apply-status').textContent).toBe(OPTIONS_TEXT.applied));
    expect(options.importLocalPolicy).toHaveBeenCalledWith(VALID);
    expect(options.getPolicyStatus).toHaveBeenCalledTimes(2);
    expect(editor().value).toBe(VALID);
  });

  it('does not send an invalid policy, says why, and keeps the text', async () => {
    const { options } = await renderWithStore(<LocalPolicySection />);
    type('{ "enforcement": ');
    fireEvent.click(screen.getByTestId('apply-policy'));
    expect(screen.getByTestId('apply-error').textContent).toBe(OPTIONS_TEXT.applyBlockedInvalid);
    expect(screen.getByTestId('apply-error').getAttribute('role')).toBe('alert');
    expect(options.importLocalPolicy).not.toHaveBeenCalled();
    expect(editor().value).toBe('{ "enforcement": ');
  });

  it.each([
    [
      'the background refuses with schema errors',
      async () =>
        ({
          ok: false as const,
          error: 'Your administrator manages Consent Gate; local policy files are turned off.',
          errors: [{ path: '$.configUrl', message: 'Only managed policy may set "configUrl".', fix: 'Remove it.' }],
        }),
      'Your administrator manages Consent Gate; local policy files are turned off.',
    ],
    [
      'the message fails',
      async () => {
        throw new MessageError('Consent Gate\u2019s background did not answer page/import-local-policy.', false);
      },
      'Consent Gate\u2019s background did not answer page/import-local-policy.',
    ],
  ])('when %s: a clear alert, and nothing typed is lost', async (_case, importLocalPolicy, reason) => {
    await renderWithStore(<LocalPolicySection />, { importLocalPolicy: vi.fn(importLocalPolicy) });
    type(VALID);
    fireEvent.click(screen.getByTestId('apply-policy'));
    const alert = await screen.findByTestId('apply-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(OPTIONS_TEXT.applyRefused(reason));
    expect(editor().value).toBe(VALID);
    expect((screen.getByTestId('apply-policy') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows the background\u2019s own error list with paths and fixes', async () => {
    await renderWithStore(<LocalPolicySection />, {
      importLocalPolicy: vi.fn(async () => ({ ok: false as const, error: 'Invalid policy.', errors: [{ path: '$.rules', message: 'Bad rules.', fix: 'Fix the rules.' }] })),
    });
    type(VALID);
    fireEvent.click(screen.getByTestId('apply-policy'));
    const list = await screen.findByTestId('apply-errors');
    expect(within(list).getByTestId('policy-error-path').textContent).toBe('$.rules');
    expect(within(list).getByTestId('policy-error-fix').textContent).toContain('Fix the rules.');
  });

  it('disables import and says so when managed policy forbids local policy files', async () => {
    const status = policyStatus();
    status.sources.local = { active: false, allowed: false };
    const { options } = await renderWithStore(<LocalPolicySection />, { getPolicyStatus: vi.fn(async () => status) });
    expect(screen.getByTestId('local-locked').textContent).toBe(OPTIONS_TEXT.localNotAllowed);
    const apply = screen.getByTestId('apply-policy') as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    expect(apply.getAttribute('aria-describedby')).toBe('local-locked');
    expect((screen.getByTestId('policy-file') as HTMLInputElement).disabled).toBe(true);
    type(VALID);
    fireEvent.click(apply);
    expect(options.importLocalPolicy).not.toHaveBeenCalled();
    expect(editor().value).toBe(VALID);
  });

  it('loads a chosen file into the editor and can put back what was typed before', async () => {
    await renderWithStore(<LocalPolicySection />);
    type('{ "enforcement": "warn" } // my draft');
    chooseFile(new File([VALID], 'team-policy.json', { type: 'application/json' }));
    await waitFor(() => expect(editor().value).toBe(VALID));
    expect(screen.getByTestId('file-loaded').textContent).toContain(OPTIONS_TEXT.fileLoaded('team-policy.json'));
    expect(screen.getByTestId('validation-summary').textContent).toBe(OPTIONS_TEXT.validOk);
    fireEvent.click(screen.getByTestId('restore-text'));
    expect(editor().value).toBe('{ "enforcement": "warn" } // my draft');
  });

  it('refuses a file over 16 MB without reading it', async () => {
    await renderWithStore(<LocalPolicySection />);
    type('kept');
    const huge = new File(['{}'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: 16 * 1024 * 1024 + 1 });
    const text = vi.spyOn(huge, 'text');
    chooseFile(huge);
    expect((await screen.findByTestId('file-error')).textContent).toBe(OPTIONS_TEXT.fileTooLarge('huge.json'));
    expect(text).not.toHaveBeenCalled();
    expect(editor().value).toBe('kept');
  });

  it('"Remove local policy" asks the background and reports the outcome', async () => {
    const clearLocalPolicy = vi.fn(async () => undefined);
    const { options } = await renderWithStore(<LocalPolicySection />, { clearLocalPolicy });
    fireEvent.click(screen.getByTestId('remove-policy'));
    await waitFor(() => expect(screen.getByTestId('remove-status').textContent).toBe(OPTIONS_TEXT.removed));
    expect(options.getPolicyStatus).toHaveBeenCalledTimes(2);
    clearLocalPolicy.mockRejectedValueOnce(new Error('Storage is full.'));
    fireEvent.click(screen.getByTestId('remove-policy'));
    expect((await screen.findByTestId('remove-error')).textContent).toBe(OPTIONS_TEXT.removeFailed('Storage is full.'));
  });

  it('"Export policy in force" downloads it as JSON', async () => {
    const { options } = await renderWithStore(<LocalPolicySection />);
    fireEvent.click(screen.getByTestId('export-policy'));
    expect(options.download).toHaveBeenCalledTimes(1);
    const file = options.download.mock.calls[0]![0];
    expect(file).toMatchObject({ name: 'consent-gate-policy-2026-03-10.json', type: 'application/json' });
    expect(JSON.parse(file.text)).toEqual(POLICY);
  });
});
