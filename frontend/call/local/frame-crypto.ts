/**
 * The local engine's media encryption: the key derived from the typed secret, and one encoded
 * frame sealed or opened with AES-GCM. Runs in the page (key derivation) and in the worker (frames).
 *
 * A sealed frame is laid out as
 * `clear codec header | ciphertext and 16-byte tag | 12-byte IV | 1 byte: clear header length`.
 * The clear header is authenticated as additional data, so it cannot be altered unnoticed.
 */

export type MediaKind = 'audio' | 'video';

/** What decides the clear header: a video frame's type, or that it is audio (which has no type). */
export type FrameType = RTCEncodedVideoFrame['type'] | 'audio';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const TRAILER_BYTES = IV_BYTES + 1;
const ITERATIONS = 100_000;
// Bound to the room, so that the same secret gives a different key in another room.
const SALT_PREFIX = 'e2ee-video-call/media/v1/';

// The packetizer reads these bytes to split frames into packets and find key frames: VP8's
// payload header (key frames also carry the start code and size), and Opus's TOC byte.
const VP8_KEY_FRAME_HEADER = 10;
const VP8_DELTA_FRAME_HEADER = 3;
const OPUS_HEADER = 1;
const MAX_HEADER = VP8_KEY_FRAME_HEADER;

/** The AES-GCM key for a room's media; it cannot be exported, so it cannot leak as bytes. */
export async function deriveFrameKey(secret: string, room: string): Promise<CryptoKey> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(SALT_PREFIX + room), iterations: ITERATIONS },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** How many leading bytes stay in clear; a frame shorter than that (an empty one) stays whole. */
export function clearHeaderLength(frameType: FrameType): number {
  switch (frameType) {
    case 'audio':
      return OPUS_HEADER;
    case 'key':
      return VP8_KEY_FRAME_HEADER;
    default:
      return VP8_DELTA_FRAME_HEADER;
  }
}

/**
 * Hands out IVs that never repeat under one key: a random 8-byte prefix per sealer, then a
 * 4-byte counter. Everyone in a room shares the key, so the prefix keeps senders apart; a
 * new prefix is drawn before the counter would wrap.
 */
export class IvSequence {
  private prefix = randomPrefix();
  private counter = 0;

  next(): Uint8Array<ArrayBuffer> {
    if (this.counter > 0xffff_ffff) {
      this.prefix = randomPrefix();
      this.counter = 0;
    }
    const iv = new Uint8Array(IV_BYTES);
    iv.set(this.prefix);
    new DataView(iv.buffer).setUint32(this.prefix.length, this.counter);
    this.counter++;
    return iv;
  }
}

function randomPrefix(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(IV_BYTES - 4));
}

export async function sealFrame(
  key: CryptoKey,
  iv: Uint8Array<ArrayBuffer>,
  frame: ArrayBuffer,
  headerLength: number,
): Promise<ArrayBuffer> {
  const clear = Math.min(headerLength, frame.byteLength);
  const header = new Uint8Array(frame, 0, clear);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: header, tagLength: TAG_BYTES * 8 },
    key,
    new Uint8Array(frame, clear),
  );
  const sealed = new Uint8Array(clear + ciphertext.byteLength + TRAILER_BYTES);
  sealed.set(header);
  sealed.set(new Uint8Array(ciphertext), clear);
  sealed.set(iv, clear + ciphertext.byteLength);
  sealed[sealed.length - 1] = clear;
  return sealed.buffer;
}

/** The frame as it was before sealing, or `undefined` when it was sealed with another key or altered. */
export async function openFrame(key: CryptoKey, sealed: ArrayBuffer): Promise<ArrayBuffer | undefined> {
  const bytes = new Uint8Array(sealed);
  if (bytes.length < TAG_BYTES + TRAILER_BYTES) {
    return undefined;
  }
  const clear = bytes[bytes.length - 1];
  const ivStart = bytes.length - TRAILER_BYTES;
  if (clear > MAX_HEADER || clear + TAG_BYTES > ivStart) {
    return undefined;
  }
  const header = bytes.subarray(0, clear);
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(ivStart, ivStart + IV_BYTES), additionalData: header, tagLength: TAG_BYTES * 8 },
      key,
      bytes.subarray(clear, ivStart),
    );
    const frame = new Uint8Array(clear + plaintext.byteLength);
    frame.set(header);
    frame.set(new Uint8Array(plaintext), clear);
    return frame.buffer;
  } catch {
    // AES-GCM refuses a wrong key and a tampered frame alike: both mean "do not show this".
    return undefined;
  }
}
