/** OpenTok.js accepts secrets of 8 to 256 UTF-16 code units: it checks `String.length`. */
export const KEY_MIN_LENGTH = 8;
export const KEY_MAX_LENGTH = 256;

/** A key the video library accepts, and not only spaces (which look like an empty field). */
export function hasValidKeyLength(key: string): boolean {
  return key.length >= KEY_MIN_LENGTH && key.length <= KEY_MAX_LENGTH && key.trim().length > 0;
}
