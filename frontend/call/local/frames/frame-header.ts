/**
 * The frame header of a sealed frame, SFrame's (RFC 9605, section 4.3): a config byte `X KKK Y CCC`,
 * then the key id (when X: KKK + 1 bytes, else KKK is the key id) and the counter (when Y: CCC + 1
 * bytes, else CCC is the counter), both big-endian in as few bytes as they fit.
 */

// The largest key id or counter a header may carry: 7 bytes keep them exact as JavaScript numbers.
const MAX_FIELD_BYTES = 7;
/** The largest key id or frame counter there is. */
export const MAX_FIELD = Number.MAX_SAFE_INTEGER;

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

/** The unsigned big-endian number in `length` bytes at `offset`; exact up to 7 bytes. */
export function readBigEndian(source: Uint8Array, offset: number, length: number): number {
  let value = 0;
  for (let i = offset; i < offset + length; i++) {
    value = value * 256 + source[i];
  }
  return value;
}
