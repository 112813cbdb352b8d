/**
 * Validates a policy and explains every problem in words an admin acts on: where (a JSON path such as
 * `$.approvedIntegrations[3].expiresOn`), what is wrong, and how to fix it. Never stops at the first error, and
 * rejects unknown keys, so a misspelt `expireOn` cannot silently leave an approval without its expiry.
 */
import { z } from 'zod';
import { compileSchemaCheck, FAILED } from './fast-schema-check';
import { appendKey, parseJsonText } from './parse-json-text';
import { ANY_CLIENT, PolicySchema, type Policy } from './schema';
import { ClientIndex } from './client-index';
import { clientKey } from './scope-key';

export interface PolicyError {
  /** JSON path of the offending value, e.g. `$.approvedIntegrations[3].expiresOn`. */
  path: string;
  message: string;
  fix: string;
  /** For text input: where in the file (1-based). */
  line?: number;
  column?: number;
}

export type ParsePolicyResult = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

// Built once from the schema (lib/policy/fast-schema-check.ts): a valid policy passes it without zod's issue
// tracking; an invalid one fails it and is then explained by zod below.
const quickCheck = compileSchemaCheck(PolicySchema);
// For text, the parsed value is new and nobody else holds it: check it in place rather than copy it (half the load
// time of a 10,000-integration policy went to copying and collecting the copy). The keys keep the file's order.
const quickCheckInPlace = compileSchemaCheck(PolicySchema, { inPlace: true });

/** Validates a value; a valid one is returned as a copy (zod's output), so the caller's object stays its own. */
export function parsePolicy(input: unknown): ParsePolicyResult {
  return validate(input, quickCheck);
}

/**
 * Validates a value that nobody else holds, such as one just parsed from text: a valid one is returned itself,
 * checked in place instead of copied, with its keys in the order they were written.
 */
export function parseFreshPolicyValue(input: unknown): ParsePolicyResult {
  return validate(input, quickCheckInPlace);
}

function validate(input: unknown, check: typeof quickCheck): ParsePolicyResult {
  const quick = check(input);
  if (quick !== FAILED) {
    const errors = checkConsistency(input);
    return errors.length > 0 ? { ok: false, errors } : { ok: true, policy: quick as Policy };
  }
  const errors: PolicyError[] = [];
  const result = PolicySchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) errors.push(...explainIssue(issue, input));
  }
  errors.push(...checkConsistency(input));
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, policy: result.data };
}

/** Policy file text: JSON with optional comments and trailing commas (lib/policy/parse-json-text.ts). */
export function parsePolicyText(text: string): ParsePolicyResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { message, fix, line, column, path } = parsed.error;
    return { ok: false, errors: [{ path, message: `Line ${line}, column ${column}: ${message}`, fix, line, column }] };
  }
  return parseFreshPolicyValue(parsed.value);
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const segment of path) {
    out = typeof segment === 'number' ? `${out}[${segment}]` : appendKey(out, String(segment));
  }
  return out;
}

