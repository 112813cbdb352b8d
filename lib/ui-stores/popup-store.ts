/**
 * The popup's state as signals: the current tab's verdict and the locally stored review requests.
 * Built by `createPopupStore` with the browser calls passed in, so the popup entrypoint wires the browser and
 * tests hand in fakes or the real IndexedDB modules.
 */
import { batch, computed, signal } from '@preact/signals';
import type { TabState } from '../messages/protocol';
import { REVIEW_STATUSES, type ReviewRecord, type ReviewStatus } from '../storage/records';
import { exportReviewJson } from '../review/export-json';
import { exportReviewMarkdown } from '../review/export-markdown';
import { reviewFileName } from '../review/export-file-name';
import { errorMessage } from '../error-message';

export interface PopupStorage {
  listReviews(): Promise<ReviewRecord[]>;
  deleteReview(id: string): Promise<void>;
}

export interface DownloadFile {
  name: string;
  type: string;
  text: string;
}

export interface PopupStoreOptions {
  storage: PopupStorage;
  /** The active tab of the current window, or undefined when there is none (e.g. a devtools window). */
  getActiveTabId(): Promise<number | undefined>;
  getTabState(tabId: number): Promise<TabState | null>;
  /** Rejects with a readable reason when the overlay could not be shown. */
  showOverlay(tabId: number): Promise<void>;
  /** Opens the questionnaire for a review, or a blank one for `null`. */
  openReview(id: string | null): Promise<void>;
  download(file: DownloadFile): void;
  /**
   * Problems with the policy sources (managed, remote config, local file): the last good policy stays in force and
   * the person should know. Optional so a popup without a background (tests) still works.
   */
  getPolicyErrors?(): Promise<string[]>;
}

export type TabView =
  | { kind: 'loading' }
  | { kind: 'no-flow' }
  | { kind: 'flow'; tabId: number; state: TabState }
  | { kind: 'failed'; error: string };

export type OverlayRequest = { kind: 'idle' } | { kind: 'sending' } | { kind: 'shown' } | { kind: 'failed'; error: string };

export function createPopupStore(options: PopupStoreOptions) {
  const tab = signal<TabView>({ kind: 'loading' });
  const reviews = signal<ReviewRecord[] | null>(null);
  const storageError = signal<string | undefined>(undefined);
  const overlayRequest = signal<OverlayRequest>({ kind: 'idle' });
  const confirmingDelete = signal<string | null>(null);
  const actionError = signal<string | undefined>(undefined);
  const policyErrors = signal<string[]>([]);

  /** Non-empty groups in the order a review moves through: draft, submitted, approved, declined. */
  const reviewsByStatus = computed(() => {
    const list = reviews.value ?? [];
    return REVIEW_STATUSES.map((status) => ({ status, reviews: list.filter((review) => review.status === status) })).filter(
      (group): group is { status: ReviewStatus; reviews: ReviewRecord[] } => group.reviews.length > 0,
    );
  });

  async function loadTab(): Promise<void> {
    try {
      const tabId = await options.getActiveTabId();
      if (tabId === undefined) {
        tab.value = { kind: 'no-flow' };
        return;
      }
      const state = await options.getTabState(tabId);
      tab.value = state ? { kind: 'flow', tabId, state } : { kind: 'no-flow' };
    } catch (error) {
      tab.value = { kind: 'failed', error: errorMessage(error) };
    }
  }

  async function loadReviews(): Promise<void> {
    try {
      const list = await options.storage.listReviews();
      batch(() => {
        reviews.value = list;
        storageError.value = undefined;
      });
    } catch (error) {
      storageError.value = errorMessage(error);
    }
  }

  async function loadPolicyErrors(): Promise<void> {
    if (!options.getPolicyErrors) return;
    try {
      policyErrors.value = await options.getPolicyErrors();
    } catch (error) {
      policyErrors.value = [errorMessage(error)];
    }
  }

  async function load(): Promise<void> {
    await Promise.all([loadTab(), loadReviews(), loadPolicyErrors()]);
  }

  async function showOverlay(): Promise<void> {
    const current = tab.value;
    if (current.kind !== 'flow') return;
    overlayRequest.value = { kind: 'sending' };
    try {
      await options.showOverlay(current.tabId);
      overlayRequest.value = { kind: 'shown' };
    } catch (error) {
      overlayRequest.value = { kind: 'failed', error: errorMessage(error) };
    }
  }

  function requestDelete(id: string): void {
    confirmingDelete.value = id;
  }

  function cancelDelete(): void {
    confirmingDelete.value = null;
  }

  async function confirmDelete(id: string): Promise<void> {
    if (confirmingDelete.value !== id) return;
    try {
      await options.storage.deleteReview(id);
      batch(() => {
        reviews.value = (reviews.value ?? []).filter((review) => review.id !== id);
        confirmingDelete.value = null;
      });
    } catch (error) {
      batch(() => {
        storageError.value = errorMessage(error);
        confirmingDelete.value = null;
      });
    }
  }

  function exportReview(id: string, format: 'markdown' | 'json'): void {
    const review = reviews.value?.find((candidate) => candidate.id === id);
    if (!review) return;
    try {
      options.download(
        format === 'markdown'
          ? { name: reviewFileName(review, 'md'), type: 'text/markdown', text: exportReviewMarkdown(review) }
          : { name: reviewFileName(review, 'json'), type: 'application/json', text: exportReviewJson(review) },
      );
      actionError.value = undefined;
    } catch (error) {
      actionError.value = errorMessage(error);
    }
  }

  async function openReview(id: string | null): Promise<void> {
    try {
      await options.openReview(id);
      actionError.value = undefined;
    } catch (error) {
      actionError.value = errorMessage(error);
    }
  }

  return {
    tab,
    reviews,
    reviewsByStatus,
    storageError,
    overlayRequest,
    confirmingDelete,
    actionError,
    policyErrors,
    load,
    loadReviews,
    showOverlay,
    requestDelete,
    cancelDelete,
    confirmDelete,
    exportReview,
    openReview,
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
