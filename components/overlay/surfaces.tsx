/**
 * The two shells every overlay warning is drawn in: a non-modal banner and a modal panel or full-page interstitial.
 * The consent warning and the device-code warning share them, so both keep one accessibility contract: the title
 * is `#cg-title`, the summary `#cg-summary`, and focus is handled by the caller's useDialogFocus ref.
 */
import type { ComponentChildren, RefObject } from 'preact';

interface SurfaceProps {
  surfaceRef: RefObject<HTMLDivElement | null>;
  testId?: string;
  children: ComponentChildren;
}

export function BannerSurface({ surfaceRef, testId, children }: SurfaceProps) {
  return (
    <div
      ref={surfaceRef}
      class="banner surface"
      role="dialog"
      aria-modal="false"
      aria-labelledby="cg-title"
      aria-describedby="cg-summary"
      tabIndex={-1}
      data-testid={testId}
    >
      {children}
    </div>
  );
}

export function DialogSurface({ kind, surfaceRef, testId, children }: SurfaceProps & { kind: 'panel' | 'interstitial' }) {
  return (
    <div class={kind === 'panel' ? 'scrim' : 'interstitial'} data-testid={kind}>
      <div
        ref={surfaceRef}
        class="dialog surface"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="cg-title"
        aria-describedby="cg-summary"
        tabIndex={-1}
        data-testid={testId}
      >
        {children}
      </div>
    </div>
  );
}
