/**
 * What the toolbar button shows for a verdict. Pure. Colours meet 4.5:1 contrast with the white badge text.
 */
import type { Verdict } from '../evaluation';
import type { OverlayView } from '../messages/protocol';
import { backgroundStrings } from './background-strings';

export interface BadgeAppearance {
  text: string;
  /** Badge background, `#rrggbb`. */
  color: string;
  title: string;
}

const BADGES: Record<Verdict, { text: string; color: string }> = {
  approved: { text: '✓', color: '#1a7f37' },
  allowed: { text: '✓', color: '#1a7f37' },
  'needs-review': { text: '!', color: '#9a6700' },
  blocked: { text: '✕', color: '#cf222e' },
};

/** Modes in which the person is told nothing on screen (`monitor` only logs; `off` does nothing). */
export function isSilentEnforcement(enforcement: OverlayView['enforcement']): boolean {
  return enforcement === 'off' || enforcement === 'monitor';
}

/** The app as a person recognises it: the name the page or the approval gives, else provider and client id. */
export function appLabel(view: Pick<OverlayView, 'appName' | 'request'>): string {
  return view.appName ?? backgroundStrings.unknownApp(view.request.provider, view.request.clientId);
}

/** `undefined`: show no badge (silent modes). */
export function badgeFor(view: OverlayView): BadgeAppearance | undefined {
  if (isSilentEnforcement(view.enforcement)) return undefined;
  const { verdict } = view.evaluation;
  return { ...BADGES[verdict], title: backgroundStrings.badgeTitle(verdict, appLabel(view), view.request.scopes.length) };
}
