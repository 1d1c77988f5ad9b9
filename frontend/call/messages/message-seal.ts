/**
 * Seals and opens chat messages, reactions and raised hands with AES-256-GCM under the sender's
 * message key (`message-keys.ts`).
 *
 * A sealed message: `version (1) | kind (1) | key id (4) | counter (8) | ciphertext | tag (16)`,
 * numbers big-endian. The sender id is not in it: the receiver takes it from the transport (the
 * OpenTok connection or the peer the data channel leads to), never from the message.
 * - nonce: `kind (1) | 0 0 0 | counter (8)`. Each sender keeps one counter per kind, starting at a
 *   random 48-bit value (so that even a sender id reused by a misbehaving server under the same key
 *   does not meet its old nonces) and never reused; the kind byte keeps the kinds' nonces apart.
 * - additional data: the 14 header bytes (version, kind, key id, counter) | the sender id's length
 *   (1 byte) | the sender id (UTF-8), so a message moved to another sender, kind, counter or key id
 *   does not open.
 * The receiver keeps a replay window per sender and kind (`replay-window.ts`).
 */
import { KEY_ID_BYTES, type MessageKeys, senderIdBytes } from './message-keys';
import { MAX_CHAT_CODE_POINTS, codePointCount } from './chat-rules';
import { type CallMessage, KIND_BYTES, type MessageKind, decodeBody, encodeBody, kindOfByte } from './message-body';
import { MessageReplayWindow } from './replay-window';

const VERSION = 1;
const HEADER_BYTES = 2 + KEY_ID_BYTES + 8;
const TAG_BYTES = 16;
const NONCE_BYTES = 12;
const COUNTER_START_BYTES = 6;

/**
 * The longest signal data OpenTok.js sends: it refuses data whose JSON form (the string and its two
 * quotes) is longer than 8,192 characters. The signal's type is `MESSAGE_SIGNAL_TYPE`, far below its
 * 128. The data channel is held to the same limit, so that both engines carry the same messages.
 */
export const MAX_SIGNAL_DATA_CHARS = 8192 - 2;
/** The OpenTok signal type messages travel under: the same for every kind, so it tells nothing. */
export const MESSAGE_SIGNAL_TYPE = 'sealed';
/** The largest sealed message whose base64 form fits `MAX_SIGNAL_DATA_CHARS`. */
export const MAX_SEALED_BYTES = Math.floor(MAX_SIGNAL_DATA_CHARS / 4) * 3;

/** A message's sealed size for a body of `bodyBytes`. */
export function sealedLength(bodyBytes: number): number {
  return HEADER_BYTES + bodyBytes + TAG_BYTES;
}

/** The length of a sealed message in base64, as an OpenTok signal carries it. */
export function signalDataLength(sealedBytes: number): number {
  return 4 * Math.ceil(sealedBytes / 3);
}

/**
 * Sealing refused a chat text over `MAX_CHAT_CODE_POINTS`: the longest text the rules allow is the
 * longest that fits a signal once sealed (`message-body.ts`), so this is where the signal limit is
 * kept, and receivers would refuse such a message anyway.
 */
export class MessageTooLargeError extends Error {
  constructor(codePoints: number) {
    super(
      `A chat message can have at most ${MAX_CHAT_CODE_POINTS} characters to fit a signal once sealed; ` +
        `this one has ${codePoints}.`,
    );
    this.name = 'MessageTooLargeError';
  }
}

/** Seals this browser's messages: one counter per kind, across key changes. */
export class MessageSealer {
  private readonly self: string;
  private readonly counters: Record<MessageKind, number> = {
    chat: randomCounterStart(),
    reaction: randomCounterStart(),
    hand: randomCounterStart(),
  };

  /** `self`: this browser's participant id, as the others know it from the transport. */
  constructor(self: string) {
    this.self = self;
  }

  /** The sealed message; throws `MessageTooLargeError`, before taking a counter, for a chat text too long to fit a signal. */
  async seal(keys: MessageKeys, message: CallMessage): Promise<Uint8Array<ArrayBuffer>> {
    const codePoints = message.kind === 'chat' ? codePointCount(message.text) : 0;
    if (codePoints > MAX_CHAT_CODE_POINTS) {
      throw new MessageTooLargeError(codePoints);
    }
    const body = encodeBody(message);
    const length = sealedLength(body.length);
    if (this.counters[message.kind] > Number.MAX_SAFE_INTEGER) {
      throw new Error('message counter exhausted');
    }
    // Taken before any wait, so that no two messages ever get the same counter.
    const counter = this.counters[message.kind]++;
    const header = encodeHeader(message.kind, keys.keyId, counter);
    const ciphertext = await crypto.subtle.encrypt(
      {
        name: 'AES-GCM',
        iv: messageNonce(message.kind, counter),
        additionalData: additionalData(header, this.self),
        tagLength: TAG_BYTES * 8,
      },
      await keys.senderKey(this.self),
      body,
    );
    const sealed = new Uint8Array(length);
    sealed.set(header);
    sealed.set(new Uint8Array(ciphertext), HEADER_BYTES);
    return sealed;
  }
}

