import { describe, expect, it } from 'vitest';
import { randomKey } from '../../form/random-key';
import { keyWeakness, weakKeyHint } from './key-strength';

describe('keyWeakness', () => {
  it.each([
    ['aaaaaaaa', 'repeated-character'],
    ['############', 'repeated-character'],
    ['password', 'common'],
    ['Password123!', 'common'],
    ['P@ssw0rd', 'common'],
    ['2024secret', 'common'],
    ['encryption key', 'common'],
    ['iloveyou', 'common'],
    ['abcdefgh', 'common'],
    ['12345678', 'common'],
    ['zyxwvutsrqpo', 'common'],
    ['qwertyuiop', 'common'],
    ['asdfghjkl;', 'common'],
    ['abcabcabc', 'common'],
    ['hello-hello-', 'common'],
    ['20240101', 'digits-only'],
    ['314159265358979323', 'digits-only'],
    ['aabbbcccaaa-', 'few-distinct'],
    ['x7#kQ2!m', 'short'],
    ['🔑🔒🗝️🔐🔏', 'short'],
  ])('calls %s weak: %s', (key, weakness) => {
    expect(keyWeakness(key)).toBe(weakness);
  });

  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['mixed characters', 'Tr0ub4dor&3-xQ'],
    ['non-Latin text', 'ключ-шифрования-李娜'],
    ['19 digits', '3141592653589793238'],
    ['markup', '<script>alert(1)</script>'],
  ])('does not call %s weak', (_, key) => {
    expect(keyWeakness(key)).toBeUndefined();
  });

  it('never calls a generated key weak', () => {
    for (let i = 0; i < 2000; i++) {
      const key = randomKey();
      expect(keyWeakness(key), key).toBeUndefined();
    }
  });

  it.each([
    ['empty', ''],
    ['7 characters', 'aaaaaaa'],
    ['257 characters', 'a'.repeat(257)],
    ['only spaces', ' '.repeat(12)],
  ])('judges no key the rule refuses (%s): the refusal says enough', (_, key) => {
    expect(keyWeakness(key)).toBeUndefined();
  });
});

describe('weakKeyHint', () => {
  it('says plainly why a key is weak', () => {
    expect(weakKeyHint('aaaaaaaa')).toBe('Weak key: one character repeated.');
    expect(weakKeyHint('Password123!')).toBe('Weak key: a common word or pattern, easy to guess.');
    expect(weakKeyHint('20240101')).toBe('Weak key: only digits.');
    expect(weakKeyHint('aabbbcccaaa-')).toBe('Weak key: only a few different characters.');
    expect(weakKeyHint('x7#kQ2!m')).toBe('Weak key: fewer than 12 characters.');
  });

  it('is empty for a key that is not weak', () => {
    expect(weakKeyHint('correct horse battery staple')).toBe('');
  });
});