function explainIssue(issue: z.core.$ZodIssue, input: unknown): PolicyError[] {
  const path = formatPath(issue.path);
  const name = fieldName(issue.path);
  const found = lookUp(input, issue.path);
  if (!found.exists && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const description = describeField(issue.path);
    return [
      {
        path,
        message: `"${name}" is missing.`,
        fix: `Add "${name}"${description === undefined ? '.' : `: ${lowerFirst(description)}`}`,
      },
    ];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(issue.path);
      return issue.keys.map((key) => {
        const suggestion = closest(key, allowed);
        return {
          path: appendKey(path, key),
          message: `Unknown key "${key}"${name === undefined ? ' at the top level' : ` in ${name}`}.`,
          fix: `${suggestion === undefined ? 'Remove it or correct its spelling.' : `Did you mean "${suggestion}"?`} Allowed keys here: ${allowed.join(', ')}.`,
        };
      });
    }
    case 'invalid_type':
      return [
        {
          path,
          message: `${subject(name)} must be ${EXPECTED[issue.expected] ?? issue.expected}, but it is ${kindOf(found.value)}.`,
          fix: TYPE_FIXES[issue.expected] ?? 'Correct the value; the JSON Schema (lib/policy/policy.schema.json) shows its type.',
        },
      ];
    case 'invalid_format': {
      const value = JSON.stringify(found.value);
      if (issue.format === 'date') {
        const shapeOk = typeof found.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(found.value);
        return [
          {
            path,
            message: shapeOk
              ? `${value} is not a real calendar day.`
              : `${value} is not a date in the form YYYY-MM-DD.`,
            fix: shapeOk
              ? 'Check the month and day: the month must be 01 to 12 and the day must exist in that month (29 February only in leap years).'
              : 'Write the date as YYYY-MM-DD with leading zeros, e.g. 2026-03-31.',
          },
        ];
      }
      // The only pattern in the schema besides dates is the http(s) link (lib/policy/schema.ts).
      if (issue.format === 'regex') {
        return [
          {
            path,
            message: `${value} is not a web address.`,
            fix: 'Write a full address starting with https:// (or http://), e.g. https://wiki.example.com/decisions/42.',
          },
        ];
      }
      return [{ path, message: `${value} is not in the expected format (${issue.format}).`, fix: 'Correct the value.' }];
    }
    case 'invalid_value': {
      const allowed = issue.values.map((value) => String(value));
      const suggestion = typeof found.value === 'string' ? closest(found.value, allowed) : undefined;
      return [
        {
          path,
          message: `${JSON.stringify(found.value)} is not an allowed value for "${name}".`,
          fix: `${suggestion === undefined ? '' : `Did you mean "${suggestion}"? `}Use one of: ${allowed.join(', ')}.`,
        },
      ];
    }
    case 'too_small': {
      if (issue.origin === 'string') {
        return [{ path, message: `${subject(name)} is empty.`, fix: `Write a value, or remove "${name}" if it does not apply.` }];
      }
      return [{ path, message: `${subject(name)} must be at least ${String(issue.minimum)}.`, fix: `Use ${String(issue.minimum)} or more.` }];
    }
    case 'too_big':
      return [{ path, message: `${subject(name)} must be at most ${String(issue.maximum)}.`, fix: `Use ${String(issue.maximum)} or less.` }];
    default:
      return [{ path, message: issue.message, fix: 'Correct the value; the JSON Schema (lib/policy/policy.schema.json) describes it.' }];
  }
}

