import { describe, expect, it } from 'vitest';
import { FORM_ORDER, QUESTIONNAIRE_SECTIONS } from '../../../lib/review/questionnaire-form';
import { QUESTION_IDS, QUESTION_SPECS, draftAnswersSchema, questionApplies } from '../../../lib/review/questionnaire-schema';
import { applicableAnswers, readDraftAnswers, validateForSubmit } from '../../../lib/review/validate-answers';
import { ANSWER_ERRORS, OPTION_LABELS, QUESTION_TEXT } from '../../../lib/strings/review';
import { validAnswers } from './review-fixtures';

function errorsOf(answers: Record<string, unknown>): Record<string, string> {
  const result = validateForSubmit(answers);
  return result.ok ? {} : Object.fromEntries(result.errors.map((error) => [error.question, error.message]));
}

describe('the questionnaire definition', () => {
  it('places every question in exactly one section', () => {
    expect([...FORM_ORDER].sort()).toEqual([...QUESTION_IDS].sort());
    expect(new Set(FORM_ORDER).size).toBe(FORM_ORDER.length);
  });

  it.each(QUESTION_IDS)('%s has a label, and choice options have labels', (id) => {
    expect(QUESTION_TEXT[id].label.length).toBeGreaterThan(3);
    const spec = QUESTION_SPECS[id];
    if (spec.kind === 'choice') {
      const labels = (OPTION_LABELS as Record<string, Record<string, string>>)[id];
      for (const option of spec.options) expect(labels?.[String(option)], `${id}.${option}`).toBeTruthy();
    }
  });

  it.each(QUESTION_IDS.filter((id) => QUESTION_SPECS[id].appliesWhen))('%s depends on a real choice', (id) => {
    const when = QUESTION_SPECS[id].appliesWhen!;
    const parent = QUESTION_SPECS[when.question as keyof typeof QUESTION_SPECS];
    expect(parent?.kind).toBe('choice');
    expect(parent && 'options' in parent ? parent.options.map(String) : []).toContain(when.equals);
    const section = QUESTIONNAIRE_SECTIONS.find((candidate) => candidate.questions.includes(id));
    expect(section?.questions.indexOf(when.question as never)).toBeLessThan(section?.questions.indexOf(id) ?? -1);
  });
});

describe('submit validation', () => {
  it('accepts a complete review and trims the text', () => {
    const result = validateForSubmit(validAnswers({ owner: '  Dana Ops  ' }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.answers.owner).toBe('Dana Ops');
  });

  it('reports every missing answer at once, in form order, even when choices are missing too', () => {
    const result = validateForSubmit({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const required = FORM_ORDER.filter((id) => questionApplies(id, {}));
    expect(result.errors.map((error) => error.question)).toEqual(required);
    expect(result.errors.find((error) => error.question === 'accessNeeded')?.message).toBe(ANSWER_ERRORS.choose);
    expect(result.errors.find((error) => error.question === 'useCase')?.message).toBe(ANSWER_ERRORS.useCaseShort);
  });

  it.each([
    ['empty owner', { owner: '   ' }, 'owner', ANSWER_ERRORS.required],
    ['placeholder owner', { owner: 'TBD' }, 'owner', ANSWER_ERRORS.placeholder],
    ['backup is the owner', { backupOwner: 'dana ops' }, 'backupOwner', ANSWER_ERRORS.backupSameAsOwner],
    ['two-sentence use case', { useCase: 'Sync signups. Also tag them in the CRM.' }, 'useCase', ANSWER_ERRORS.useCaseOneSentence],
    ['over-long use case', { useCase: 'x'.repeat(241) }, 'useCase', ANSWER_ERRORS.tooLong(240)],
    ['no data classes', { dataClasses: [] }, 'dataClasses', ANSWER_ERRORS.dataClasses],
    ['unknown data class', { dataClasses: ['secrets'] }, 'dataClasses', undefined],
    ['access answer not an option', { accessNeeded: 'everything' }, 'accessNeeded', ANSWER_ERRORS.choose],
    ['account deletion only', { dataDeletion: 'Delete the account' }, 'dataDeletion', ANSWER_ERRORS.deletionIsAccountOnly],
    ['pilot without scope', { pilotScope: '' }, 'pilotScope', ANSWER_ERRORS.pilotScope],
    ['pilot without expiry', { testAccessDays: undefined }, 'testAccessDays', ANSWER_ERRORS.testAccessDays],
    ['pilot with a 30-day expiry', { testAccessDays: 30 }, 'testAccessDays', ANSWER_ERRORS.testAccessDays],
    ['personal login without a note', { accountType: 'personal-login' }, 'accountNote', ANSWER_ERRORS.accountNote],
    ['other secret place without detail', { secretsLocation: 'other' }, 'secretsLocationDetail', ANSWER_ERRORS.secretsLocationDetail],
  ])('refuses %s', (_name, overrides, question, message) => {
    const errors = errorsOf(validAnswers(overrides));
    expect(Object.keys(errors)).toEqual([question]);
    if (message !== undefined) expect(errors[question]).toBe(message);
  });

  it.each([
    ['a full rollout needs no pilot scope or expiry', { requestKind: 'production', pilotScope: undefined, testAccessDays: undefined }],
    ['a 7-day pilot', { testAccessDays: 7 }],
    ['a personal login with a reason', { accountType: 'personal-login', accountNote: 'The vendor has no service accounts; it is Dana’s login.' }],
    ['secrets elsewhere, named', { secretsLocation: 'other', secretsLocationDetail: 'The team 1Password vault "Integrations"' }],
    ['deleting the account with the data', { dataDeletion: 'Deleting the account erases all data within 30 days (their DPA).' }],
  ])('accepts %s', (_name, overrides) => {
    expect(errorsOf(validAnswers(overrides))).toEqual({});
  });

  it('drops answers to questions that no longer apply', () => {
    const answers = validAnswers({ requestKind: 'production' });
    expect(applicableAnswers(answers)).not.toHaveProperty('pilotScope');
    const result = validateForSubmit(answers);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.answers).not.toHaveProperty('pilotScope');
  });
});

describe('draft answers', () => {
  it('accepts any partial draft, including empty and over-long text', () => {
    expect(draftAnswersSchema.safeParse({}).success).toBe(true);
    expect(draftAnswersSchema.safeParse({ useCase: '', owner: 'x'.repeat(5000), accessNeeded: 'read' }).success).toBe(true);
  });

  it.each([
    ['keeps every well-formed answer', validAnswers(), []],
    ['drops a choice that is no longer an option', { accessNeeded: 'admin', owner: 'Dana' }, ['accessNeeded']],
    ['drops text stored as a number', { useCase: 42, owner: 'Dana' }, ['useCase']],
    ['ignores keys that are not questions', { legacy: 'x', owner: 'Dana' }, []],
  ] as const)('%s', (_name, stored, dropped) => {
    const result = readDraftAnswers(stored as Record<string, unknown>);
    expect(result.dropped).toEqual(dropped);
    expect(result.answers).not.toHaveProperty('legacy');
    if (dropped.length === 0 && 'useCase' in stored) expect(result.answers).toEqual(stored);
  });
});
