import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VERDICTS } from '../../../lib/evaluation';
import { overlayStrings } from '../../../lib/strings/overlay';
import { Overlay, type ShownDisplay } from '../../../components/overlay/Overlay';
import type { SendOverlayAction } from '../../../components/overlay/use-overlay-action';
import { MIN_ACKNOWLEDGE_REASON_LENGTH } from '../../../components/overlay/overlay-display';
import { HOSTILE_APP_NAME } from '../../fixtures/consent-pages/consent-pages';
import { ENFORCEMENTS, LOOKALIKE_APP_FINDING, LOOKALIKE_HOST_FINDING, SENSITIVE_FINDING, makeView, type Enforcement } from './overlay-view';

afterEach(cleanup);

const ACTION_IDS = ['start-review', 'continue', 'cancel', 'request-review', 'dismiss'] as const;

function renderOverlay(view = makeView(), send: SendOverlayAction = vi.fn(async () => ({ ok: true as const }))) {
  const displays: ShownDisplay[] = [];
  const result = render(<Overlay view={view} send={send} onDisplayChange={(display) => displays.push(display)} confirmationMs={50} />);
  return { ...result, send, displays };
}

function shownActions(): string[] {
  return ACTION_IDS.filter((id) => screen.queryByTestId(id) !== null);
}

type Expectation = { surface: string | null; actions: string[]; role?: string };

function expectationFor(enforcement: Enforcement, verdict: (typeof VERDICTS)[number]): Expectation {
  if (enforcement === 'off' || enforcement === 'monitor') return { surface: null, actions: [] };
  if (verdict === 'approved' || verdict === 'allowed') return { surface: 'confirmation', actions: [], role: 'status' };
  if (enforcement === 'inform') return { surface: 'banner', actions: ['start-review', 'dismiss'], role: 'dialog' };
  if (enforcement === 'block' || verdict === 'blocked') return { surface: 'interstitial', actions: ['cancel', 'request-review'], role: 'alertdialog' };
  return { surface: 'panel', actions: ['start-review', 'continue', 'cancel'], role: 'alertdialog' };
}

describe('every enforcement mode × verdict', () => {
  const cases = ENFORCEMENTS.flatMap((enforcement) => VERDICTS.map((verdict) => ({ enforcement, verdict, ...expectationFor(enforcement, verdict) })));

  it.each(cases)('$enforcement × $verdict: $surface with [$actions]', ({ enforcement, verdict, surface, actions, role }) => {
    const { container } = renderOverlay(makeView({ enforcement, verdict }));
    expect(shownActions()).toEqual(actions);
    if (surface === null) {
      expect(container.textContent).toBe('');
      return;
    }
    expect(screen.getByTestId(surface)).toBeTruthy();
    if (role) expect(screen.getAllByRole(role).length).toBeGreaterThan(0);
    if (surface === 'confirmation') {
      const organization = 'Northwind';
      // An allowed request has no approval, so no name the organization gave it: the confirmation does not borrow one.
      const text = verdict === 'approved' ? overlayStrings.approvedBy(organization, 'Example CRM') : overlayStrings.allowedBy(organization, overlayStrings.unknownApp);
      expect(screen.getByTestId('confirmation').textContent).toBe(text);
    }
    if (surface === 'acknowledge' || (surface === 'panel' && enforcement === 'acknowledge')) expect(screen.getByTestId('reason')).toBeTruthy();
    if (surface === 'panel' && enforcement === 'warn') expect(screen.queryByTestId('reason')).toBeNull();
  });
});

