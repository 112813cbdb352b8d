/**
 * A quick yes/no check of a value against a zod schema, built once from the schema itself, so the policy loads fast
 * when it is valid (the common case: a policy of 10,000 approved integrations must load in well under 50 ms, and
 * zod's own parse with issue tracking costs several microseconds per integration).
 *
 * It never decides that a value is invalid on its own: when the quick check fails, the caller runs zod, which
 * produces the errors admins read. When it passes, its output equals zod's: strict objects copied with their keys
 * in the schema's order (keys absent from the input stay absent), arrays copied, strings and enum values as given.
 * Schema nodes it does not know are handed to zod itself, so the check is exact for every node.
 *
 * The in-place variant (`{ inPlace: true }`) copies nothing: it returns the input itself, writing back only what a
 * node handed to zod returned changed. Same values as zod's output; only the key order is the input's, and the
 * result is the input object. Use it only on a value nobody else holds (a freshly parsed JSON text): copying
 * 10,000 integrations costs more, in allocation and garbage collection, than checking them.
 */
import type { z } from 'zod';

/** Returned when a value does not pass. */
export const FAILED: unique symbol = Symbol('failed');

export type FastCheck = (value: unknown) => unknown;

export interface SchemaCheckOptions {
  /** Return the checked value itself instead of a copy (see above: only for values nobody else holds). */
  inPlace?: boolean;
}

interface NodeDef {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  format?: string;
  pattern?: RegExp;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  entries?: Record<string, unknown>;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
}

function defOf(schema: z.ZodType): NodeDef {
  return (schema as unknown as { _zod: { def: NodeDef } })._zod.def;
}

/** The whole-node fallback: zod parses this value on its own, exactly as it would inside the parent. */
function delegate(schema: z.ZodType): FastCheck {
  return (value) => {
    const result = schema.safeParse(value);
    return result.success ? result.data : FAILED;
  };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A pattern zod tests with `test()`: only stateless ones (no g or y flag) can be reused here. */
function statelessPattern(pattern: RegExp | undefined): RegExp | undefined {
  return pattern !== undefined && !pattern.global && !pattern.sticky ? pattern : undefined;
}

function compileString(def: NodeDef): FastCheck | undefined {
  if (def.coerce === true) return undefined;
  const patterns: RegExp[] = [];
  let minLength = 0;
  // A string-format node (z.iso.date()) is its own check: its pattern applies to every value.
  if (def.format !== undefined) {
    const pattern = def.format === 'date' || def.format === 'regex' ? statelessPattern(def.pattern) : undefined;
    if (pattern === undefined) return undefined;
    patterns.push(pattern);
  }
  for (const check of def.checks ?? []) {
    const checkDef = check._zod.def;
    if (checkDef.check === 'min_length' && typeof checkDef.minimum === 'number') {
      minLength = Math.max(minLength, checkDef.minimum);
    } else if (checkDef.check === 'string_format' && (checkDef.format === 'regex' || checkDef.format === 'date')) {
      const pattern = statelessPattern(checkDef.pattern);
      if (pattern === undefined) return undefined;
      patterns.push(pattern);
    } else {
      return undefined;
    }
  }
  const [pattern, ...morePatterns] = patterns;
  if (pattern === undefined) return (value) => (typeof value === 'string' && value.length >= minLength ? value : FAILED);
  return (value) => {
    if (typeof value !== 'string' || value.length < minLength || !pattern.test(value)) return FAILED;
    for (const extra of morePatterns) if (!extra.test(value)) return FAILED;
    return value;
  };
}

function compileObject(def: NodeDef, options: SchemaCheckOptions): FastCheck | undefined {
  // Only strict objects (unknown keys refused) without object-level checks; anything else is zod's.
  if (def.shape === undefined || def.catchall === undefined || defOf(def.catchall).type !== 'never') return undefined;
  if ((def.checks?.length ?? 0) > 0) return undefined;
  const fields = Object.entries(def.shape).map(([key, schema]) => ({
    key,
    check: compileSchemaCheck(schema, options),
    optional: defOf(schema).type === 'optional',
  }));
  const inPlace = options.inPlace === true;
  // `value[key]` must not find an inherited property (a schema key named `constructor` would): let zod handle those.
  if (fields.some((field) => field.key in Object.prototype)) return undefined;
  // Parallel arrays and an index loop: this runs for every field of every integration of a 10,000-entry policy.
  const keys = fields.map((field) => field.key);
  const checks = fields.map((field) => field.check);
  const optionals = fields.map((field) => field.optional);
  return (value) => {
    if (!isPlainRecord(value)) return FAILED;
    const out: Record<string, unknown> = inPlace ? value : {};
    let found = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const field = value[key];
      // `undefined` may still be a key written with an undefined value (possible outside JSON): hasOwn tells.
      if (field !== undefined || Object.hasOwn(value, key)) {
        found++;
        const result = (checks[i] as FastCheck)(field);
        if (result === FAILED) return FAILED;
        if (!inPlace || result !== field) out[key] = result;
      } else if (optionals[i] !== true) {
        return FAILED;
      }
    }
    // Strict: every own key must be one of the schema's. Each key found above is an own key (no schema key is
    // inherited from Object.prototype, see above), so equal counts mean no unknown key, without a look-up per key.
    // Object.keys counts own enumerable string keys, as a for-in filtered by hasOwn would, in one native call.
    return Object.keys(value).length === found ? out : FAILED;
  };
}

function compileNode(schema: z.ZodType, options: SchemaCheckOptions): FastCheck | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional': {
      if (def.innerType === undefined) return undefined;
      const inner = compileSchemaCheck(def.innerType, options);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'string':
      return compileString(def);
    case 'enum': {
      if (def.entries === undefined || (def.checks?.length ?? 0) > 0) return undefined;
      const values = new Set(Object.values(def.entries));
      return (value) => (values.has(value) ? value : FAILED);
    }
    case 'array': {
      if (def.element === undefined || (def.checks?.length ?? 0) > 0) return undefined;
      const element = compileSchemaCheck(def.element, options);
      const inPlace = options.inPlace === true;
      return (value) => {
        if (!Array.isArray(value)) return FAILED;
        const out: unknown[] = inPlace ? value : new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          const result = element(item);
          if (result === FAILED) return FAILED;
          if (!inPlace || result !== item) out[i] = result;
        }
        return out;
      };
    }
    case 'object':
      return compileObject(def, options);
    default:
      return undefined;
  }
}

/** Builds the quick check for a schema: returns the parsed value, or FAILED when zod must explain. */
export function compileSchemaCheck(schema: z.ZodType, options: SchemaCheckOptions = {}): FastCheck {
  return compileNode(schema, options) ?? delegate(schema);
}
