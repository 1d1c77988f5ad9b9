import { describeError } from './error-messages';

/** The `vaadin-password-field` holding a key. The key is read in the browser and never sent to the server. */
export type KeyField = HTMLElement & {
  value: string;
  invalid: boolean;
  errorMessage: string | null | undefined;
};

/** OpenTok.js accepts secrets of 8 to 256 UTF-16 code units: it checks `String.length`. */
export const KEY_MIN_LENGTH = 8;
export const KEY_MAX_LENGTH = 256;

/** A key the video library accepts, and not only spaces (which look like an empty field). */
export function hasValidKeyLength(key: string): boolean {
  return key.length >= KEY_MIN_LENGTH && key.length <= KEY_MAX_LENGTH && key.trim().length > 0;
}

/** Reads the key from the field, or marks the field invalid when OpenTok.js would refuse the key. */
export function takeKey(keyField: KeyField): string | undefined {
  const key = keyField.value ?? '';
  if (!hasValidKeyLength(key)) {
    keyField.invalid = true;
    keyField.errorMessage = describeError({ name: 'INVALID_KEY_LENGTH' }).message;
    return undefined;
  }
  keyField.invalid = false;
  return key;
}
