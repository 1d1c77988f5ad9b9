import { describe, expect, it } from 'vitest';
import { checkKey, KEY_LENGTH_MESSAGE, KEY_MAX_LENGTH, KEY_MIN_LENGTH } from './encryption-key';

describe('checkKey', () => {
  it.each([
    ['8 characters', 'abcdefgh'],
    ['256 characters', 'm'.repeat(256)],
    ['spaces around other characters, kept as they are', '  key with spaces  '],
    ['non-Latin text', 'ключ-шифрования-李娜'],
    ['emoji, counted in UTF-16 code units as OpenTok.js counts them', '🔑🔒🗝️🔐'],
    ['markup', '<script>alert(1)</script>'],
  ])('accepts %s', (_, key) => {
    expect(checkKey(key)).toEqual({ valid: true, message: '' });
  });

  it.each([
    ['empty', ''],
    ['7 characters', 'abcdefg'],
    ['257 characters', 'k'.repeat(257)],
    ['1,000 characters', 'p'.repeat(1000)],
    ['only spaces', ' '.repeat(12)],
    ['only white space of other kinds', '\t\n\u00a0 \t\n\u00a0 '],
    ['3 emoji, 6 code units', '🔑🔒🔐'],
  ])('refuses %s, with the message shown under the field', (_, key) => {
    expect(checkKey(key)).toEqual({ valid: false, message: KEY_LENGTH_MESSAGE });
  });

  it('states the limits it applies', () => {
    expect([KEY_MIN_LENGTH, KEY_MAX_LENGTH]).toEqual([8, 256]);
    expect(KEY_LENGTH_MESSAGE).toBe('The encryption key must be 8 to 256 characters, not only spaces');
  });
});
