import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PopupStore } from '../../lib/ui-stores/popup-store';

export const PopupStoreContext = createContext<PopupStore | null>(null);

export function usePopupStore(): PopupStore {
  const store = useContext(PopupStoreContext);
  if (!store) throw new Error('usePopupStore needs a PopupStoreContext.Provider above it.');
  return store;
}
