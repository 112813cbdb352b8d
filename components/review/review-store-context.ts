import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ReviewStore } from '../../lib/ui-stores/review-store';

export const ReviewStoreContext = createContext<ReviewStore | null>(null);

export function useReviewStore(): ReviewStore {
  const store = useContext(ReviewStoreContext);
  if (!store) throw new Error('useReviewStore needs a ReviewStoreContext.Provider above it.');
  return store;
}
