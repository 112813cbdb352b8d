/**
 * How the questionnaire is laid out: short sections in the order a requester thinks about the tool.
 * Every question of the schema sits in exactly one section (test/unit/review/questionnaire-form.test.ts).
 */
import type { SECTION_TITLES } from '../strings/review';
import type { QuestionId } from './questionnaire-schema';

export interface QuestionnaireSection {
  id: keyof typeof SECTION_TITLES;
  questions: readonly QuestionId[];
}

export const QUESTIONNAIRE_SECTIONS: readonly QuestionnaireSection[] = [
  { id: 'tool', questions: ['toolName', 'useCase', 'internalSystems'] },
  { id: 'data', questions: ['dataFields', 'dataClasses', 'accessNeeded', 'dataCopy'] },
  { id: 'signIn', questions: ['accountType', 'accountNote', 'secretsLocation', 'secretsLocationDetail', 'secretsRotatable'] },
  { id: 'people', questions: ['owner', 'backupOwner', 'approver', 'configurer', 'monitor'] },
  { id: 'rollout', questions: ['requestKind', 'pilotScope', 'testAccessDays'] },
  { id: 'incidents', questions: ['cutOff', 'dataDeletion', 'vendorOutage', 'breachRevoker'] },
];

/** Questions in the order the form shows them; error summaries follow it. */
export const FORM_ORDER: readonly QuestionId[] = QUESTIONNAIRE_SECTIONS.flatMap((section) => section.questions);

/** The id of a question's input element, the target of the error summary's links. */
export function questionElementId(id: QuestionId): string {
  return `question-${id}`;
}
