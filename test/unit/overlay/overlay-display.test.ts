import { describe, expect, it } from 'vitest';
import { VERDICTS } from '../../../lib/evaluation';
import {
  chooseOverlayDisplay,
  isModalDisplay,
  orderFindings,
  safeSupportHref,
  type OverlayDisplay,
} from '../../../components/overlay/overlay-display';
import { ENFORCEMENTS, INFO_FINDING, LOOKALIKE_APP_FINDING, LOOKALIKE_HOST_FINDING, SENSITIVE_FINDING, makeView } from './overlay-view';

const EXPECTED: Record<(typeof ENFORCEMENTS)[number], Record<(typeof VERDICTS)[number], OverlayDisplay>> = {
  off: { approved: 'none', allowed: 'none', 'needs-review': 'none', blocked: 'none' },
  monitor: { approved: 'none', allowed: 'none', 'needs-review': 'none', blocked: 'none' },
  inform: { approved: 'confirmation', allowed: 'confirmation', 'needs-review': 'banner', blocked: 'banner' },
  warn: { approved: 'confirmation', allowed: 'confirmation', 'needs-review': 'panel', blocked: 'interstitial' },
  acknowledge: { approved: 'confirmation', allowed: 'confirmation', 'needs-review': 'panel', blocked: 'interstitial' },
  block: { approved: 'confirmation', allowed: 'confirmation', 'needs-review': 'interstitial', blocked: 'interstitial' },
};

describe('chooseOverlayDisplay', () => {
  const cases = ENFORCEMENTS.flatMap((enforcement) => VERDICTS.map((verdict) => ({ enforcement, verdict, display: EXPECTED[enforcement][verdict] })));
  it.each(cases)('$enforcement × $verdict -> $display', ({ enforcement, verdict, display }) => {
    expect(chooseOverlayDisplay(makeView({ enforcement, verdict }))).toBe(display);
  });

  it.each([
    { finding: LOOKALIKE_APP_FINDING, enforcement: 'warn' as const, display: 'panel' },
    { finding: LOOKALIKE_HOST_FINDING, enforcement: 'block' as const, display: 'interstitial' },
    { finding: { ...LOOKALIKE_APP_FINDING, rule: 'lookalike-app' }, enforcement: 'inform' as const, display: 'banner' },
  ])('a look-alike ($finding.rule) is never quietly confirmed ($enforcement -> $display)', ({ finding, enforcement, display }) => {
    expect(chooseOverlayDisplay(makeView({ enforcement, verdict: 'allowed', findings: [finding] }))).toBe(display);
  });

  it.each([
    ['none', false],
    ['confirmation', false],
    ['banner', false],
    ['panel', true],
    ['interstitial', true],
  ] as const)('%s is modal: %s', (display, modal) => {
    expect(isModalDisplay(display)).toBe(modal);
  });
});

describe('orderFindings', () => {
  it('puts look-alikes first, then by severity, keeping the engine order for ties', () => {
    const low = { ...INFO_FINDING, rule: 'b', severity: 'info' as const };
    const ordered = orderFindings([low, INFO_FINDING, SENSITIVE_FINDING, LOOKALIKE_HOST_FINDING, { ...INFO_FINDING, rule: 'c' }]);
    expect(ordered.map((finding) => finding.rule)).toEqual(['look-alike-host', 'sensitive-data', 'offline-access', 'c', 'b']);
  });
});

describe('safeSupportHref', () => {
  it.each([
    { url: 'https://help.example/apps', contact: undefined, href: 'https://help.example/apps' },
    { url: 'mailto:sec@example.com', contact: undefined, href: 'mailto:sec@example.com' },
    { url: 'javascript:alert(1)', contact: undefined, href: undefined },
    { url: 'data:text/html,<script>alert(1)</script>', contact: undefined, href: undefined },
    { url: 'not a url', contact: 'sec@example.com', href: 'mailto:sec@example.com' },
    { url: undefined, contact: 'IT helpdesk, ext. 4400', href: undefined },
    { url: undefined, contact: undefined, href: undefined },
  ])('$url / $contact -> $href', ({ url, contact, href }) => {
    expect(safeSupportHref(url, contact)).toBe(href);
  });
});

