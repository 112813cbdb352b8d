import { describe, expect, it } from 'vitest';
import { isLoopbackHostname } from '../../../lib/hosts/loopback-host';

describe('isLoopbackHostname', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.3.9', true],
    ['[::1]', true],
    ['::1', true],
    ['127.0.0.1.attacker.test', false],
    ['localhost.attacker.test', false],
    ['128.0.0.1', false],
    ['[::2]', false],
    ['', false],
  ])('%s -> %s', (hostname, expected) => {
    expect(isLoopbackHostname(hostname)).toBe(expected);
  });
});