/**
 * What became of a received message: opened; sealed under a key id other than the receiver's
 * (`different-key`); not opening under the receiver's key id or not a message at all (`tampered`:
 * altered on the way, moved to another sender, or made up); or seen before or too old (`replayed`).
 */
export type OpenedMessage =
  | { readonly status: 'opened'; readonly message: CallMessage; readonly keyId: number }
  | { readonly status: 'different-key'; readonly keyId: number }
  | { readonly status: 'tampered'; readonly keyId?: number }
  | { readonly status: 'replayed'; readonly keyId: number };

/** Opens the messages others sealed, each with its sender's key. */
export class MessageOpener {
  private readonly windows = new Map<string, Record<MessageKind, MessageReplayWindow>>();

  /** Opens a message that came from `sender`, as the transport says. */
  async open(keys: MessageKeys, sender: string, sealed: Uint8Array<ArrayBuffer>): Promise<OpenedMessage> {
    const header = readSealedHeader(sealed);
    if (!header || sealed.length < HEADER_BYTES + TAG_BYTES || sealed.length > MAX_SEALED_BYTES) {
      return { status: 'tampered', keyId: header?.keyId };
    }
    const { kind, keyId, counter } = header;
    if (keyId !== keys.keyId) {
      return { status: 'different-key', keyId };
    }
    const window = this.window(sender, kind);
    if (!window.admits(counter)) {
      return { status: 'replayed', keyId };
    }
    let body: ArrayBuffer;
    try {
      body = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: messageNonce(kind, counter),
          additionalData: additionalData(sealed.subarray(0, HEADER_BYTES), sender),
          tagLength: TAG_BYTES * 8,
        },
        await keys.senderKey(sender),
        sealed.subarray(HEADER_BYTES),
      );
    } catch {
      return { status: 'tampered', keyId };
    }
    // Checked again: the same message may have opened meanwhile.
    if (!window.admits(counter)) {
      return { status: 'replayed', keyId };
    }
    const message = decodeBody(kind, new Uint8Array(body));
    if (!message) {
      return { status: 'tampered', keyId };
    }
    window.mark(counter);
    return { status: 'opened', message, keyId };
  }

  /** Drops what is kept about a sender who left. */
  forget(sender: string): void {
    this.windows.delete(sender);
  }

  private window(sender: string, kind: MessageKind): MessageReplayWindow {
    let windows = this.windows.get(sender);
    if (!windows) {
      windows = {
        chat: new MessageReplayWindow(),
        reaction: new MessageReplayWindow(),
        hand: new MessageReplayWindow(),
      };
      this.windows.set(sender, windows);
    }
    return windows[kind];
  }
}

/** What a sealed message says of itself, in clear. */
export interface SealedHeader {
  readonly kind: MessageKind;
  readonly keyId: number;
  readonly counter: number;
}

function encodeHeader(kind: MessageKind, keyId: number, counter: number): Uint8Array<ArrayBuffer> {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header[0] = VERSION;
  header[1] = KIND_BYTES[kind];
  view.setUint32(2, keyId);
  view.setBigUint64(2 + KEY_ID_BYTES, BigInt(counter));
  return header;
}

/** The header of a sealed message; `undefined` when it is not one. */
export function readSealedHeader(sealed: Uint8Array): SealedHeader | undefined {
  if (sealed.length < HEADER_BYTES) {
    return undefined;
  }
  const view = new DataView(sealed.buffer, sealed.byteOffset, HEADER_BYTES);
  const kind = kindOfByte(sealed[1]);
  const counter = view.getBigUint64(2 + KEY_ID_BYTES);
  if (sealed[0] !== VERSION || !kind || counter > BigInt(Number.MAX_SAFE_INTEGER)) {
    return undefined;
  }
  return { kind, keyId: view.getUint32(2), counter: Number(counter) };
}

/** The nonce of one message: its kind's byte, three zero bytes, and its counter. */
export function messageNonce(kind: MessageKind, counter: number): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(NONCE_BYTES);
  nonce[0] = KIND_BYTES[kind];
  new DataView(nonce.buffer).setBigUint64(NONCE_BYTES - 8, BigInt(counter));
  return nonce;
}

function additionalData(header: Uint8Array, sender: string): Uint8Array<ArrayBuffer> {
  const id = senderIdBytes(sender);
  const data = new Uint8Array(HEADER_BYTES + 1 + id.length);
  data.set(header);
  data[HEADER_BYTES] = id.length;
  data.set(id, HEADER_BYTES + 1);
  return data;
}

function randomCounterStart(): number {
  const bytes = crypto.getRandomValues(new Uint8Array(COUNTER_START_BYTES));
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

/** A sealed message as OpenTok signal data: base64. */
export function toSignalData(sealed: Uint8Array): string {
  return btoa(String.fromCharCode(...sealed));
}

/** The sealed message in signal data; `undefined` when it is too long or not base64. */
export function fromSignalData(data: string): Uint8Array<ArrayBuffer> | undefined {
  if (data.length > MAX_SIGNAL_DATA_CHARS) {
    return undefined;
  }
  try {
    return Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
  } catch {
    return undefined;
  }
}
