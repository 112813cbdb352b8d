/**
 * Turns the form's raw answers into either submitted answers or one readable message per question,
 * in the order the form shows them.
 */
import { FORM_ORDER } from './questionnaire-form';
import {
  QUESTION_IDS,
  draftAnswersSchema,
  questionApplies,
  submitAnswersSchema,
  type DraftAnswers,
  type QuestionId,
  type SubmittedAnswers,
} from './questionnaire-schema';

export interface QuestionError {
  question: QuestionId;
  message: string;
}

export type SubmitValidation = { ok: true; answers: SubmittedAnswers } | { ok: false; errors: QuestionError[] };

const isQuestionId = (key: unknown): key is QuestionId => typeof key === 'string' && (QUESTION_IDS as string[]).includes(key);

/** Drops the answers to questions that no longer apply (a pilot scope typed before switching to a full rollout). */
export function applicableAnswers(answers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => isQuestionId(key) && questionApplies(key, answers)));
}

export function validateForSubmit(answers: Readonly<Record<string, unknown>>): SubmitValidation {
  const result = submitAnswersSchema.safeParse(applicableAnswers(answers));
  if (result.success) return { ok: true, answers: result.data };
  const firstByQuestion = new Map<QuestionId, string>();
  for (const issue of result.error.issues) {
    const question = issue.path[0];
    if (isQuestionId(question) && !firstByQuestion.has(question)) firstByQuestion.set(question, issue.message);
  }
  const errors = FORM_ORDER.filter((id) => firstByQuestion.has(id)).map((id) => ({ question: id, message: firstByQuestion.get(id) ?? '' }));
  // Fail closed: an issue the form cannot place must still block the submit, never pass silently.
  if (errors.length === 0) throw new Error(`The answers were refused for a reason the form cannot show: ${result.error.message}`);
  return { ok: false, errors };
}

/**
 * Reads a stored draft question by question, keeping every answer of the right shape. An answer of the wrong
 * shape (written by an older questionnaire) is reported in `dropped` rather than failing the whole draft.
 */
export function readDraftAnswers(stored: Readonly<Record<string, unknown>>): { answers: DraftAnswers; dropped: QuestionId[] } {
  const answers: Record<string, unknown> = {};
  const dropped: QuestionId[] = [];
  for (const id of QUESTION_IDS) {
    if (stored[id] === undefined) continue;
    const field = draftAnswersSchema.shape[id];
    const parsed = field.safeParse(stored[id]);
    if (parsed.success) answers[id] = parsed.data;
    else dropped.push(id);
  }
  return { answers: answers as DraftAnswers, dropped };
}
