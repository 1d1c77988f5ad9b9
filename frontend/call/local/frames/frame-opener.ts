import { deriveSenderKey, frameNonce, type SenderKey } from './frame-keys';
import { additionalData, MAX_HEADER, TAG_BYTES, type FrameStream, type MediaKind } from './frame-format';
import { readFrameHeader } from './frame-header';
import { ReplayWindow } from './replay-window';

// Derived keys kept per sender: the newest key ids seen, enough for a key change in flight.
const KEYS_PER_SENDER = 4;

const encoder = new TextEncoder();

/**
 * What became of a received frame: opened, or refused because it does not open with the current
 * key (a key mismatch, or an altered frame), or because it was seen before or is too old.
 */
export type Opened = { readonly frame: ArrayBuffer } | { readonly refused: 'undecryptable' | 'replayed' };

/** What the receiver keeps about one sender. */
interface SenderState {
  newestKeyId: number;
  readonly windows: Record<MediaKind, ReplayWindow>;
  readonly keys: Map<number, Promise<SenderKey>>;
}

/**
 * Opens the frames others sealed for this browser, each with its sender's key. It keeps, per
 * sender and kind (so the screen has a window of its own beside the camera's), a window of the
 * counters it has opened: a counter seen before, or more than `REPLAY_WINDOW` behind the newest,
 * is refused; so is a key id older than the newest it has opened from that sender.
 */
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
