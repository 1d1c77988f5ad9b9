import { deriveSenderKey, frameNonce, type SenderKey } from './frame-keys';
import { additionalData, MAX_HEADER, TAG_BYTES, type FrameStream } from './frame-format';
import { encodeFrameHeader, MAX_FIELD, readBigEndian } from './frame-header';

const COUNTER_START_BYTES = 6;

const encoder = new TextEncoder();

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
