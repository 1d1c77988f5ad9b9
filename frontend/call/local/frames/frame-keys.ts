/**
 * The keys of the local engine's frame encryption (the frame layout is in `frame-format.ts`).
 * - room key: PBKDF2-SHA256 over the secret, 600,000 iterations, salt
 *   `e2ee-video-call/media/v2/<room>/<call salt>`; the call salt is random, proposed by the first
 *   participant and handed to everyone by the server, so no key can be computed before the call.
 * - per sender and key id (HKDF-SHA256 from the room key, empty salt):
 *   AES-256-GCM key, info `e2ee-video-call/frame-key/v2` | sender id | key id;
 *   12-byte nonce salt, info `e2ee-video-call/frame-salt/v2` | sender id | key id
 *   (sender id as its length in one byte and its UTF-8 bytes; key id as 8 bytes, big-endian).
 *   The sender id is the participant id the server assigned; so every sender has a key and
 *   nonce space of its own, and a frame presented as another sender's does not open.
 * - nonce: the nonce salt XOR the frame counter (big-endian, in the last 8 bytes). The counter
 *   counts every frame a sender seals, across key ids; it starts at a random 48-bit value, so even
 *   two senders given the same id by a misbehaving server do not meet.
 */

/** PBKDF2-SHA256 iterations: OWASP's guidance for it (2023 onwards). */
export const ROOM_KEY_ITERATIONS = 600_000;
/** The call salt as it travels: 16 random bytes, base64url without padding. */
export const CALL_SALT_PATTERN = /^[A-Za-z0-9_-]{22}$/;

const ROOM_KEY_LABEL = 'e2ee-video-call/media/v2/';
const FRAME_KEY_LABEL = 'e2ee-video-call/frame-key/v2';
const NONCE_SALT_LABEL = 'e2ee-video-call/frame-salt/v2';
const NONCE_BYTES = 12;

const encoder = new TextEncoder();

/** A fresh call salt to propose in `ready`; only the first participant's is used. */
export function newCallSalt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * The room key: the secret stretched with the call's salt. It is an HKDF key that cannot be
 * exported; the stretched bits exist only for the moment of the import.
 */
export async function deriveRoomKey(secret: string, room: string, callSalt: string): Promise<CryptoKey> {
  if (!CALL_SALT_PATTERN.test(callSalt)) {
    throw new Error('not a call salt');
  }
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      {
        name: 'PBKDF2',
        hash: 'SHA-256',
        salt: encoder.encode(`${ROOM_KEY_LABEL}${room}/${callSalt}`),
        iterations: ROOM_KEY_ITERATIONS,
      },
      material,
      256,
    ),
  );
  try {
    return await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey', 'deriveBits']);
  } finally {
    bits.fill(0);
  }
}

/** One sender's AES-GCM key and nonce salt under one key id. */
export interface SenderKey {
  readonly key: CryptoKey;
  readonly nonceSalt: Uint8Array<ArrayBuffer>;
}

export async function deriveSenderKey(roomKey: CryptoKey, sender: string, keyId: number): Promise<SenderKey> {
  const hkdf = (label: string): HkdfParams => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: senderInfo(label, sender, keyId),
  });
  const [key, nonceSalt] = await Promise.all([
    crypto.subtle.deriveKey(hkdf(FRAME_KEY_LABEL), roomKey, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
    crypto.subtle.deriveBits(hkdf(NONCE_SALT_LABEL), roomKey, NONCE_BYTES * 8),
  ]);
  return { key, nonceSalt: new Uint8Array(nonceSalt) };
}

function senderInfo(label: string, sender: string, keyId: number): Uint8Array<ArrayBuffer> {
  const labelBytes = encoder.encode(label);
  const senderBytes = encoder.encode(sender);
  if (senderBytes.length > 255) {
    throw new Error('sender id too long');
  }
  const info = new Uint8Array(labelBytes.length + 1 + senderBytes.length + 8);
  info.set(labelBytes);
  info[labelBytes.length] = senderBytes.length;
  info.set(senderBytes, labelBytes.length + 1);
  new DataView(info.buffer).setBigUint64(info.length - 8, BigInt(keyId));
  return info;
}

/** The nonce for one counter: the sender's nonce salt XOR the counter in its last 8 bytes. */
export function frameNonce(nonceSalt: Uint8Array, counter: number): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(NONCE_BYTES);
  nonce.set(nonceSalt.subarray(0, NONCE_BYTES));
  // Byte by byte rather than through a BigInt, which costs microseconds per frame.
  let rest = counter;
  for (let i = NONCE_BYTES - 1; i >= NONCE_BYTES - 8 && rest > 0; i--) {
    nonce[i] ^= rest % 256;
    rest = Math.floor(rest / 256);
  }
  return nonce;
}
