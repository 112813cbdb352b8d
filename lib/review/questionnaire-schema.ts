/**
 * The review questionnaire: every question, its kind and limits, and the zod schemas built from them.
 * This is the source of truth for the form (components/review/) and the exports: add a question here, give it
 * text in lib/strings/review.ts and a place in lib/review/questionnaire-form.ts; tests prove all three agree.
 *
 * Two variants: `draftAnswersSchema` accepts any partial answer a person may have typed (drafts are never
 * rejected, so nothing typed is lost), `submitAnswersSchema` requires a real answer to every question that applies.
 */
import * as z from 'zod';
import { DATA_CLASSES } from '../scopes/scope-info';
import { ANSWER_ERRORS } from '../strings/review';
import { countSentences, isAccountDeletionOnly, isPlaceholderAnswer, isSamePerson } from './answer-checks';

export const ACCESS_NEEDED = ['read', 'write', 'read-write'] as const;
export const DATA_COPY = ['none', 'keeps-copy', 'exports', 'keeps-copy-and-exports', 'unknown'] as const;
export const ACCOUNT_TYPES = ['service-account', 'personal-login'] as const;
export const SECRETS_LOCATIONS = ['secret-store', 'vendor-only', 'other'] as const;
export const SECRETS_ROTATABLE = ['yes', 'no', 'unknown'] as const;
export const REQUEST_KINDS = ['pilot', 'production'] as const;
/** The seed's default expiries for test access. */
export const TEST_ACCESS_DAYS = [7, 14] as const;
export const VENDOR_OUTAGE = ['no-effect', 'queues-and-retries', 'manual-fallback', 'work-stops'] as const;

/** A question only applies (is shown, and required) when another answer has a given value. */
export interface AppliesWhen {
  /** Another question's id (a test proves it names a real one). */
  question: string;
  equals: string;
}

interface TextQuestion {
  kind: 'text' | 'long-text';
  maxLength: number;
  /** Only for questions that must hold one sentence. */
  oneSentence?: boolean;
  appliesWhen?: AppliesWhen;
  /** Extra checks after the common ones; return an error message or undefined. */
  check?: (value: string) => string | undefined;
  /** Message when empty, when the generic one would be unclear. */
  requiredMessage?: string;
}

interface ChoiceQuestion {
  kind: 'choice';
  options: readonly (string | number)[];
  appliesWhen?: AppliesWhen;
  requiredMessage?: string;
}

interface MultiChoiceQuestion {
  kind: 'multi-choice';
  options: readonly string[];
  requiredMessage?: string;
  appliesWhen?: undefined;
}

export type QuestionSpec = TextQuestion | ChoiceQuestion | MultiChoiceQuestion;

const QUESTION_SPECS_UNTYPED = {
  toolName: { kind: 'text', maxLength: 120, requiredMessage: ANSWER_ERRORS.toolName },
  useCase: { kind: 'text', maxLength: 240, oneSentence: true, requiredMessage: ANSWER_ERRORS.useCaseShort },
  internalSystems: { kind: 'long-text', maxLength: 600 },
  dataFields: { kind: 'long-text', maxLength: 1000 },
  dataClasses: { kind: 'multi-choice', options: DATA_CLASSES, requiredMessage: ANSWER_ERRORS.dataClasses },
  accessNeeded: { kind: 'choice', options: ACCESS_NEEDED },
  dataCopy: { kind: 'choice', options: DATA_COPY },
  accountType: { kind: 'choice', options: ACCOUNT_TYPES },
  accountNote: {
    kind: 'long-text',
    maxLength: 600,
    appliesWhen: { question: 'accountType', equals: 'personal-login' },
    requiredMessage: ANSWER_ERRORS.accountNote,
  },
  secretsLocation: { kind: 'choice', options: SECRETS_LOCATIONS },
  secretsLocationDetail: {
    kind: 'text',
    maxLength: 300,
    appliesWhen: { question: 'secretsLocation', equals: 'other' },
    requiredMessage: ANSWER_ERRORS.secretsLocationDetail,
  },
  secretsRotatable: { kind: 'choice', options: SECRETS_ROTATABLE },
  owner: { kind: 'text', maxLength: 200 },
  backupOwner: { kind: 'text', maxLength: 200 },
  approver: { kind: 'text', maxLength: 200 },
  configurer: { kind: 'text', maxLength: 200 },
  monitor: { kind: 'text', maxLength: 200 },
  requestKind: { kind: 'choice', options: REQUEST_KINDS },
  pilotScope: {
    kind: 'long-text',
    maxLength: 600,
    appliesWhen: { question: 'requestKind', equals: 'pilot' },
    requiredMessage: ANSWER_ERRORS.pilotScope,
  },
  testAccessDays: {
    kind: 'choice',
    options: TEST_ACCESS_DAYS,
    appliesWhen: { question: 'requestKind', equals: 'pilot' },
    requiredMessage: ANSWER_ERRORS.testAccessDays,
  },
  cutOff: { kind: 'long-text', maxLength: 600 },
  dataDeletion: {
    kind: 'long-text',
    maxLength: 600,
    check: (value: string) => (isAccountDeletionOnly(value) ? ANSWER_ERRORS.deletionIsAccountOnly : undefined),
  },
  vendorOutage: { kind: 'choice', options: VENDOR_OUTAGE },
  breachRevoker: { kind: 'text', maxLength: 200 },
} as const satisfies Record<string, QuestionSpec>;

