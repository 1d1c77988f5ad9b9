/**
 * A short code people read aloud to be sure they hold the same key. It comes from the call's own
 * key material, the key already stretched as the media key is (in local mode the room key, salted
 * with the call's salt; with OpenTok, OpenTok.js's own stretch of the key with the session id), so
 * that someone who hears the code gains a way to check guesses of the key that costs exactly as
 * much as checking them against the media itself, and a new call of the same room reads a new code
 * in local mode. A label of its own keeps it apart from every media key. It stays in the browser.
 */
const LABEL = 'e2ee-video-call/safety-code/v2';

/** OpenTok.js's stretch of the secret for a session's media (PBKDF2-SHA256, salt = session id). */
export const OPENTOK_KEY_ITERATIONS = 100_000;

const encoder = new TextEncoder();

/** The code for a call's key material: an HKDF key that cannot be exported. */
export async function safetyCodeFrom(material: CryptoKey): Promise<string> {
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(LABEL) },
    material,
    64,
  );
  // 64 bits as 12 decimal digits in 3 groups of 4: enough to tell keys apart when read aloud
  const digits = (new DataView(bits).getBigUint64(0) % 10n ** 12n).toString().padStart(12, '0');
  return `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`;
}

/** An OpenTok session's key material: the secret stretched as OpenTok.js stretches it for the media. */
export async function openTokKeyMaterial(secret: string, sessionId: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(sessionId), iterations: OPENTOK_KEY_ITERATIONS },
      material,
      256,
    ),
  );
  try {
    return await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveBits']);
  } finally {
    bits.fill(0);
  }
}
