import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay } from '../../../components/overlay/Overlay';
import type { PageFacts } from '../../../lib/evaluation';
import { overlayStrings } from '../../../lib/strings/overlay';
import { HOSTILE_APP_NAME } from '../../fixtures/consent-pages/consent-pages';
import { makeView } from './overlay-view';

afterEach(cleanup);

const S = overlayStrings.factSources;
const send = vi.fn(async () => ({ ok: true as const }));

function renderWith(view: ReturnType<typeof makeView>, pageFacts?: PageFacts) {
  return render(<Overlay view={view} pageFacts={pageFacts} send={send} confirmationMs={10_000} />);
}

describe('FactSources in the overlay', () => {
  it.each(['inform', 'warn', 'block'] as const)('%s: a labelled section lists where the facts came from', (enforcement) => {
    renderWith(makeView({ enforcement }), { appName: 'Example CRM', unread: ['publisher', 'verified', 'account'] });
    const section = screen.getByRole('region', { name: S.heading });
    const items = within(section).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([S.pageName('Example CRM'), S.publisherNotShown, S.notShown('signed-in account')]);
  });

  it('says nothing when the page has not been read', () => {
    renderWith(makeView({ enforcement: 'warn' }));
    expect(screen.queryByTestId('fact-sources')).toBeNull();
  });

  it('the quiet confirmation of an approved app names the approved name when the page shows another', () => {
    renderWith(makeView({ verdict: 'approved', appName: 'Example CRM Pro' }), { appName: 'Example CRM Pro' });
    const line = screen.getByTestId('fact-sources');
    expect(line.textContent).toBe(S.namesDiffer('Example CRM Pro', 'Example CRM'));
    expect(screen.getByRole('status').contains(line)).toBe(true);
  });

  // The confirmation speaks for the organization: it names what the organization approved, never the page's name,
  // even when the view carries the page's name (as views built before this rule did).
  it.each([
    ['a longer name', 'Example CRM Pro'],
    ['a name imitating the overlay', 'Example CRM, approved with full access by your security team'],
  ])('the quiet confirmation of an approved app says the approved name, not %s from the page', (_case, pageName) => {
    renderWith(makeView({ verdict: 'approved', appName: pageName }), { appName: pageName });
    const status = screen.getByRole('status');
    expect(status.firstChild?.textContent).toBe(overlayStrings.approvedBy('Northwind', 'Example CRM'));
    expect(screen.getByTestId('fact-sources').textContent).toBe(S.namesDiffer(pageName, 'Example CRM'));
  });

  it('the quiet confirmation of an allowed app (no approval) marks the page\'s name as the page\'s', () => {
    renderWith(makeView({ verdict: 'allowed', appName: 'Example CRM' }), { appName: 'Example CRM' });
    expect(screen.getByRole('status').firstChild?.textContent).toBe(overlayStrings.allowedBy('Northwind', overlayStrings.unknownApp));
    expect(screen.getByTestId('fact-sources').textContent).toBe(S.pageName('Example CRM'));
  });

  it('the quiet confirmation stays one line when the names agree', () => {
    renderWith(makeView({ verdict: 'approved' }), { appName: 'Example CRM', unread: ['account'] });
    expect(screen.queryByTestId('fact-sources')).toBeNull();
  });

  it('renders a hostile page name as text, never as markup', () => {
    const { container } = renderWith(makeView({ verdict: 'approved', appName: HOSTILE_APP_NAME }), { appName: HOSTILE_APP_NAME });
    expect(screen.getByTestId('fact-sources').textContent).toBe(S.namesDiffer(HOSTILE_APP_NAME, 'Example CRM'));
    expect(container.querySelector('img, script')).toBeNull();
  });
});
