/**
 * A short code people read aloud to be sure they typed the same key. It comes from the key and
 * the room through its own slow derivation, with a label the media key derivation never uses, so
 * the code says nothing usable about the media key. It stays in the browser.
 */
const LABEL = 'e2ee-video-call/safety-code/v1/';
const ITERATIONS = 200_000;

export async function deriveSafetyCode(key: string, room: string): Promise<string> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey('raw', encoder.encode(key), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS, salt: encoder.encode(LABEL + room) },
    material,
    64,
  );
  // 64 bits as 12 decimal digits in 3 groups of 4: enough to tell keys apart when read aloud
  const digits = (new DataView(bits).getBigUint64(0) % 10n ** 12n).toString().padStart(12, '0');
  return `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`;
}
