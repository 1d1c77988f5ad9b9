/** Readable symbols without look-alikes (no l, o, 0, 1); 32 of them, so 5 random bits each. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const KEY_SYMBOLS = 28; // 140 bits

/** A strong key as readable text: 28 symbols of 5 random bits in groups of 4. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(KEY_SYMBOLS));
  // 256 is a multiple of 32, so the low 5 bits of each byte are uniform
  const symbols = Array.from(bytes, (byte) => ALPHABET[byte & 31]);
  return Array.from({ length: KEY_SYMBOLS / 4 }, (_, group) => symbols.slice(group * 4, group * 4 + 4).join('')).join(
    '-',
  );
}