export type QuestionId = keyof typeof QUESTION_SPECS_UNTYPED;
export const QUESTION_SPECS: Record<QuestionId, QuestionSpec> = QUESTION_SPECS_UNTYPED;
export const QUESTION_IDS = Object.keys(QUESTION_SPECS) as QuestionId[];

/** True when the question applies to these answers (conditional questions depend on another answer). */
export function questionApplies(id: QuestionId, answers: Readonly<Record<string, unknown>>): boolean {
  const when = QUESTION_SPECS[id].appliesWhen;
  return when === undefined || String(answers[when.question] ?? '') === when.equals;
}

function draftField(spec: QuestionSpec): z.ZodType {
  switch (spec.kind) {
    case 'text':
    case 'long-text':
      return z.string().optional();
    case 'choice':
      return typeof spec.options[0] === 'number'
        ? z.union(spec.options.map((option) => z.literal(option as number))).optional()
        : z.enum(spec.options as [string, ...string[]]).optional();
    case 'multi-choice':
      return z.array(z.enum(spec.options as [string, ...string[]])).optional();
  }
}

function submitTextField(spec: TextQuestion): z.ZodType {
  const required = spec.requiredMessage ?? ANSWER_ERRORS.required;
  return z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(spec.maxLength, { error: ANSWER_ERRORS.tooLong(spec.maxLength) })
    .refine((value) => value === '' || !isPlaceholderAnswer(value), { error: ANSWER_ERRORS.placeholder, abort: true })
    .refine((value) => !spec.oneSentence || countSentences(value) <= 1, { error: ANSWER_ERRORS.useCaseOneSentence })
    .superRefine((value, ctx) => {
      const message = value === '' ? undefined : spec.check?.(value);
      if (message !== undefined) ctx.addIssue({ code: 'custom', message });
    });
}

function submitField(spec: QuestionSpec): z.ZodType {
  const required = spec.requiredMessage ?? (spec.kind === 'choice' ? ANSWER_ERRORS.choose : ANSWER_ERRORS.required);
  switch (spec.kind) {
    case 'text':
    case 'long-text':
      return submitTextField(spec);
    case 'choice':
      return typeof spec.options[0] === 'number'
        ? z.union(spec.options.map((option) => z.literal(option as number)), { error: required })
        : z.enum(spec.options as [string, ...string[]], { error: required });
    case 'multi-choice':
      return z.array(z.enum(spec.options as [string, ...string[]]), { error: required }).min(1, { error: required });
  }
}

function buildShape(field: (spec: QuestionSpec) => z.ZodType): Record<QuestionId, z.ZodType> {
  return Object.fromEntries(QUESTION_IDS.map((id) => [id, field(QUESTION_SPECS[id])])) as Record<QuestionId, z.ZodType>;
}

/** Everything optional, no content rules: a draft is stored as typed. Unknown keys are dropped. */
export const draftAnswersSchema = z.object(buildShape(draftField));

export interface SubmittedAnswers {
  toolName: string;
  useCase: string;
  internalSystems: string;
  dataFields: string;
  dataClasses: (typeof DATA_CLASSES)[number][];
  accessNeeded: (typeof ACCESS_NEEDED)[number];
  dataCopy: (typeof DATA_COPY)[number];
  accountType: (typeof ACCOUNT_TYPES)[number];
  accountNote?: string;
  secretsLocation: (typeof SECRETS_LOCATIONS)[number];
  secretsLocationDetail?: string;
  secretsRotatable: (typeof SECRETS_ROTATABLE)[number];
  owner: string;
  backupOwner: string;
  approver: string;
  configurer: string;
  monitor: string;
  requestKind: (typeof REQUEST_KINDS)[number];
  pilotScope?: string;
  testAccessDays?: (typeof TEST_ACCESS_DAYS)[number];
  cutOff: string;
  dataDeletion: string;
  vendorOutage: (typeof VENDOR_OUTAGE)[number];
  breachRevoker: string;
}
export type DraftAnswers = Partial<SubmittedAnswers>;

/**
 * The answers a review needs before it goes to a reviewer. Conditional questions are optional in the shape and
 * required by a refinement; `when: () => true` runs the cross-question checks even when another answer is
 * missing, so the person sees every problem at once.
 */
export const submitAnswersSchema = z
  .object(
    Object.fromEntries(
      QUESTION_IDS.map((id) => {
        const field = submitField(QUESTION_SPECS[id]);
        return [id, QUESTION_SPECS[id].appliesWhen === undefined ? field : field.optional()];
      }),
    ) as Record<QuestionId, z.ZodType>,
  )
  .superRefine((answers, ctx) => {
    for (const id of QUESTION_IDS) {
      const spec = QUESTION_SPECS[id];
      if (spec.appliesWhen === undefined || !questionApplies(id, answers)) continue;
      const value = answers[id];
      if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
        ctx.addIssue({ code: 'custom', path: [id], message: spec.requiredMessage ?? ANSWER_ERRORS.required });
      }
    }
  })
  .refine(
    (answers) =>
      typeof answers.owner !== 'string' || typeof answers.backupOwner !== 'string' || !isSamePerson(answers.owner, answers.backupOwner),
    { path: ['backupOwner'], error: ANSWER_ERRORS.backupSameAsOwner, when: () => true },
  ) as unknown as z.ZodType<SubmittedAnswers>;
