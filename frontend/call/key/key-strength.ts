import { checkKey } from './encryption-key';

/**
 * How easy a key is to guess, judged in this browser only: the hint is shown under the key field
 * and never sent anywhere. A weak key is still accepted, as the video library accepts it; the hint
 * says plainly why it is weak. Small rules instead of a password-strength library, which would
 * weigh more than the whole join page.
 */
export type KeyWeakness = 'repeated-character' | 'common' | 'digits-only' | 'few-distinct' | 'short';

/** Keys of fewer characters are called short, however random they look. */
export const STRONG_KEY_MIN_CHARACTERS = 12;
/** Keys with fewer different characters are called weak. */
const MIN_DISTINCT_CHARACTERS = 5;
/** Keys of only digits are called weak below this length (about 63 bits). */
const MIN_DIGITS_ONLY_LENGTH = 19;

const HINTS: Readonly<Record<KeyWeakness, string>> = {
  'repeated-character': 'Weak key: one character repeated.',
  common: 'Weak key: a common word or pattern, easy to guess.',
  'digits-only': 'Weak key: only digits.',
  'few-distinct': 'Weak key: only a few different characters.',
  short: `Weak key: fewer than ${STRONG_KEY_MIN_CHARACTERS} characters.`,
};

// Among the most used passwords in many lists, and words people pick for a call. Lower case, letters and digits only.
const COMMON_WORDS = new Set([
  'password',
  'passwort',
  'motdepasse',
  'contrasena',
  'senha',
  'qwerty',
  'qwertz',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'root',
  'secret',
  'topsecret',
  'iloveyou',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'soccer',
  'sunshine',
  'princess',
  'shadow',
  'master',
  'superman',
  'batman',
  'trustno1',
  'abc123',
  '1q2w3e4r',
  '1qaz2wsx',
  'zaq12wsx',
  'qazwsx',
  'changeme',
  'default',
  'test',
  'testing',
  'hello',
  'helloworld',
  'login',
  'guest',
  'user',
  'encryption',
  'encryptionkey',
  'key',
  'secretkey',
  'privatekey',
  'passphrase',
  'video',
  'videocall',
  'call',
  'meeting',
  'conference',
  'room',
  'lobby',
  'opentok',
  'vonage',
  'e2ee',
]);

// Keyboard rows (QWERTY, QWERTZ, AZERTY) run together, so that "asdfghjk" or "poiuytre" are found.
const KEYBOARD_RUNS = ['qwertyuiopasdfghjklzxcvbnm', 'qwertzuiopasdfghjklyxcvbnm', 'azertyuiopqsdfghjklmwxcvbn'];

const LEET = new Map([
  ['@', 'a'],
  ['$', 's'],
  ['0', 'o'],
  ['1', 'i'],
  ['3', 'e'],
  ['4', 'a'],
  ['5', 's'],
  ['7', 't'],
]);

/** Why a key the rule accepts is easy to guess, or undefined when it is not (or the rule refuses it). */
export function keyWeakness(key: string): KeyWeakness | undefined {
  if (!checkKey(key).valid) {
    return undefined;
  }
  const characters = Array.from(key);
  const distinct = new Set(characters).size;
  if (distinct === 1) {
    return 'repeated-character';
  }
  if (isCommon(key)) {
    return 'common';
  }
  if (/^\d+$/u.test(key) && key.length < MIN_DIGITS_ONLY_LENGTH) {
    return 'digits-only';
  }
  if (distinct < MIN_DISTINCT_CHARACTERS) {
    return 'few-distinct';
  }
  if (characters.length < STRONG_KEY_MIN_CHARACTERS) {
    return 'short';
  }
  return undefined;
}

/** The sentence shown under the field for a weak key; empty for a key that is not weak. */
export function weakKeyHint(key: string): string {
  const weakness = keyWeakness(key);
  return weakness === undefined ? '' : HINTS[weakness];
}

function isCommon(key: string): boolean {
  // "abcabcabc", "ab12ab12": a short piece repeated
  if (/^([\s\S]+?)\1+$/u.test(key)) {
    return true;
  }
  const plain = key.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (plain.length < 4) {
    return false;
  }
  return isRun(plain) || isKeyboardRun(plain) || isCommonWord(key.toLowerCase(), plain);
}

/** "abcdefgh", "98765432": each character one after or one before the last. */
function isRun(text: string): boolean {
  const codes = Array.from(text, (character) => character.codePointAt(0) ?? 0);
  const step = codes[1] - codes[0];
  return Math.abs(step) === 1 && codes.every((code, index) => index === 0 || code - codes[index - 1] === step);
}

function isKeyboardRun(text: string): boolean {
  const reversed = Array.from(text).reverse().join('');
  return KEYBOARD_RUNS.some((run) => run.includes(text) || run.includes(reversed));
}

/** A common word, maybe with digits around it or letters written as digits ("P@ssw0rd1", "2024secret"). */
function isCommonWord(lowerKey: string, plain: string): boolean {
  if (COMMON_WORDS.has(plain)) {
    return true;
  }
  const symbolsAsLetters = Array.from(lowerKey, (character) =>
    /[@$]/u.test(character) ? LEET.get(character) : character,
  )
    .join('')
    .replace(/[^\p{L}\p{N}]/gu, '');
  const core = symbolsAsLetters.replace(/^\d+|\d+$/gu, '');
  const digitsAsLetters = Array.from(core, (character) => LEET.get(character) ?? character).join('');
  return COMMON_WORDS.has(core) || COMMON_WORDS.has(digitsAsLetters);
}