describe('the decision panel', () => {
  it('says what the app asks for in plain words, and the findings with their severity', () => {
    renderOverlay(makeView({ offlineAccess: true }));
    const scopes = screen.getByTestId('scopes');
    expect(within(scopes).getByText('See, edit, create and delete all your Google Drive files')).toBeTruthy();
    expect(within(scopes).getByText('Read all your email and its settings')).toBeTruthy();
    expect(within(scopes).getByText(overlayStrings.offlineAccess)).toBeTruthy();
    const findings = screen.getByTestId('findings');
    const items = within(findings).getAllByRole('listitem');
    // Most severe first: the high finding before the warning.
    expect(items[0]?.textContent).toBe(`${overlayStrings.severityLabel.high}${SENSITIVE_FINDING.message}`);
    expect(items[0]?.getAttribute('data-severity')).toBe('high');
  });

  it('names each scope by its short name, with the exact requested string one click away', () => {
    renderOverlay();
    const scopes = screen.getByTestId('scopes');
    const names = [...scopes.querySelectorAll('code.scope-name')];
    expect(names.map((name) => name.textContent)).toEqual(['drive', 'gmail.readonly']);
    expect(names.map((name) => name.getAttribute('title'))).toEqual([
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/gmail.readonly',
    ]);
    const exact = screen.getByTestId('exact-scopes');
    expect(exact.tagName).toBe('DETAILS');
    expect(exact.hasAttribute('open')).toBe(false);
    expect(within(exact).getByText(overlayStrings.exactScopes)).toBeTruthy();
    expect(within(exact).getAllByRole('listitem', { hidden: true }).map((item) => item.textContent)).toEqual([
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/gmail.readonly',
    ]);
  });

  it('shows a hostile scope only as neutralised text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>\u202Egnp.exe';
    const view = makeView({ scopes: [{ ...makeView().evaluation.scopes[0]!, scope: hostile, description: 'Something odd' }] });
    const { container } = renderOverlay(view);
    expect(container.querySelector('img')).toBeNull();
    const name = screen.getByTestId('scopes').querySelector('code.scope-name')!;
    expect(name.textContent).toBe('<img src=x onerror=alert(1)>\uFFFDgnp.exe');
    expect(name.getAttribute('title')).toBe(hostile);
    expect(within(screen.getByTestId('exact-scopes')).getByText(hostile)).toBeTruthy();
  });

  it('falls back to what the consent page lists when the request named no known scopes', () => {
    render(
      <Overlay view={makeView({ scopes: [] })} pageFacts={{ scopeDescriptions: ['See your files'] }} send={vi.fn()} />,
    );
    expect(screen.getByText(overlayStrings.pageListsHeading)).toBeTruthy();
    expect(screen.getByText('See your files')).toBeTruthy();
  });

  it('is labelled and described for screen readers', () => {
    renderOverlay();
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const title = dialog.ownerDocument.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    const summary = dialog.ownerDocument.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(title?.textContent).toBe(overlayStrings.verdictTitle['needs-review']);
    expect(summary?.textContent).toBe(overlayStrings.panelSummary('Example CRM'));
  });

  it('"Continue anyway" collapses to a pill', async () => {
    const { send, displays } = renderOverlay();
    fireEvent.click(screen.getByTestId('continue'));
    await waitFor(() => expect(screen.getByTestId('pill')).toBeTruthy());
    expect(send).toHaveBeenCalledWith('continue', undefined);
    expect(shownActions()).toEqual([]);
    expect(screen.getByTestId('pill').textContent).toBe(overlayStrings.continuedPill('Example CRM'));
    expect(displays.at(-1)).toBe('pill');
  });

  it('"Cancel" asks the background to leave and says so', async () => {
    const { send } = renderOverlay();
    fireEvent.click(screen.getByTestId('cancel'));
    await waitFor(() => expect(screen.getByTestId('leaving')).toBeTruthy());
    expect(send).toHaveBeenCalledWith('cancel', undefined);
  });

  it('"Start review" keeps the panel and tells where the review opened', async () => {
    const { send } = renderOverlay(makeView(), vi.fn(async () => ({ ok: true as const, reviewId: 'r-1' })));
    fireEvent.click(screen.getByTestId('start-review'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe(overlayStrings.reviewStarted));
    expect(send).toHaveBeenCalledWith('start-review', undefined);
    expect(screen.getByTestId('panel')).toBeTruthy();
  });

  it.each([
    { name: 'refused', send: vi.fn(async () => ({ ok: false as const, error: 'no such flow' })), shown: overlayStrings.actionFailed('no such flow') },
    { name: 'undeliverable', send: vi.fn(async () => Promise.reject(new Error('Extension context invalidated.'))), shown: overlayStrings.actionFailed('Extension context invalidated.') },
  ])('an action that is $name is reported, and the panel stays', async ({ send, shown }) => {
    renderOverlay(makeView(), send);
    fireEvent.click(screen.getByTestId('continue'));
    await waitFor(() => expect(screen.getByTestId('action-error').textContent).toBe(shown));
    expect(screen.getByTestId('panel')).toBeTruthy();
    expect(screen.queryByTestId('pill')).toBeNull();
  });
});

