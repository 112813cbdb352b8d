/**
 * The review page's state as signals: the record, the answers as typed, autosave, validation and submit.
 * Built by `createReviewStore` with its storage and messaging passed in, so the page wires the browser and tests
 * can hand in fakes or the real IndexedDB modules.
 */
import { batch, computed, signal } from '@preact/signals';
import type { ReviewPrefill, ReviewRecord } from '../storage/records';
import { toIsoDate } from '../policy/iso-date';
import type { Policy } from '../policy/schema';
import { findAccessMismatch } from '../review/access-mismatch';
import { findEarlierDecisions, requestHost, type EarlierDecision } from '../review/earlier-decisions';
import { blankPrefill, initialAnswers, isBlankPrefill } from '../review/initial-answers';
import type { QuestionId } from '../review/questionnaire-schema';
import { readDraftAnswers, validateForSubmit, type QuestionError } from '../review/validate-answers';
import { errorMessage } from '../error-message';

export interface ReviewStorage {
  createReview(prefill: ReviewPrefill): Promise<ReviewRecord>;
  getReview(id: string): Promise<ReviewRecord | undefined>;
  putReview(record: ReviewRecord): Promise<ReviewRecord>;
}

export interface ReviewStoreOptions {
  storage: ReviewStorage;
  /** Tells the background a review was submitted; rejects with a readable reason. May hand back an email draft. */
  notifySubmitted(reviewId: string): Promise<{ emailDraft?: string } | void>;
  /** The policy in force, to show earlier decisions on the app; rejects with a readable reason. */
  getPolicy(): Promise<Policy>;
  /** Called once a review started by hand gets its id, so the page can put it in its URL. */
  onRecordCreated?(id: string): void;
  autosaveDelayMs?: number;
  now?: () => Date;
}

export type ReviewPhase = 'loading' | 'not-found' | 'load-failed' | 'editing' | 'submitted' | 'decided';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; error: string };

export type EarlierDecisionsView =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; decisions: EarlierDecision[] }
  | { kind: 'failed'; error: string };

export type SubmitState = { kind: 'idle' } | { kind: 'submitting' } | { kind: 'failed'; error: string };

/** The seed's guidance: answers save while typing, debounced so a fast typist does not write on every key. */
export const AUTOSAVE_DELAY_MS = 500;