/** Checks that span entries: a list may not contradict itself, and an approval may not end before it begins. */
function checkConsistency(input: unknown): PolicyError[] {
  const errors: PolicyError[] = [];
  if (!isRecord(input)) return errors;
  // Keyed by provider, then client id in comparison form (ClientIndex), so 10,000 entries cost no key strings.
  // The first approval of a client is the earlier of its first unhosted and its first hosted approval: two indexes
  // that the duplicate check needs anyway, rather than a third updated for every entry.
  const unhostedApprovals = new ClientIndex<number>();
  const hostedClients = new ClientIndex<number>();
  const hostedApprovals = new Map<string, number>();
  const approved = Array.isArray(input.approvedIntegrations) ? (input.approvedIntegrations as unknown[]) : [];
  for (let index = 0; index < approved.length; index++) {
    const entry = approved[index];
    if (!isRecord(entry)) continue;
    const provider = entry.provider;
    const clientId = entry.clientId;
    if (typeof provider === 'string' && typeof clientId === 'string') {
      if (clientId.trim() === ANY_CLIENT) {
        errors.push({
          path: `$.approvedIntegrations[${index}].clientId`,
          message: `"${ANY_CLIENT}" cannot be approved: an approval names one app.`,
          fix: `Write the app's own client id. "${ANY_CLIENT}" is only for blockedIntegrations.`,
        });
      }
      const host = typeof entry.host === 'string' ? entry.host.trim().toLowerCase() : '';
      let first: number | undefined;
      if (host === '') {
        first = unhostedApprovals.setIfAbsent(provider, clientId, index);
      } else {
        hostedClients.setIfAbsent(provider, clientId, index);
        const key = `${clientKey(provider as never, clientId)}\u0000${host}`;
        first = hostedApprovals.get(key);
        if (first === undefined) hostedApprovals.set(key, index);
      }
      if (first !== undefined) {
        errors.push({
          path: `$.approvedIntegrations[${index}]`,
          message: `This approves ${provider} client "${clientId}" a second time (first at $.approvedIntegrations[${first}]).`,
          fix: 'Merge the two entries into one, or give each a different "host".',
        });
      }
    }
    const { approvedOn, expiresOn, reviewBy } = entry;
    if (typeof approvedOn === 'string' && typeof expiresOn === 'string' && expiresOn < approvedOn) {
      errors.push({
        path: `$.approvedIntegrations[${index}].expiresOn`,
        message: `The approval expires (${expiresOn}) before it was given (${approvedOn}).`,
        fix: 'Check both dates; expiresOn must be on or after approvedOn.',
      });
    }
    if (typeof approvedOn === 'string' && typeof reviewBy === 'string' && reviewBy < approvedOn) {
      errors.push({
        path: `$.approvedIntegrations[${index}].reviewBy`,
        message: `The review date (${reviewBy}) is before the approval (${approvedOn}).`,
        fix: 'Check both dates; reviewBy must be on or after approvedOn.',
      });
    }
  }
  const blockedClients = new ClientIndex<number>();
  for (const [index, entry] of records(input.blockedIntegrations)) {
    const { provider, clientId } = entry;
    if (typeof provider !== 'string' || typeof clientId !== 'string') continue;
    const first = blockedClients.get(provider, clientId);
    if (first !== undefined) {
      errors.push({
        path: `$.blockedIntegrations[${index}]`,
        message: `This blocks ${provider} client "${clientId}" a second time (first at $.blockedIntegrations[${first}]).`,
        fix: 'Remove one of the two entries.',
      });
      continue;
    }
    blockedClients.set(provider, clientId, index);
    const approvedIndex = firstOf(unhostedApprovals.get(provider, clientId), hostedClients.get(provider, clientId));
    if (approvedIndex !== undefined) {
      errors.push({
        path: `$.blockedIntegrations[${index}]`,
        message: `${provider} client "${clientId}" is both blocked and approved (at $.approvedIntegrations[${approvedIndex}]).`,
        fix: 'Remove it from one of the two lists: to withdraw an approval, delete the approved entry.',
      });
    }
  }
  return errors;
}

function firstOf(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

function* records(value: unknown): Generator<[number, Record<string, unknown>]> {
  if (!Array.isArray(value)) return;
  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index];
    if (isRecord(entry)) yield [index, entry];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list [ ... ]',
  object: 'an object { ... }',
};

const TYPE_FIXES: Readonly<Record<string, string>> = {
  string: 'Put the value in double quotes, e.g. "value".',
  number: 'Write a number without quotes, e.g. 14.',
  int: 'Write a whole number without quotes, e.g. 14.',
  boolean: 'Write true or false, without quotes.',
  array: 'Write a list in square brackets, e.g. ["openid", "email"].',
  object: 'Write an object in braces, e.g. { "name": "Acme" }.',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value} (not whole)`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function fieldName(path: readonly PropertyKey[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return undefined;
}

function subject(name: string | undefined): string {
  return name === undefined ? 'The policy' : `"${name}"`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function lookUp(input: unknown, path: readonly PropertyKey[]): { exists: boolean; value: unknown } {
  let current: unknown = input;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, segment)) {
      return { exists: false, value: undefined };
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return { exists: true, value: current };
}

/** The schema node at a path, with optional wrappers removed. */
function schemaAt(path: readonly PropertyKey[]): z.ZodType | undefined {
  let node: z.ZodType | undefined = PolicySchema;
  for (const segment of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject && typeof segment === 'string') node = (node.shape as Record<string, z.ZodType>)[segment];
    else if (node instanceof z.ZodArray && typeof segment === 'number') node = node.element as z.ZodType;
    else return undefined;
  }
  return node === undefined ? undefined : unwrap(node);
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  let current = node;
  while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current;
}

function allowedKeys(path: readonly PropertyKey[]): string[] {
  const node = schemaAt(path);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function describeField(path: readonly PropertyKey[]): string | undefined {
  return schemaAt(path)?.description;
}

/** The allowed name nearest to a misspelt one: same letters in another case, or at most two edits away. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(current[j - 1]! + 1, previous[j]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
