/**
 * The policy's JSON Schema, generated from the zod schema (lib/policy/schema.ts) so editors validate and complete
 * a policy file as it is written. The committed copy, lib/policy/policy.schema.json, is checked against this by
 * test/unit/policy/json-schema.test.ts; regenerate it with
 * `UPDATE_POLICY_SCHEMA=1 npx vitest run test/unit/policy/json-schema.test.ts`.
 */
import { z } from 'zod';
import { PolicySchema } from './schema';

export const POLICY_SCHEMA_FILE = 'lib/policy/policy.schema.json';

export function policyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PolicySchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  return { ...generated, title: 'Consent Gate policy' };
}

/** The file's exact text: two-space indentation and a final newline, as editors and git like it. */
export function policyJsonSchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}