export function createReviewStore(options: ReviewStoreOptions) {
  const { storage } = options;
  const delay = options.autosaveDelayMs ?? AUTOSAVE_DELAY_MS;
  const now = options.now ?? (() => new Date());

  const phase = signal<ReviewPhase>('loading');
  const loadError = signal<string | undefined>(undefined);
  const record = signal<ReviewRecord | null>(null);
  const prefill = signal<ReviewPrefill>(blankPrefill());
  const answers = signal<Record<string, unknown>>({});
  const droppedAnswers = signal<QuestionId[]>([]);
  const saveState = signal<SaveState>({ kind: 'idle' });
  const submitState = signal<SubmitState>({ kind: 'idle' });
  const submitAttempted = signal(false);
  const notifyError = signal<string | undefined>(undefined);
  /** A `mailto:` draft of the review for the address the policy's intake names. */
  const emailDraft = signal<string | undefined>(undefined);
  /** What the policy already decided on this app (lib/review/earlier-decisions.ts). */
  const earlierDecisions = signal<EarlierDecisionsView>({ kind: 'none' });

  /** After a failed submit, messages follow the answers as they are corrected. */
  const errors = computed<QuestionError[]>(() => {
    if (!submitAttempted.value) return [];
    const result = validateForSubmit(answers.value);
    return result.ok ? [] : result.errors;
  });
  const accessMismatch = computed(() => findAccessMismatch(answers.value.accessNeeded, prefill.value.scopes));

  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let inFlight: Promise<void> | undefined;

  function clearTimer(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  /** The stored record, creating it on the first write of a review started by hand. */
  async function ensureRecord(): Promise<ReviewRecord> {
    if (record.value) return record.value;
    const created = await storage.createReview(prefill.value);
    record.value = created;
    options.onRecordCreated?.(created.id);
    return created;
  }

  async function writeOnce(): Promise<void> {
    dirty = false;
    const snapshot = answers.value;
    saveState.value = { kind: 'saving' };
    try {
      const base = await ensureRecord();
      const stored = await storage.putReview({ ...base, answers: snapshot });
      record.value = stored;
      saveState.value = dirty ? { kind: 'pending' } : { kind: 'saved', at: stored.updatedAt };
    } catch (error) {
      // The typed text stays in `answers`; marking it dirty again means the next change or flush retries.
      dirty = true;
      saveState.value = { kind: 'failed', error: errorMessage(error) };
    }
  }

  /** Saves now whatever has not been saved; waits for a write already running. Never rejects. */
  async function flush(): Promise<void> {
    clearTimer();
    while (inFlight) await inFlight;
    if (!dirty || phase.value !== 'editing') return;
    inFlight = writeOnce();
    try {
      await inFlight;
    } finally {
      inFlight = undefined;
    }
  }

  function scheduleSave(): void {
    dirty = true;
    if (saveState.value.kind !== 'failed') saveState.value = { kind: 'pending' };
    clearTimer();
    timer = setTimeout(() => void flush(), delay);
  }

  function phaseFor(status: ReviewRecord['status']): ReviewPhase {
    if (status === 'submitted') return 'submitted';
    if (status === 'approved' || status === 'declined') return 'decided';
    return 'editing';
  }

  /** Never rejects: a policy that cannot be read shows its reason where the decisions would be. */
  async function loadEarlierDecisions(forPrefill: ReviewPrefill): Promise<void> {
    if (isBlankPrefill(forPrefill)) return;
    earlierDecisions.value = { kind: 'loading' };
    try {
      const policy = await options.getPolicy();
      const host = requestHost(forPrefill.requestUrl);
      const app = { provider: forPrefill.provider, clientId: forPrefill.clientId, ...(host === undefined ? {} : { host }) };
      earlierDecisions.value = { kind: 'ready', decisions: findEarlierDecisions(policy, app, toIsoDate(now())) };
    } catch (error) {
      earlierDecisions.value = { kind: 'failed', error: errorMessage(error) };
    }
  }

  async function load(id: string | null): Promise<void> {
    if (id === null) {
      const blank = blankPrefill();
      batch(() => {
        prefill.value = blank;
        answers.value = { ...initialAnswers(blank) };
        phase.value = 'editing';
      });
      return;
    }
    try {
      const found = await storage.getReview(id);
      if (!found) {
        phase.value = 'not-found';
        return;
      }
      const draft = readDraftAnswers(found.answers);
      const isNew = Object.keys(found.answers).length === 0;
      batch(() => {
        record.value = found;
        prefill.value = found.prefill;
        answers.value = isNew ? { ...initialAnswers(found.prefill) } : draft.answers;
        droppedAnswers.value = draft.dropped;
        phase.value = phaseFor(found.status);
      });
      await loadEarlierDecisions(found.prefill);
    } catch (error) {
      batch(() => {
        loadError.value = errorMessage(error);
        phase.value = 'load-failed';
      });
    }
  }

  function setAnswer(id: QuestionId, value: unknown): void {
    if (phase.value !== 'editing') return;
    const next = { ...answers.value };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[id];
    else next[id] = value;
    answers.value = next;
    scheduleSave();
  }

  async function submit(): Promise<boolean> {
    if (phase.value !== 'editing' || submitState.value.kind === 'submitting') return false;
    submitAttempted.value = true;
    const validation = validateForSubmit(answers.value);
    if (!validation.ok) return false;
    submitState.value = { kind: 'submitting' };
    clearTimer();
    while (inFlight) await inFlight;
    let stored: ReviewRecord;
    try {
      const base = await ensureRecord();
      stored = await storage.putReview({
        ...base,
        answers: { ...validation.answers },
        status: 'submitted',
        submittedAt: now().toISOString(),
      });
    } catch (error) {
      submitState.value = { kind: 'failed', error: errorMessage(error) };
      return false;
    }
    dirty = false;
    batch(() => {
      record.value = stored;
      answers.value = stored.answers;
      saveState.value = { kind: 'saved', at: stored.updatedAt };
      submitState.value = { kind: 'idle' };
      notifyError.value = undefined;
      phase.value = 'submitted';
    });
    try {
      const delivered = await options.notifySubmitted(stored.id);
      emailDraft.value = delivered?.emailDraft;
    } catch (error) {
      notifyError.value = errorMessage(error);
    }
    return true;
  }

  /** Reopens a submitted review for changes; it is a draft again until submitted again. */
  function editAgain(): void {
    const current = record.value;
    if (phase.value !== 'submitted' || !current) return;
    batch(() => {
      record.value = { ...current, status: 'draft' };
      submitAttempted.value = false;
      phase.value = 'editing';
    });
    scheduleSave();
  }

  function dispose(): void {
    clearTimer();
  }

  return {
    phase,
    loadError,
    record,
    prefill,
    answers,
    droppedAnswers,
    saveState,
    submitState,
    notifyError,
    emailDraft,
    earlierDecisions,
    errors,
    accessMismatch,
    load,
    setAnswer,
    flush,
    submit,
    editAgain,
    dispose,
  };
}

export type ReviewStore = ReturnType<typeof createReviewStore>;
