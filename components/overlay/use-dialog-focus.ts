/**
 * Keyboard behaviour of the overlay's dialogs (WAI-ARIA APG, dialog pattern,
 * https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/): focus moves to the dialog when it opens; in a modal,
 * Tab and Shift+Tab cycle inside it and focus that escapes to the page is brought back; Escape closes it only
 * where closing is allowed.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

const FOCUSABLE = 'button:not([disabled]), a[href], textarea:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogFocusOptions {
  modal: boolean;
  /** Called on Escape; undefined when the dialog may not be closed with Escape. */
  onEscape?: () => void;
  /** Move focus into the dialog when it opens (false for quiet confirmations). */
  takeFocus?: boolean;
}

function activeElementOf(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement;
}

export function useDialogFocus<T extends HTMLElement>({ modal, onEscape, takeFocus = true }: DialogFocusOptions): RefObject<T | null> {
  const ref = useRef<T>(null);
  const escapeRef = useRef(onEscape);
  escapeRef.current = onEscape;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (takeFocus) dialog.focus({ preventScroll: true });

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        if (escapeRef.current) {
          event.preventDefault();
          event.stopPropagation();
          escapeRef.current();
        }
        return;
      }
      if (event.key !== 'Tab' || !modal) return;
      const focusable = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = activeElementOf(dialog);
      if (event.shiftKey && (active === first || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener('keydown', onKeyDown);

    // In a closed shadow root, focus inside the overlay is seen by the document as focus on the host.
    const root = dialog.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : undefined;
    const ownerDocument = dialog.ownerDocument;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Node | null;
      if (target && (target === host || dialog.contains(target))) return;
      dialog.focus({ preventScroll: true });
    };
    if (modal) ownerDocument.addEventListener('focusin', onFocusIn, true);

    return () => {
      dialog.removeEventListener('keydown', onKeyDown);
      if (modal) ownerDocument.removeEventListener('focusin', onFocusIn, true);
    };
  }, [modal, takeFocus]);

  return ref;
}