describe('acknowledge: continuing needs a reason', () => {
  it.each(['', '   ', 'too short'])('refuses %j without asking the background', async (reason) => {
    const { send } = renderOverlay(makeView({ enforcement: 'acknowledge' }));
    fireEvent.input(screen.getByTestId('reason'), { target: { value: reason } });
    fireEvent.click(screen.getByTestId('continue'));
    const error = await screen.findByTestId('reason-error');
    expect(error.textContent).toBe(overlayStrings.reasonTooShort(MIN_ACKNOWLEDGE_REASON_LENGTH));
    expect(screen.getByTestId('reason').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('reason').getAttribute('aria-describedby')).toContain('cg-reason-error');
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByTestId('continue')).toBeTruthy();
  });

  it('sends the typed reason, trimmed, with "Continue anyway"', async () => {
    const { send } = renderOverlay(makeView({ enforcement: 'acknowledge' }));
    const reason = 'Pilot approved by Priya in ticket SEC-142.';
    fireEvent.input(screen.getByTestId('reason'), { target: { value: `  ${reason}  ` } });
    fireEvent.click(screen.getByTestId('continue'));
    await waitFor(() => expect(screen.getByTestId('pill')).toBeTruthy());
    expect(send).toHaveBeenCalledWith('continue', reason);
  });

  it('labels the reason field', () => {
    renderOverlay(makeView({ enforcement: 'acknowledge' }));
    expect(screen.getByLabelText(overlayStrings.reasonLabel)).toBe(screen.getByTestId('reason'));
  });
});

describe('block: an interstitial with no way to continue', () => {
  it('offers "Request review" and "Cancel"', async () => {
    const { send } = renderOverlay(makeView({ enforcement: 'block' }));
    expect(screen.queryByTestId('continue')).toBeNull();
    fireEvent.click(screen.getByTestId('request-review'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe(overlayStrings.reviewRequested));
    expect(send).toHaveBeenCalledWith('request-review', undefined);
  });

  it('names a blocked app as blocked by the organization', () => {
    renderOverlay(makeView({ enforcement: 'warn', verdict: 'blocked' }));
    expect(screen.getByText(overlayStrings.blockedByListSummary('Example CRM'))).toBeTruthy();
  });
});

describe('inform banner and quiet confirmation', () => {
  it('the banner is dismissed with its button, and the dismissal is sent', async () => {
    const { send, container } = renderOverlay(makeView({ enforcement: 'inform' }));
    fireEvent.click(screen.getByTestId('dismiss'));
    await waitFor(() => expect(container.textContent).toBe(''));
    expect(send).toHaveBeenCalledWith('dismiss', undefined);
  });

  it('the banner is dismissed with Escape', async () => {
    const { send, container } = renderOverlay(makeView({ enforcement: 'inform' }));
    fireEvent.keyDown(screen.getByTestId('banner'), { key: 'Escape' });
    await waitFor(() => expect(container.textContent).toBe(''));
    expect(send).toHaveBeenCalledWith('dismiss', undefined);
  });

  it('the confirmation does not take focus and fades away on its own', async () => {
    const { container, displays } = renderOverlay(makeView({ enforcement: 'warn', verdict: 'approved' }));
    expect(document.activeElement).toBe(document.body);
    await waitFor(() => expect(container.textContent).toBe(''), { timeout: 1000 });
    expect(displays).toEqual(['confirmation', 'closed']);
  });

  it('the confirmation names the organization, or says "your organization"', () => {
    renderOverlay(makeView({ enforcement: 'inform', verdict: 'approved', organization: {} }));
    expect(screen.getByTestId('confirmation').textContent).toBe(overlayStrings.approvedBy(overlayStrings.defaultOrganization, 'Example CRM'));
  });
});

describe('look-alikes are called out loudly, first', () => {
  it.each([
    { finding: LOOKALIKE_APP_FINDING, title: overlayStrings.lookalikeAppTitle },
    { finding: LOOKALIKE_HOST_FINDING, title: overlayStrings.lookalikeHostTitle },
  ])('$finding.rule', ({ finding, title }) => {
    renderOverlay(makeView({ findings: [SENSITIVE_FINDING, finding] }));
    const alert = screen.getByTestId('lookalike-alert');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(title);
    expect(alert.textContent).toContain(finding.message);
    // Before the title: the first thing after the brand line.
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.children[1]).toBe(alert);
    // Not repeated in the ordinary findings list.
    expect(screen.getByTestId('findings').textContent).not.toContain(finding.message);
  });

  it('even in inform mode', () => {
    renderOverlay(makeView({ enforcement: 'inform', verdict: 'allowed', findings: [LOOKALIKE_APP_FINDING] }));
    expect(screen.getByTestId('banner')).toBeTruthy();
    expect(screen.getByTestId('lookalike-alert')).toBeTruthy();
  });
});

