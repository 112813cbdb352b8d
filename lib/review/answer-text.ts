/**
 * An answer as a person reads it: option labels instead of stored values. Used by the Markdown export and the
 * result view.
 */
import { DATA_CLASS_LABELS, OPTION_LABELS } from '../strings/review';
import type { DataClass } from '../scopes/scope-info';
import { QUESTION_SPECS, type QuestionId } from './questionnaire-schema';

/** Returns the readable answer, or undefined when the question is unanswered. */
export function answerText(id: QuestionId, value: unknown): string | undefined {
  const spec = QUESTION_SPECS[id];
  if (value === undefined || value === null) return undefined;
  if (spec.kind === 'multi-choice') {
    if (!Array.isArray(value) || value.length === 0) return undefined;
    return value.map((item) => DATA_CLASS_LABELS[item as DataClass] ?? String(item)).join(', ');
  }
  if (spec.kind === 'choice') {
    const labels: Record<string, string> | undefined = (OPTION_LABELS as Record<string, Record<string, string>>)[id];
    return labels?.[String(value)] ?? String(value);
  }
  const text = String(value).trim();
  return text === '' ? undefined : text;
}
