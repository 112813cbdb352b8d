import { describe, expect, it } from 'vitest';
import { formatPath, parsePolicy, parsePolicyText, type PolicyError } from '../../../lib/policy/parse-policy';

const app = { provider: 'microsoft', clientId: 'aaaaaaaa-0000-0000-0000-000000000001', scopes: ['openid'] };

function errorsOf(input: unknown): PolicyError[] {
  const result = parsePolicy(input);
  if (result.ok) throw new Error('expected the policy to be invalid');
  return result.errors;
}

describe('parsePolicy accepts', () => {
  it.each([
    ['an empty policy', {}],
    ['the minimal approved integration', { approvedIntegrations: [app] }],
    ['the minimal blocked integration', { blockedIntegrations: [{ provider: 'google', clientId: '123.apps.googleusercontent.com' }] }],
    ['a wildcard block', { blockedIntegrations: [{ provider: 'dropbox', clientId: '*' }] }],
    ['a leap day', { approvedIntegrations: [{ ...app, expiresOn: '2028-02-29' }] }],
    ['every field', {
      $schema: '../lib/policy/policy.schema.json',
      schemaVersion: 1,
      organization: { name: 'Acme', supportContact: 'it@acme.test', supportUrl: 'https://help.acme.test', reviewUrl: 'https://forms.acme.test/review' },
      enforcement: 'acknowledge',
      approvedIntegrations: [{
        ...app, name: 'Acme CRM', host: 'login.microsoftonline.com', kind: 'pilot', owner: 'a', backupOwner: 'b', approvedBy: 'c',
        approvedOn: '2026-03-01', reviewBy: '2026-03-10', expiresOn: '2026-03-14', dataClasses: ['customer', 'contacts'],
        shutdown: 'Revoke in Entra ID', decisionUrl: 'https://wiki.acme.test/d/1', notes: '10 users',
      }],
      rules: { 'pilot-without-expiry': { action: 'review', pilotMaxDays: 7, exceptionMaxDays: 30 }, 'narrow-scopes': { maxSystems: 2 } },
    }],
  ])('%s', (_name, input) => {
    const result = parsePolicy(input);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('parsePolicy explains every error with a path and a fix', () => {
  it.each([
    ['not an object', [], '$', 'must be an object', 'braces'],
    ['missing clientId', { approvedIntegrations: [{ provider: 'google', scopes: [] }] }, '$.approvedIntegrations[0].clientId', '"clientId" is missing', 'Add "clientId": the OAuth client id'],
    ['missing scopes', { approvedIntegrations: [{ provider: 'google', clientId: 'x' }] }, '$.approvedIntegrations[0].scopes', '"scopes" is missing', 'Add "scopes"'],
    ['missing provider on a block', { blockedIntegrations: [{ clientId: 'x' }] }, '$.blockedIntegrations[0].provider', '"provider" is missing', 'Add "provider"'],
    ['scopes as a string', { approvedIntegrations: [{ ...app, scopes: 'openid email' }] }, '$.approvedIntegrations[0].scopes', 'must be a list', 'square brackets'],
    ['a number for a name', { approvedIntegrations: [{ ...app, name: 42 }] }, '$.approvedIntegrations[0].name', 'text in double quotes, but it is the number 42', 'double quotes'],
    ['unknown provider', { approvedIntegrations: [{ ...app, provider: 'gooogle' }] }, '$.approvedIntegrations[0].provider', '"gooogle" is not an allowed value for "provider"', 'Did you mean "google"?'],
    ['misspelt enforcement', { enforcement: 'warning' }, '$.enforcement', 'not an allowed value', 'Use one of: off, monitor, inform, warn, acknowledge, block'],
    ['unknown rule action', { rules: { 'scope-creep': { action: 'deny' } } }, "$.rules['scope-creep'].action", 'not an allowed value for "action"', 'off, inform, review, block'],
    ['a date with no such day', { approvedIntegrations: [{ ...app, expiresOn: '2026-02-30' }] }, '$.approvedIntegrations[0].expiresOn', '"2026-02-30" is not a real calendar day', 'leap years'],
    ['29 February off a leap year', { approvedIntegrations: [{ ...app, reviewBy: '2027-02-29' }] }, '$.approvedIntegrations[0].reviewBy', 'not a real calendar day', 'month'],
    ['month 13', { approvedIntegrations: [{ ...app, approvedOn: '2026-13-01' }] }, '$.approvedIntegrations[0].approvedOn', 'not a real calendar day', 'month'],
    ['a date without leading zeros', { approvedIntegrations: [{ ...app, expiresOn: '2026-3-1' }] }, '$.approvedIntegrations[0].expiresOn', 'not a date in the form YYYY-MM-DD', 'leading zeros'],
    ['a US date', { approvedIntegrations: [{ ...app, expiresOn: '03/31/2026' }] }, '$.approvedIntegrations[0].expiresOn', 'YYYY-MM-DD', '2026-03-31'],
    ['a timestamp for a date', { approvedIntegrations: [{ ...app, expiresOn: '2026-03-31T00:00:00Z' }] }, '$.approvedIntegrations[0].expiresOn', 'YYYY-MM-DD', 'YYYY-MM-DD'],
    ['a data: support link', { organization: { name: 'Acme', supportUrl: 'data:text/html,hi' } }, '$.organization.supportUrl', 'not a web address', 'https://'],
    ['a link without a host', { organization: { name: 'Acme', reviewUrl: 'https:///x' } }, '$.organization.reviewUrl', 'not a web address', 'https://'],
    ['a javascript: decision link', { approvedIntegrations: [{ ...app, decisionUrl: 'javascript:alert(1)' }] }, '$.approvedIntegrations[0].decisionUrl', 'not a web address', 'https://'],
    ['an empty owner', { approvedIntegrations: [{ ...app, owner: '' }] }, '$.approvedIntegrations[0].owner', '"owner" is empty', 'remove "owner"'],
    ['an unknown data class', { approvedIntegrations: [{ ...app, dataClasses: ['customers'] }] }, '$.approvedIntegrations[0].dataClasses[0]', 'not an allowed value', 'Did you mean "customer"?'],
    ['a limit below one', { rules: { 'pilot-without-expiry': { pilotMaxDays: 0 } } }, "$.rules['pilot-without-expiry'].pilotMaxDays", 'must be at least 1', 'Use 1 or more'],
    ['a fractional limit', { rules: { 'pilot-without-expiry': { pilotMaxDays: 7.5 } } }, "$.rules['pilot-without-expiry'].pilotMaxDays", 'whole number', 'whole number'],
    ['a wrong schema version', { schemaVersion: 2 }, '$.schemaVersion', 'not an allowed value', 'Use one of: 1'],
    ['an approved wildcard', { approvedIntegrations: [{ ...app, clientId: '*' }] }, '$.approvedIntegrations[0].clientId', 'cannot be approved', 'only for blockedIntegrations'],
    ['an expiry before the approval', { approvedIntegrations: [{ ...app, approvedOn: '2026-03-10', expiresOn: '2026-03-01' }] }, '$.approvedIntegrations[0].expiresOn', 'expires (2026-03-01) before it was given (2026-03-10)', 'on or after approvedOn'],
    ['a review before the approval', { approvedIntegrations: [{ ...app, approvedOn: '2026-03-10', reviewBy: '2026-03-01' }] }, '$.approvedIntegrations[0].reviewBy', 'before the approval', 'on or after approvedOn'],
    ['the same client approved twice', { approvedIntegrations: [app, { ...app, clientId: app.clientId.toUpperCase() }] }, '$.approvedIntegrations[1]', 'a second time (first at $.approvedIntegrations[0])', 'Merge'],
    ['the same client blocked twice', { blockedIntegrations: [{ provider: 'box', clientId: 'x' }, { provider: 'box', clientId: 'x' }] }, '$.blockedIntegrations[1]', 'a second time', 'Remove one'],
    ['approved and blocked', { approvedIntegrations: [app], blockedIntegrations: [{ provider: 'microsoft', clientId: app.clientId }] }, '$.blockedIntegrations[0]', 'both blocked and approved (at $.approvedIntegrations[0])', 'Remove it from one'],
  ])('%s', (_name, input, path, message, fix) => {
    const errors = errorsOf(input);
    const error = errors.find((candidate) => candidate.path === path);
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error?.message).toContain(message);
    expect(error?.fix).toContain(fix);
  });
});

describe('unknown keys are refused, with the nearest allowed key', () => {
  it.each([
    ['top level', { enforcment: 'warn' }, '$.enforcment', 'at the top level', 'Did you mean "enforcement"?'],
    ['approved integration', { approvedIntegrations: [{ ...app, expireOn: '2026-01-01' }] }, '$.approvedIntegrations[0].expireOn', 'in approvedIntegrations', 'Did you mean "expiresOn"?'],
    ['case slip', { approvedIntegrations: [{ ...app, clientID: 'x' }] }, '$.approvedIntegrations[0].clientID', 'Unknown key "clientID"', 'Did you mean "clientId"?'],
    ['blocked integration', { blockedIntegrations: [{ provider: 'box', clientId: 'x', reasons: 'no' }] }, '$.blockedIntegrations[0].reasons', 'Unknown key', 'Did you mean "reason"?'],
    ['organization', { organization: { name: 'Acme', supportEmail: 'it@acme.test' } }, '$.organization.supportEmail', 'in organization', 'Allowed keys here: name, supportContact, supportUrl, reviewUrl'],
    ['unknown rule', { rules: { 'scope-creeps': {} } }, "$.rules['scope-creeps']", 'in rules', 'Did you mean "scope-creep"?'],
    ['option of another rule', { rules: { 'scope-creep': { pilotMaxDays: 7 } } }, "$.rules['scope-creep'].pilotMaxDays", 'Unknown key', 'Allowed keys here: action'],
    ['nothing close', { approvedIntegrations: [{ ...app, colour: 'blue' }] }, '$.approvedIntegrations[0].colour', 'Unknown key "colour"', 'Remove it or correct its spelling.'],
  ])('%s', (_name, input, path, message, fix) => {
    const error = errorsOf(input).find((candidate) => candidate.path === path);
    expect(error).toBeDefined();
    expect(error?.message).toContain(message);
    expect(error?.fix).toContain(fix);
  });
});

describe('every error at once', () => {
  it('reports all problems across the policy, not just the first', () => {
    const errors = errorsOf({
      enforcement: 'strict',
      approvedIntegrations: [app, { provider: 'google', scopes: [] }, { ...app, clientId: 'other', expiresOn: '2026-02-30', expireOn: 'x' }],
      blockedIntegrations: [{ provider: 'nope', clientId: 'x' }],
    });
    expect(errors.map((error) => error.path).sort()).toEqual(
      [
        '$.enforcement',
        '$.approvedIntegrations[1].clientId',
        '$.approvedIntegrations[2].expiresOn',
        '$.approvedIntegrations[2].expireOn',
        '$.blockedIntegrations[0].provider',
      ].sort(),
    );
    for (const error of errors) {
      expect(error.message.length).toBeGreaterThan(5);
      expect(error.fix.length).toBeGreaterThan(5);
    }
  });
});

describe('formatPath', () => {
  it.each([
    [[], '$'],
    [['approvedIntegrations', 3, 'expiresOn'], '$.approvedIntegrations[3].expiresOn'],
    [['rules', 'scope-creep', 'action'], "$.rules['scope-creep'].action"],
    [['it\'s'], "$['it\\'s']"],
  ] as const)('%j -> %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('parsePolicyText', () => {
  it('accepts comments and trailing commas', () => {
    const result = parsePolicyText(`// company policy
{
  /* how strict */ "enforcement": "block", // strict
  "approvedIntegrations": [
    { "provider": "github", "clientId": "Iv1.abc", "scopes": ["read:user",], },
  ],
}`);
    expect(result.ok && result.policy.enforcement).toBe('block');
    expect(result.ok && result.policy.approvedIntegrations?.[0]?.scopes).toEqual(['read:user']);
  });

  it('keeps "//" inside strings', () => {
    const result = parsePolicyText('{"organization": {"name": "Acme", "supportUrl": "https://help.acme.test/a//b"}}');
    expect(result.ok && result.policy.organization?.supportUrl).toBe('https://help.acme.test/a//b');
  });

  it('reads escapes and a byte-order mark', () => {
    const result = parsePolicyText('\ufeff{"organization": {"name": "Acme \\"EU\\" \\u00e9"}}');
    expect(result.ok && result.policy.organization?.name).toBe('Acme "EU" é');
  });

  it('does not let "__proto__" change the prototype, and refuses it as an unknown key', () => {
    const result = parsePolicyText('{"__proto__": {"enforcement": "off"}}');
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).enforcement).toBeUndefined();
  });

  it.each([
    ['a missing comma', '{\n  "enforcement": "warn"\n  "rules": {}\n}', 3, 3, 'Expected "," or "}" after the value of "enforcement"', 'comma'],
    ['a missing colon', '{"enforcement" "warn"}', 1, 16, 'Expected ":" after the key "enforcement"', '"enforcement":'],
    ['an unquoted key', '{\n  enforcement: "warn"\n}', 2, 3, 'Expected a key in double quotes', 'double quotes'],
    ['single quotes', "{\"enforcement\": 'warn'}", 1, 17, 'single quotes', 'double quotes'],
    ['an unclosed object', '{"approvedIntegrations": [\n', 2, 1, 'Expected a value', 'Write a value'],
    ['an unclosed brace at the end', '{"enforcement": "warn"', 1, 23, 'Expected "," or "}"', 'Close the object opened at line 1'],
    ['an unclosed string', '{"enforcement": "warn}', 1, 17, 'never closed', 'double quote'],
    ['a line break in a string', '{"enforcement": "wa\nrn"}', 1, 20, 'line break', '\\n'],
    ['a bad escape', '{"enforcement": "\\q"}', 1, 17, 'invalid escape', 'backslash'],
    ['an unclosed comment', '{} /* note', 1, 4, 'never closed', '*/'],
    ['text after the policy', '{} {}', 1, 4, 'after the end of the policy', 'one JSON object'],
    ['empty text', '', 1, 1, 'Expected a value but found end of text', 'Write a value'],
    ['a duplicate key', '{\n  "enforcement": "warn",\n  "enforcement": "off"\n}', 3, 3, 'The key "enforcement" appears twice', 'Keep one'],
  ])('%s: line %i, column %i', (_name, text, line, column, message, fix) => {
    const result = parsePolicyText(text);
    expect(result.ok).toBe(false);
    const error = result.ok ? undefined : result.errors[0];
    expect(error).toMatchObject({ line, column });
    expect(error?.message).toContain(`Line ${line}, column ${column}: `);
    expect(error?.message).toContain(message);
    expect(error?.fix).toContain(fix);
  });

  it('gives the JSON path of a duplicate key', () => {
    const result = parsePolicyText('{"approvedIntegrations": [{"provider": "box", "provider": "box"}]}');
    expect(result.ok ? '' : result.errors[0]?.path).toBe('$.approvedIntegrations[0].provider');
  });

  it('passes schema errors through with their paths', () => {
    const result = parsePolicyText('{"approvedIntegrations": [{"provider": "box", "clientId": "x", "scopes": [], "expiresOn": "2026-02-30"}]}');
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['$.approvedIntegrations[0].expiresOn']);
  });
});
