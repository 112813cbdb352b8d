import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../lib/error-message';
import { StorageError } from '../../lib/storage/storage-error';

describe('errorMessage', () => {
  it.each([
    ['an Error', new Error('disk full'), 'disk full'],
    ['a subclass keeps its message', new StorageError('quota', 'The browser is out of space.'), 'The browser is out of space.'],
    ['a thrown string', 'no tab', 'no tab'],
    ['a thrown number', 42, '42'],
    ['undefined', undefined, 'undefined'],
    // Without a message the error's name is the best there is: `String(error)` gives it.
    ['an Error without a message', new Error(''), 'Error'],
    ['a TypeError without a message', new TypeError(''), 'TypeError'],
    ['a thrown plain object', { code: 1 }, 'An unexpected error occurred.'],
    ['an empty string', '', 'An unexpected error occurred.'],
  ])('%s', (_name, thrown, expected) => {
    expect(errorMessage(thrown)).toBe(expected);
  });
});
