import { describe, expect, it } from 'vitest';
import { decodeScopeCode, encodeScopeCode } from '../../../lib/scopes/scope-code';

describe('scope codes', () => {
  it.each([
    ['i//o', { access: ['identity'], dataClasses: [], breadth: 'own', labels: [], grantsOfflineAccess: false }],
    ['i//o/O', { access: ['identity'], dataClasses: [], breadth: 'own', labels: [], grantsOfflineAccess: true }],
    [
      'rwd/m/o/R',
      { access: ['read', 'write', 'delete'], dataClasses: ['communications'], breadth: 'own', labels: ['google-restricted'], grantsOfflineAccess: false },
    ],
    [
      'rwda/e$/g/M',
      { access: ['read', 'write', 'delete', 'admin'], dataClasses: ['employee', 'payment'], breadth: 'organization', labels: ['microsoft-admin-consent'], grantsOfflineAccess: false },
    ],
    ['r/nu/u', { access: ['read'], dataClasses: ['internal', 'customer'], breadth: 'unknown', labels: [], grantsOfflineAccess: false }],
  ])('%s decodes and encodes back', (code, decoded) => {
    expect(decodeScopeCode(code)).toEqual(decoded);
    expect(encodeScopeCode(decodeScopeCode(code))).toBe(code);
  });

  it.each([
    ['', /no access/],
    ['/m/o', /no access/],
    ['x/m/o', /unknown access letter "x"/],
    ['r/z/o', /unknown data class letter "z"/],
    ['r/m/q', /breadth/],
    ['r/m', /breadth/],
    ['r/m/o/Z', /unknown flag letter "Z"/],
    ['r/m/o/G/extra', /too many parts/],
  ])('%j is refused: %s', (code, message) => {
    expect(() => decodeScopeCode(code)).toThrow(message);
  });
});
