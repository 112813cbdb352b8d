/**
 * Checks on free-text answers that a type or a length cannot express. Pure; used by the questionnaire schema.
 */

/** Answers that fill the box without saying anything. Compared after trimming, lower-casing and dropping end punctuation. */
const PLACEHOLDER_ANSWERS = new Set([
  'n/a', 'na', 'n.a', 'tbd', 'tbc', 'todo', 'to do', '?', '??', '???', '-', '--', '...', 'x', 'xx', 'xxx', 'idk',
  'unknown', 'dunno', "don't know", 'dont know', 'do not know', 'not sure', 'later', 'asdf', 'test', '',
]);

export function isPlaceholderAnswer(value: string): boolean {
  const normalized = value.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
  return PLACEHOLDER_ANSWERS.has(normalized) || PLACEHOLDER_ANSWERS.has(value.trim().toLowerCase());
}

const ACCOUNT_ACTION = /\b(delete|deleting|deletion|close|closing|remove|removing|cancel|cancell?ing|deactivate|terminate|uninstall|disconnect|revoke)\b/i;
const ACCOUNT_OBJECT = /\b(account|accounts|subscription|workspace|tenant|contract|licen[cs]e|app|integration|plan|user)\b/i;
const DATA_WORDS = /\b(data|records?|cop(y|ies)|exports?|backups?|dpa|gdpr|erasure|erase|retention|purge|wipe|personal information|information)\b/i;

/**
 * True when a data-deletion answer only talks about ending the account ("delete the account", "cancel the
 * subscription"). The seed document warns that vendors often keep the data after the account is closed, so the
 * answer has to say how the data itself is erased.
 */
export function isAccountDeletionOnly(value: string): boolean {
  return ACCOUNT_ACTION.test(value) && ACCOUNT_OBJECT.test(value) && !DATA_WORDS.test(value);
}

/**
 * Counts sentences: a run of text ended by `.`, `!` or `?` and followed by another word. Abbreviations such as
 * "e.g. " would count as a break, so they are removed first; decimals and domains ("v2.1", "acme.com") have no space.
 */
export function countSentences(value: string): number {
  const text = value.trim().replace(/\b(e\.g|i\.e|etc|vs|approx|incl)\./gi, '$1');
  if (text === '') return 0;
  return text.split(/[.!?]+\s+(?=\S)/).filter((part) => part.trim() !== '').length;
}

/** Two names denote the same person when they match ignoring case, spacing and a mail domain's case. */
export function isSamePerson(a: string, b: string): boolean {
  const normalize = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
  const left = normalize(a);
  return left !== '' && left === normalize(b);
}