describe('branding', () => {
  it('shows the organization and a safe support link', () => {
    renderOverlay();
    expect(screen.getByText(overlayStrings.checkedBy('Northwind'))).toBeTruthy();
    const link = within(screen.getByTestId('support')).getByRole('link');
    expect(link.getAttribute('href')).toBe('https://help.northwind.example/apps');
    expect(link.textContent).toBe('security@northwind.example');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('does not link a javascript: support URL', () => {
    renderOverlay(makeView({ organization: { name: 'Northwind', supportContact: 'IT desk', supportUrl: 'javascript:alert(1)' } }));
    expect(within(screen.getByTestId('support')).queryByRole('link')).toBeNull();
    expect(screen.getByTestId('support').textContent).toBe(`${overlayStrings.supportPrefix} IT desk`);
  });

  it('falls back to the product name without an organization', () => {
    renderOverlay(makeView({ organization: {} }));
    expect(screen.getByText(overlayStrings.productName)).toBeTruthy();
    expect(screen.queryByTestId('support')).toBeNull();
  });
});

describe('hostile page strings are text, never markup', () => {
  it.each(['panel', 'banner', 'interstitial'] as const)('in the %s', (surface) => {
    const enforcement = surface === 'panel' ? 'warn' : surface === 'banner' ? 'inform' : 'block';
    const { container } = render(
      <Overlay
        view={makeView({ enforcement, appName: HOSTILE_APP_NAME })}
        pageFacts={{ appName: HOSTILE_APP_NAME, scopeDescriptions: ['<b onmouseover=alert(3)>x</b>'] }}
        send={vi.fn()}
      />,
    );
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.textContent).toContain(HOSTILE_APP_NAME);
  });

  it('the page app name is used when the view has none', () => {
    render(<Overlay view={makeView({ appName: undefined })} pageFacts={{ appName: HOSTILE_APP_NAME }} send={vi.fn()} />);
    expect(screen.getByTestId('app-name').textContent).toBe(HOSTILE_APP_NAME);
    expect(screen.getByTestId('app-name').children).toHaveLength(0);
  });
});

describe('keyboard', () => {
  function focusables(): HTMLElement[] {
    return Array.from(screen.getByRole('alertdialog').querySelectorAll<HTMLElement>('button, a[href], textarea'));
  }

  it.each(['warn', 'acknowledge', 'block'] as const)('%s: focus moves to the dialog, Tab cycles inside it', (enforcement) => {
    renderOverlay(makeView({ enforcement }));
    const dialog = screen.getByRole('alertdialog');
    expect(document.activeElement).toBe(dialog);
    const items = focusables();
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) throw new Error('the dialog has nothing to focus');
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it('Shift+Tab from the dialog itself goes to the last control', () => {
    renderOverlay();
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(focusables().at(-1));
  });

  it('focus that escapes to the page is brought back to the modal', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    renderOverlay();
    outside.focus();
    expect(document.activeElement).toBe(screen.getByRole('alertdialog'));
    outside.remove();
  });

  it.each(['warn', 'block'] as const)('%s: Escape does not close the modal', (enforcement) => {
    const { send } = renderOverlay(makeView({ enforcement }));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('Enter and Space on the focused button act like a click (native buttons)', () => {
    renderOverlay();
    for (const button of screen.getAllByRole('button')) expect(button.tagName).toBe('BUTTON');
    for (const button of screen.getAllByRole('button')) expect(button.getAttribute('type')).toBe('button');
  });
});

describe('strings come from lib/strings/overlay', () => {
  it.each([
    ['start-review', overlayStrings.startReview],
    ['continue', overlayStrings.continueAnyway],
    ['cancel', overlayStrings.cancel],
  ] as const)('%s reads %j', (testId, text) => {
    renderOverlay();
    expect(screen.getByTestId(testId).textContent).toBe(text);
  });

  it('request review and dismiss too', () => {
    renderOverlay(makeView({ enforcement: 'block' }));
    expect(screen.getByTestId('request-review').textContent).toBe(overlayStrings.requestReview);
    cleanup();
    renderOverlay(makeView({ enforcement: 'inform' }));
    expect(screen.getByTestId('dismiss').textContent).toBe(overlayStrings.dismiss);
  });
});
