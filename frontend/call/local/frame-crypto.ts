/**
 * The local engine's media encryption, in the manner of SFrame (RFC 9605): a room key from the
 * typed secret, a key of its own for every sender, and every encoded frame sealed with AES-GCM
 * under a nonce made from a frame counter. Runs in the page (the room key) and in the worker
 * (everything else). The layout is recorded in docs/decisions.md as well.
 *
 * Keys
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
 *
 * A sealed frame:
 * `codec header (n bytes, clear) | frame header | ciphertext | 16-byte tag | n (1 byte)`
 * - the codec header is what the packetizer reads (VP8: 10 bytes of a key frame, 3 of a delta
 *   frame; Opus: 1 byte); a frame shorter than that stays clear whole and is followed by the rest;
 * - the frame header is SFrame's (RFC 9605, section 4.3): a config byte `X KKK Y CCC`, then the key
 *   id (when X: KKK + 1 bytes, else KKK is the key id) and the counter (when Y: CCC + 1 bytes,
 *   else CCC is the counter), both big-endian in as few bytes as they fit;
 * - authenticated with the ciphertext (AES-GCM additional data): the codec header, the frame
 *   header, the media kind (1 byte: 0 audio, 1 camera video, 2 shared screen) and the receiver's id
 *   (UTF-8). A frame therefore opens only for the receiver, the kind of media and the sender it was
 *   sealed for: a screen frame presented as camera video does not open. A
 *   changed `n` moves the boundary between additional data and ciphertext, and fails the tag.
 *
 * The receiver keeps, per sender and kind (so the screen has a window of its own beside the
 * camera's), a window of the counters it has opened: a counter seen
 * before, or more than `REPLAY_WINDOW` behind the newest, is refused; so is a key id older than
 * the newest it has opened from that sender.
 */

/** A sender's streams: microphone, camera, and the screen it shares (video too, in a stream of its own). */
export type MediaKind = 'audio' | 'video' | 'screen';

/** Each kind's byte in the additional data. */
const KIND_BYTES: Record<MediaKind, number> = { audio: 0, video: 1, screen: 2 };

export function isMediaKind(value: unknown): value is MediaKind {
  return value === 'audio' || value === 'video' || value === 'screen';
}

/** Whether frames of this kind are video frames (key and delta frames, VP8). */
export function isVideoKind(kind: MediaKind): boolean {
  return kind !== 'audio';
}

/** What decides the clear header: a video frame's type, or that it is audio (which has no type). */
export type FrameType = RTCEncodedVideoFrame['type'] | 'audio';

/** PBKDF2-SHA256 iterations: OWASP's guidance for it (2023 onwards). */
export const ROOM_KEY_ITERATIONS = 600_000;
/** How far behind the newest counter from a sender a frame may arrive and still open. */
export const REPLAY_WINDOW = 1024;
/** The call salt as it travels: 16 random bytes, base64url without padding. */
export const CALL_SALT_PATTERN = /^[A-Za-z0-9_-]{22}$/;

const ROOM_KEY_LABEL = 'e2ee-video-call/media/v2/';
const FRAME_KEY_LABEL = 'e2ee-video-call/frame-key/v2';
const NONCE_SALT_LABEL = 'e2ee-video-call/frame-salt/v2';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
// The largest key id or counter a header may carry: 7 bytes keep them exact as JavaScript numbers.
const MAX_FIELD_BYTES = 7;
const MAX_FIELD = Number.MAX_SAFE_INTEGER;
const COUNTER_START_BYTES = 6;
// Derived keys kept per sender: the newest key ids seen, enough for a key change in flight.
const KEYS_PER_SENDER = 4;

// The packetizer reads these bytes to split frames into packets and find key frames: VP8's
// payload header (key frames also carry the start code and size), and Opus's TOC byte.
const VP8_KEY_FRAME_HEADER = 10;
const VP8_DELTA_FRAME_HEADER = 3;
const OPUS_HEADER = 1;
const MAX_HEADER = VP8_KEY_FRAME_HEADER;

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

/** The key id and counter a frame header carries, and how many bytes it took. */
export interface FrameHeader {
  readonly keyId: number;
  readonly counter: number;
  readonly length: number;
}

/** SFrame's header for a key id and counter, each in as few bytes as it fits. */
export function encodeFrameHeader(keyId: number, counter: number): Uint8Array<ArrayBuffer> {
  const keyBytes = keyId < 8 ? 0 : byteLength(keyId);
  const counterBytes = counter < 8 ? 0 : byteLength(counter);
  const header = new Uint8Array(1 + keyBytes + counterBytes);
  header[0] =
    (keyBytes === 0 ? keyId << 4 : 0x80 | ((keyBytes - 1) << 4)) |
    (counterBytes === 0 ? counter : 0x08 | (counterBytes - 1));
  writeBigEndian(header, 1, keyBytes, keyId);
  writeBigEndian(header, 1 + keyBytes, counterBytes, counter);
  return header;
}

