/**
 * The keys chat, reactions and raised hands are sealed with, all from the call's key material: the
 * key as stretched for the media (local mode: the room key, the typed key stretched with the call
 * salt; OpenTok mode: the key as OpenTok.js stretches it with the session id), which the engines
 * hand over in `keyStretched`. So a message costs a key guesser exactly what a media frame costs,
 * and nothing here ever holds the typed key.
 *
 * - a sender's key: AES-256-GCM, HKDF-SHA256 over the material, salt = the call salt (OpenTok mode:
 *   the session id), info = `e2ee-video-call/message-key/v1` | sender id length (1 byte) | sender id
 *   (UTF-8). Every sender seals with a key of its own, so a message presented as another
 *   participant's does not open.
 * - the key id: 32 bits of HKDF over the same material and salt, info
 *   `e2ee-video-call/message-key-id/v1`. It travels with each message so that a receiver tells "sealed
 *   under another key" from "altered on the way"; after a key change, messages carry the new id.
 */

const MESSAGE_KEY_LABEL = 'e2ee-video-call/message-key/v1';
const KEY_ID_LABEL = 'e2ee-video-call/message-key-id/v1';
/** A key id's size on the wire. */
export const KEY_ID_BYTES = 4;

const encoder = new TextEncoder();

/** One key material's message keys: its key id, and each sender's key, derived once. */
export class MessageKeys {
  readonly keyId: number;
  private readonly material: CryptoKey;
  private readonly salt: Uint8Array<ArrayBuffer>;
  private readonly senderKeys = new Map<string, Promise<CryptoKey>>();

  private constructor(material: CryptoKey, salt: Uint8Array<ArrayBuffer>, keyId: number) {
    this.material = material;
    this.salt = salt;
    this.keyId = keyId;
  }

  /**
   * `material`: the HKDF key from `keyStretched` (it needs only `deriveBits`); `callSalt`: the call
   * salt in local mode, the session id in OpenTok mode.
   */
  static async from(material: CryptoKey, callSalt: string): Promise<MessageKeys> {
    const salt = encoder.encode(callSalt);
    const bits = await crypto.subtle.deriveBits(hkdf(salt, encoder.encode(KEY_ID_LABEL)), material, KEY_ID_BYTES * 8);
    return new MessageKeys(material, salt, new DataView(bits).getUint32(0));
  }

  /** The AES-GCM key `sender` seals with (this browser's own, to seal; another's, to open). */
  senderKey(sender: string): Promise<CryptoKey> {
    let key = this.senderKeys.get(sender);
    if (!key) {
      key = this.deriveSenderKey(sender);
      this.senderKeys.set(sender, key);
    }
    return key;
  }

  /** Drops the key kept for a sender who left. */
  forget(sender: string): void {
    this.senderKeys.delete(sender);
  }

  private async deriveSenderKey(sender: string): Promise<CryptoKey> {
    // deriveBits and an import rather than deriveKey: OpenTok mode's material allows deriveBits only.
    const bits = new Uint8Array(
      await crypto.subtle.deriveBits(hkdf(this.salt, senderInfo(sender)), this.material, 256),
    );
    try {
      return await crypto.subtle.importKey('raw', bits, 'AES-GCM', false, ['encrypt', 'decrypt']);
    } finally {
      bits.fill(0);
    }
  }
}

function hkdf(salt: Uint8Array<ArrayBuffer>, info: Uint8Array<ArrayBuffer>): HkdfParams {
  return { name: 'HKDF', hash: 'SHA-256', salt, info };
}

function senderInfo(sender: string): Uint8Array<ArrayBuffer> {
  const label = encoder.encode(MESSAGE_KEY_LABEL);
  const id = senderIdBytes(sender);
  const info = new Uint8Array(label.length + 1 + id.length);
  info.set(label);
  info[label.length] = id.length;
  info.set(id, label.length + 1);
  return info;
}

/** A sender id as keys and additional data hold it: UTF-8, at most 255 bytes (its length fits one byte). */
export function senderIdBytes(sender: string): Uint8Array<ArrayBuffer> {
  const bytes = encoder.encode(sender);
  if (bytes.length === 0 || bytes.length > 255) {
    throw new Error('a sender id has 1 to 255 bytes');
  }
  return bytes;
}
