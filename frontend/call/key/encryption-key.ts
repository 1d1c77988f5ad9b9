/**
 * The rule a key must meet, the only copy of it: the server asks the key field for the verdict
 * (`<e2ee-key-field>`'s `checkKey()`) and learns nothing else.
 */

/** OpenTok.js accepts secrets of 8 to 256 UTF-16 code units: it checks `String.length`. */
export const KEY_MIN_LENGTH = 8;
export const KEY_MAX_LENGTH = 256;

/** The sentence shown under the field for a key the rule refuses. */
export const KEY_LENGTH_MESSAGE = `The encryption key must be ${KEY_MIN_LENGTH} to ${KEY_MAX_LENGTH} characters, not only spaces`;

/** The verdict on a key, as the server receives it: never the key, and `message` empty when valid. */
export interface KeyCheck {
  valid: boolean;
  message: string;
}

/**
 * Whether the video library accepts the key, and it is not only spaces (which look like an empty
 * field). The key is taken as it is: never trimmed, never shortened.
 */
export function checkKey(key: string): KeyCheck {
  const valid = key.length >= KEY_MIN_LENGTH && key.length <= KEY_MAX_LENGTH && key.trim().length > 0;
  return valid ? { valid, message: '' } : { valid, message: KEY_LENGTH_MESSAGE };
}
