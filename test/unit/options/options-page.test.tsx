import { cleanup, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsPage } from '../../../components/options/OptionsPage';
import { OPTIONS_TEXT } from '../../../lib/strings/options';
import { OUTBOX_TEXT } from '../../../lib/strings/outbox';
import { renderWithStore } from './options-harness';

afterEach(() => cleanup());

describe('the options page', () => {
  it('has one main heading and the five sections as named landmarks, each with its own heading', async () => {
    await renderWithStore(<OptionsPage />);
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(OPTIONS_TEXT.heading);
    const names = [OPTIONS_TEXT.statusHeading, OPTIONS_TEXT.integrationsHeading, OPTIONS_TEXT.eventsHeading, OUTBOX_TEXT.heading, OPTIONS_TEXT.localHeading];
    expect(screen.getAllByRole('region').map((region) => region.getAttribute('aria-labelledby') && document.getElementById(region.getAttribute('aria-labelledby')!)?.textContent)).toEqual(names);
    for (const name of names) {
      expect(within(screen.getByRole('region', { name })).getByRole('heading', { level: 2 }).textContent).toBe(name);
    }
  });

  it('passes axe-core\u2019s structural WCAG A/AA rules (contrast is checked in a real browser)', async () => {
    await renderWithStore(<OptionsPage />);
    const results = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // happy-dom computes no colours or layout.
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(5);
  });
});
