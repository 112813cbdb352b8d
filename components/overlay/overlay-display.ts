/**
 * What the overlay shows for a view: a pure decision from the admin's enforcement mode, the verdict and the
 * findings, so every combination can be tested without rendering.
 */
import type { Finding, Severity } from '../../lib/evaluation';
import type { OverlayView } from '../../lib/messages/protocol';

/**
 * - `none`: nothing visible (enforcement `off` or `monitor`); the host stays with its data attributes.
 * - `confirmation`: a small, quiet note for approved and allowed requests that fades away.
 * - `banner`: a dismissible notice that does not stand in the way (`inform`).
 * - `panel`: a modal panel with Start review / Continue anyway / Cancel (`warn`, `acknowledge`).
 * - `interstitial`: a full-screen cover with Request review / Cancel and no way to continue (`block`, blocked apps).
 */
export type OverlayDisplay = 'none' | 'confirmation' | 'banner' | 'panel' | 'interstitial';

// Rule ids of lib/rules/look-alike-app.ts and look-alike-host.ts; the unhyphenated spelling is accepted too.
const LOOKALIKE_RULES = new Set(['look-alike-app', 'look-alike-host', 'lookalike-app', 'lookalike-host']);

export function isLookalikeFinding(finding: Finding): boolean {
  return LOOKALIKE_RULES.has(finding.rule);
}

export function isLookalikeHostFinding(finding: Finding): boolean {
  return finding.rule === 'look-alike-host' || finding.rule === 'lookalike-host';
}

export function chooseOverlayDisplay(view: OverlayView): OverlayDisplay {
  const { enforcement, evaluation } = view;
  if (enforcement === 'off' || enforcement === 'monitor') return 'none';
  const lookalike = evaluation.findings.some(isLookalikeFinding);
  const passes = (evaluation.verdict === 'approved' || evaluation.verdict === 'allowed') && !lookalike;
  if (passes) return 'confirmation';
  if (enforcement === 'inform') return 'banner';
  if (enforcement === 'block' || evaluation.verdict === 'blocked') return 'interstitial';
  return 'panel';
}

/** Displays that hold the person until they choose: focus is trapped and Escape does not close them. */
export function isModalDisplay(display: OverlayDisplay): boolean {
  return display === 'panel' || display === 'interstitial';
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, warning: 2, info: 3 };

/** Look-alike findings first, then by severity (most severe first), otherwise in the engine's order. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        Number(isLookalikeFinding(b.finding)) - Number(isLookalikeFinding(a.finding)) ||
        SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
}

const SAFE_LINK_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/** The policy's support URL if it is a web or mail link; anything else (javascript:, data:) is not linked. */
export function safeSupportHref(url: string | undefined, contact: string | undefined): string | undefined {
  if (url) {
    try {
      const parsed = new URL(url);
      if (SAFE_LINK_PROTOCOLS.has(parsed.protocol)) return parsed.href;
    } catch {
      // Not a URL: fall through to the contact, which may be an e-mail address.
    }
  }
  if (contact && /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/.test(contact)) return `mailto:${contact}`;
  return undefined;
}

/** In `acknowledge` mode, "Continue anyway" needs a reason at least this long (trimmed); it is logged. */
export const MIN_ACKNOWLEDGE_REASON_LENGTH = 10;
