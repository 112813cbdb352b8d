import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, EXTENSION_PUBLIC_KEY } from '../../../lib/extension-ids';

describe('extension ids', () => {
  it('the Chrome id is the one the manifest key produces', () => {
    const hex = createHash('sha256').update(Buffer.from(EXTENSION_PUBLIC_KEY, 'base64')).digest('hex').slice(0, 32);
    const id = [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
    expect(id).toBe(CHROME_EXTENSION_ID);
  });
});
