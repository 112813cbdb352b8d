import type { ComponentChildren } from 'preact';
import { QUESTION_SPECS, type QuestionId } from '../../lib/review/questionnaire-schema';
import { questionElementId } from '../../lib/review/questionnaire-form';
import { DATA_CLASS_LABELS, OPTION_LABELS, QUESTION_TEXT } from '../../lib/strings/review';
import type { DataClass } from '../../lib/scopes/scope-info';

interface QuestionFieldProps {
  id: QuestionId;
  value: unknown;
  error: string | undefined;
  onChange(value: unknown): void;
  /** Ids of further elements that describe the field (e.g. a warning about the answer). */
  describedBy?: string[];
  children?: ComponentChildren;
}

function optionLabel(id: QuestionId, option: string | number): string {
  if (id === 'dataClasses') return DATA_CLASS_LABELS[option as DataClass] ?? String(option);
  const labels = (OPTION_LABELS as Record<string, Record<string, string>>)[id];
  return labels?.[String(option)] ?? String(option);
}

/** One question: label, hint, input, and its error tied to the input with aria-describedby. */
export function QuestionField({ id, value, error, onChange, describedBy = [], children }: QuestionFieldProps) {
  const spec = QUESTION_SPECS[id];
  const text = QUESTION_TEXT[id];
  const inputId = questionElementId(id);
  const hint = 'hint' in text ? text.hint : undefined;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedByIds = [hint ? hintId : undefined, error ? errorId : undefined, ...describedBy].filter(Boolean).join(' ') || undefined;
  const invalid = error ? true : undefined;
  const hintElement = hint && (
    <p class="hint" id={hintId}>
      {hint}
    </p>
  );
  const errorElement = error && (
    <p class="field-error" id={errorId} data-testid={`error-${id}`}>
      {error}
    </p>
  );

  if (spec.kind === 'text' || spec.kind === 'long-text') {
    const onInput = (event: Event) => onChange((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);
    const current = typeof value === 'string' ? value : '';
    return (
      <div class="question" data-question={id}>
        <label for={inputId}>{text.label}</label>
        {hintElement}
        {spec.kind === 'text' ? (
          <input
            type="text"
            autocomplete="off"
            id={inputId}
            name={id}
            value={current}
            aria-describedby={describedByIds}
            aria-invalid={invalid}
            data-testid={`field-${id}`}
            onInput={onInput}
          />
        ) : (
          <textarea
            rows={2}
            id={inputId}
            name={id}
            value={current}
            aria-describedby={describedByIds}
            aria-invalid={invalid}
            data-testid={`field-${id}`}
            onInput={onInput}
          />
        )}
        {errorElement}
        {children}
      </div>
    );
  }

  const multiple = spec.kind === 'multi-choice';
  const options: readonly (string | number)[] = 'options' in spec ? spec.options : [];
  const selected = multiple ? (Array.isArray(value) ? value.map(String) : []) : value === undefined ? [] : [String(value)];
  const toggle = (option: string | number, checked: boolean) => {
    if (!multiple) return onChange(option);
    const next = options.filter((candidate) => (candidate === option ? checked : selected.includes(String(candidate))));
    onChange(next);
  };
  const wide = options.some((option) => optionLabel(id, option).length > 28);
  return (
    <div class="question" data-question={id}>
      <fieldset data-testid={`field-${id}`} aria-describedby={describedByIds}>
        <legend>{text.label}</legend>
        {hintElement}
        <div class={wide ? 'options options-wide' : 'options'}>
          {options.map((option, index) => {
            const optionId = index === 0 ? inputId : `${inputId}-${option}`;
            return (
              <label key={String(option)} for={optionId}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  id={optionId}
                  name={id}
                  value={String(option)}
                  checked={selected.includes(String(option))}
                  aria-invalid={invalid}
                  data-testid={`field-${id}-${option}`}
                  onChange={(event) => toggle(option, (event.currentTarget as HTMLInputElement).checked)}
                />
                {optionLabel(id, option)}
              </label>
            );
          })}
        </div>
        {errorElement}
      </fieldset>
      {children}
    </div>
  );
}