/** Reads the frame header at `offset`; `undefined` when it is cut short or its numbers are too large. */
export function readFrameHeader(bytes: Uint8Array, offset: number): FrameHeader | undefined {
  if (offset >= bytes.length) {
    return undefined;
  }
  const config = bytes[offset];
  const keyBytes = config & 0x80 ? ((config >> 4) & 0x07) + 1 : 0;
  const counterBytes = config & 0x08 ? (config & 0x07) + 1 : 0;
  const end = offset + 1 + keyBytes + counterBytes;
  if (keyBytes > MAX_FIELD_BYTES || counterBytes > MAX_FIELD_BYTES || end > bytes.length) {
    return undefined;
  }
  const keyId = keyBytes === 0 ? (config >> 4) & 0x07 : readBigEndian(bytes, offset + 1, keyBytes);
  const counter = counterBytes === 0 ? config & 0x07 : readBigEndian(bytes, offset + 1 + keyBytes, counterBytes);
  return keyId > MAX_FIELD || counter > MAX_FIELD ? undefined : { keyId, counter, length: end - offset };
}

function byteLength(value: number): number {
  let length = 0;
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) {
    length++;
  }
  return length;
}

function writeBigEndian(target: Uint8Array, offset: number, length: number, value: number): void {
  let rest = value;
  for (let i = offset + length - 1; i >= offset; i--) {
    target[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
}

function readBigEndian(source: Uint8Array, offset: number, length: number): number {
  let value = 0;
  for (let i = offset; i < offset + length; i++) {
    value = value * 256 + source[i];
  }
  return value;
}

/** The stream a frame travels in: its kind of media and the participant at the other end. */
export interface FrameStream {
  readonly kind: MediaKind;
  /** The receiver when sealing, the sender when opening. */
  readonly participant: string;
}

/** The additional data: the bytes before the ciphertext, the media kind and the receiver's id (UTF-8). */
function additionalData(clearBytes: Uint8Array, kind: MediaKind, receiverBytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(clearBytes.length + 1 + receiverBytes.length);
  data.set(clearBytes);
  data[clearBytes.length] = KIND_BYTES[kind];
  data.set(receiverBytes, clearBytes.length + 1);
  return data;
}

/**
 * Seals this browser's frames: one counter for every frame sent to anyone, one key id per room
 * key (the first is 0, each key change the next).
 */
export class FrameSealer {
  private readonly self: string;
  // Encoded once per receiver: encoding text costs microseconds per frame.
  private readonly receiverIds = new Map<string, Uint8Array>();
  private counter = randomCounterStart();
  private keyId = -1;
  private senderKey?: Promise<SenderKey>;

  /** `self`: this browser's participant id, which the others derive its key from. */
  constructor(self: string) {
    this.self = self;
  }

  setRoomKey(roomKey: CryptoKey): void {
    this.keyId++;
    this.senderKey = deriveSenderKey(roomKey, this.self, this.keyId);
  }

  /** The sealed frame; `undefined` while there is no key. Rejects only when the browser's crypto fails. */
  async seal(frame: ArrayBuffer, headerLength: number, to: FrameStream): Promise<ArrayBuffer | undefined> {
    const senderKey = this.senderKey;
    if (!senderKey) {
      return undefined;
    }
    if (this.counter > MAX_FIELD) {
      throw new Error('frame counter exhausted');
    }
    // Taken before any wait, so that no two frames ever get the same counter.
    const counter = this.counter++;
    const keyId = this.keyId;
    const { key, nonceSalt } = await senderKey;
    const clear = Math.min(headerLength, frame.byteLength, MAX_HEADER);
    const header = encodeFrameHeader(keyId, counter);
    const clearBytes = new Uint8Array(clear + header.length);
    clearBytes.set(new Uint8Array(frame, 0, clear));
    clearBytes.set(header, clear);
    const ciphertext = await crypto.subtle.encrypt(
      {
        name: 'AES-GCM',
        iv: frameNonce(nonceSalt, counter),
        additionalData: additionalData(clearBytes, to.kind, this.receiverId(to.participant)),
        tagLength: TAG_BYTES * 8,
      },
      key,
      new Uint8Array(frame, clear),
    );
    const sealed = new Uint8Array(clearBytes.length + ciphertext.byteLength + 1);
    sealed.set(clearBytes);
    sealed.set(new Uint8Array(ciphertext), clearBytes.length);
    sealed[sealed.length - 1] = clear;
    return sealed.buffer;
  }

  /** Drops what is kept about a receiver who left. */
  forget(receiver: string): void {
    this.receiverIds.delete(receiver);
  }

  private receiverId(receiver: string): Uint8Array {
    let bytes = this.receiverIds.get(receiver);
    if (!bytes) {
      bytes = encoder.encode(receiver);
      this.receiverIds.set(receiver, bytes);
    }
    return bytes;
  }
}

function randomCounterStart(): number {
  return readBigEndian(crypto.getRandomValues(new Uint8Array(COUNTER_START_BYTES)), 0, COUNTER_START_BYTES);
}

/**
 * What became of a received frame: opened, or refused because it does not open with the current
 * key (a key mismatch, or an altered frame), or because it was seen before or is too old.
 */
export type Opened = { readonly frame: ArrayBuffer } | { readonly refused: 'undecryptable' | 'replayed' };

/** The counters opened from one sender in one kind of media, kept for the last `REPLAY_WINDOW`. */
export class ReplayWindow {
  private readonly seen = new Uint8Array(REPLAY_WINDOW);
  private newest = -1;

  /** Whether a frame with this counter may still be opened. */
  admits(counter: number): boolean {
    if (counter > this.newest) {
      return true;
    }
    return this.newest - counter < REPLAY_WINDOW && this.seen[counter % REPLAY_WINDOW] === 0;
  }

  /** Records a counter whose frame opened. */
  mark(counter: number): void {
    if (counter > this.newest) {
      const first = Math.max(this.newest + 1, counter - REPLAY_WINDOW + 1);
      for (let skipped = first; skipped < counter; skipped++) {
        this.seen[skipped % REPLAY_WINDOW] = 0;
      }
      this.newest = counter;
    }
    this.seen[counter % REPLAY_WINDOW] = 1;
  }
}

/** What the receiver keeps about one sender. */
interface SenderState {
  newestKeyId: number;
  readonly windows: Record<MediaKind, ReplayWindow>;
  readonly keys: Map<number, Promise<SenderKey>>;
}

/** Opens the frames others sealed for this browser, each with its sender's key. */
export class FrameOpener {
  private readonly self: Uint8Array;
  private roomKey?: CryptoKey;
  private readonly senders = new Map<string, SenderState>();

  /** `self`: this browser's participant id, which senders bind their frames to. */
  constructor(self: string) {
    this.self = encoder.encode(self);
  }

  /** Opens frames with a new room key from now on; what was seen stays seen. */
  setRoomKey(roomKey: CryptoKey): void {
    this.roomKey = roomKey;
    for (const state of this.senders.values()) {
      state.keys.clear();
    }
  }

  /** Drops what is kept about a sender who left. */
  forget(sender: string): void {
    this.senders.delete(sender);
  }

  /** Opens a frame from `from.participant`; `undefined` while there is no key. */
  async open(sealed: ArrayBuffer, from: FrameStream): Promise<Opened | undefined> {
    const roomKey = this.roomKey;
    if (!roomKey) {
      return undefined;
    }
    const bytes = new Uint8Array(sealed);
    const clear = bytes.length > 0 ? bytes[bytes.length - 1] : MAX_HEADER + 1;
    const header = clear <= MAX_HEADER ? readFrameHeader(bytes, clear) : undefined;
    const ciphertextStart = clear + (header?.length ?? 0);
    if (!header || ciphertextStart + TAG_BYTES > bytes.length - 1) {
      return { refused: 'undecryptable' };
    }
    const state = this.state(from.participant);
    const window = state.windows[from.kind];
    if (header.keyId < state.newestKeyId || !window.admits(header.counter)) {
      return { refused: 'replayed' };
    }
    const clearBytes = bytes.subarray(0, ciphertextStart);
    let plaintext: ArrayBuffer;
    try {
      const { key, nonceSalt } = await this.senderKey(roomKey, from.participant, state, header.keyId);
      plaintext = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: frameNonce(nonceSalt, header.counter),
          additionalData: additionalData(clearBytes, from.kind, this.self),
          tagLength: TAG_BYTES * 8,
        },
        key,
        bytes.subarray(ciphertextStart, bytes.length - 1),
      );
    } catch {
      // AES-GCM refuses a wrong key and an altered frame alike: both mean "do not show this".
      return { refused: 'undecryptable' };
    }
    // Checked again: another frame of this sender may have opened while this one was decrypted.
    if (header.keyId < state.newestKeyId || !window.admits(header.counter)) {
      return { refused: 'replayed' };
    }
    window.mark(header.counter);
    state.newestKeyId = header.keyId;
    const frame = new Uint8Array(clear + plaintext.byteLength);
    frame.set(bytes.subarray(0, clear));
    frame.set(new Uint8Array(plaintext), clear);
    return { frame: frame.buffer };
  }

  private state(sender: string): SenderState {
    let state = this.senders.get(sender);
    if (!state) {
      state = {
        newestKeyId: 0,
        windows: { audio: new ReplayWindow(), video: new ReplayWindow(), screen: new ReplayWindow() },
        keys: new Map(),
      };
      this.senders.set(sender, state);
    }
    return state;
  }

  private senderKey(roomKey: CryptoKey, sender: string, state: SenderState, keyId: number): Promise<SenderKey> {
    let key = state.keys.get(keyId);
    if (!key) {
      key = deriveSenderKey(roomKey, sender, keyId);
      state.keys.set(keyId, key);
      // A sender that keeps sending new key ids (which only a forger would) cannot fill memory.
      if (state.keys.size > KEYS_PER_SENDER) {
        state.keys.delete(Math.min(...state.keys.keys()));
      }
    }
    return key;
  }
}
