import { describe, expect, it } from 'vitest';
import { clientIdKey } from '../../../lib/policy/client-index';
import { parseJsonText } from '../../../lib/policy/parse-json-text';
import { clientKey } from '../../../lib/policy/scope-key';

describe('parseJsonText on plain JSON (the JSON.parse path)', () => {
  it.each([
    ['a duplicate key at the top', '{"a": 1, "a": 2}', 'The key "a" appears twice'],
    ['a duplicate key in a nested object', '{"list": [{"b": 1, "c": {"d": 1, "d" : 1}}]}', 'The key "d" appears twice'],
    ['a duplicate "__proto__" key', '{"__proto__": 1, "__proto__": 2}', 'The key "__proto__" appears twice'],
    ['a duplicate key after a value holding an escaped quote, spaces and a colon', '{"x": "\\"  :", "a": 1, "a": 2}', 'The key "a" appears twice'],
    ['a duplicate key after a text holding quotes and colons', '{"note": "say \\"a\\": b\\\\", "a": 1, "a": 2}', 'The key "a" appears twice'],
  ])('refuses %s', (_name, text, message) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it.each([
    ['texts that look like keys', '{"a": "\\"b\\": 1", "b": ["\\\\", "c:"], "c": {"\\"a\\"": 1}}'],
    ['a byte-order mark', '\uFEFF{"a": 1}'],
    ['white space before the colon', '{ "a" \n : 1, "b"\t: { "a" : 2 } }'],
    ['equal keys in different objects', '[{"a": 1}, {"a": 1}, {"b": {"a": 1}}]'],
    ['a "__proto__" key', '{"__proto__": {"x": 1}}'],
    ['colons inside values, after escaped quotes and spaces', '{"a": "https://x.test/a:b", "b": "\\" : \\"", "c": "\\\\:"}'],
  ])('reads %s as JSON.parse does', (_name, text) => {
    const result = parseJsonText(text);
    expect(result).toEqual({ ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) });
  });

  it('keeps "__proto__" as an own key', () => {
    const result = parseJsonText('{"__proto__": {"polluted": true}}');
    if (!result.ok) throw new Error(result.error.message);
    expect(Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('clientIdKey compares client ids as clientKey does', () => {
  it.each([
    ['microsoft', ' AAAA-bbbb '],
    ['google', ' Abc.apps.googleusercontent.com'],
    ['okta', 'MixedCase'],
  ])('%s %s', (provider, clientId) => {
    expect(`${provider}\u0000${clientIdKey(provider, clientId)}`).toBe(clientKey(provider as never, clientId));
  });
});
