import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IntegrationsSection } from '../../../components/options/IntegrationsSection';
import { OPTIONS_TEXT } from '../../../lib/strings/options';
import { POLICY, policyStatus } from './options-fixtures';
import { renderWithStore } from './options-harness';

afterEach(() => cleanup());

const shownNames = () => screen.getAllByTestId('integration-row').map((row) => within(row).getByTestId('integration-name').textContent);
const header = (key: string) => screen.getByTestId(`sort-${key}`).closest('th')!;

describe('the approved-integrations section', () => {
  it('lists the widest access first, then the soonest due, with risk from the catalog', async () => {
    await renderWithStore(<IntegrationsSection />);
    expect(screen.getByRole('region', { name: OPTIONS_TEXT.integrationsHeading })).toBeTruthy();
    expect(shownNames()).toEqual(['Dir Admin', 'gh-2', 'Code Bot', 'Calendar Sync', 'Sign In']);
    expect(screen.getAllByTestId('integration-row').map((row) => row.dataset.risk)).toEqual(['critical', 'high', 'high', 'medium', 'low']);
    expect(header('risk').getAttribute('aria-sort')).toBe('descending');
    expect(header('name').hasAttribute('aria-sort')).toBe(false);
    expect(screen.getByTestId('integrations-count').textContent).toBe('5 approved');
  });

  it('highlights a passed review date, an expired approval and one expiring within the reminder window', async () => {
    await renderWithStore(<IntegrationsSection />);
    const rows = screen.getAllByTestId('integration-row');
    const dir = rows[0]!;
    expect(within(dir).getByTestId('integration-review-by').dataset.due).toBe('overdue');
    expect(within(dir).getByTestId('integration-review-by').className).toContain('due-overdue');
    expect(within(dir).getByTestId('integration-review-by').textContent).toContain('review overdue by 9 days');
    expect(within(rows[1]!).getByTestId('integration-expires').textContent).toContain('expired 37 days ago');
    expect(within(rows[2]!).getByTestId('integration-expires').dataset.due).toBe('due-soon');
    expect(within(rows[2]!).getByTestId('integration-expires').textContent).toContain('expires in 10 days');
    expect(within(rows[3]!).getByTestId('integration-review-by').dataset.due).toBe('ok');
    expect(within(rows[4]!).getByTestId('integration-owner').textContent).toBe(OPTIONS_TEXT.noOwner);
  });

  it('sorts by a column with its header button, and reverses on a second press', async () => {
    await renderWithStore(<IntegrationsSection />);
    const nameButton = screen.getByTestId('sort-name');
    expect(nameButton.tagName).toBe('BUTTON');
    fireEvent.click(nameButton);
    expect(shownNames()).toEqual(['Calendar Sync', 'Code Bot', 'Dir Admin', 'gh-2', 'Sign In']);
    expect(header('name').getAttribute('aria-sort')).toBe('ascending');
    expect(header('risk').hasAttribute('aria-sort')).toBe(false);
    fireEvent.click(screen.getByTestId('sort-name'));
    expect(header('name').getAttribute('aria-sort')).toBe('descending');
    expect(shownNames()[0]).toBe('Sign In');
    fireEvent.click(screen.getByTestId('sort-expiresOn'));
    expect(shownNames()).toEqual(['gh-2', 'Code Bot', 'Dir Admin', 'Calendar Sync', 'Sign In']);
  });

  it('filters by text, provider and "due only", and says how many are shown', async () => {
    await renderWithStore(<IntegrationsSection />);
    expect(screen.getByLabelText(OPTIONS_TEXT.filterText)).toBe(screen.getByTestId('filter-text'));
    fireEvent.input(screen.getByTestId('filter-text'), { target: { value: 'bot' } });
    expect(shownNames()).toEqual(['Code Bot']);
    expect(screen.getByTestId('integrations-count').textContent).toBe('1 of 5 approved shown');
    fireEvent.input(screen.getByTestId('filter-text'), { target: { value: '' } });

    const provider = screen.getByLabelText(OPTIONS_TEXT.filterProvider) as HTMLSelectElement;
    expect([...provider.options].map((option) => option.value)).toEqual(['', 'github', 'google', 'microsoft']);
    fireEvent.change(provider, { target: { value: 'google' } });
    expect(shownNames()).toEqual(['Dir Admin', 'Calendar Sync']);
    fireEvent.change(provider, { target: { value: '' } });

    fireEvent.click(screen.getByLabelText(OPTIONS_TEXT.filterDueOnly));
    expect(shownNames()).toEqual(['Dir Admin', 'gh-2', 'Code Bot']);
    fireEvent.input(screen.getByTestId('filter-text'), { target: { value: 'calendar' } });
    expect(screen.getByTestId('no-matches').textContent).toBe(OPTIONS_TEXT.noMatches);
  });

  it('lists the blocked integrations below, with the whole-provider block in words', async () => {
    await renderWithStore(<IntegrationsSection />);
    const rows = screen.getAllByTestId('blocked-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Evil Exporter');
    expect(rows[0]!.textContent).toContain('Copies mail to its own servers.');
    expect(rows[1]!.textContent).toContain(OPTIONS_TEXT.anyClient);
    expect(rows[1]!.textContent).toContain('Dropbox');
  });

  it('says so when nothing is approved or blocked', async () => {
    const status = policyStatus({}, { ...POLICY, approvedIntegrations: [], blockedIntegrations: [] });
    await renderWithStore(<IntegrationsSection />, { getPolicyStatus: vi.fn(async () => status) });
    expect(screen.getByTestId('no-integrations').textContent).toBe(OPTIONS_TEXT.noIntegrations);
    expect(screen.getByTestId('no-blocked').textContent).toBe(OPTIONS_TEXT.noBlocked);
  });

  it('renders app names and reasons from the policy as text, never markup', async () => {
    const status = policyStatus({}, {
      ...POLICY,
      approvedIntegrations: [{ name: '<img src=x onerror=alert(1)>', provider: 'google', clientId: 'x', scopes: [] }],
    });
    await renderWithStore(<IntegrationsSection />, { getPolicyStatus: vi.fn(async () => status) });
    expect(screen.getByTestId('integration-name').textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});
