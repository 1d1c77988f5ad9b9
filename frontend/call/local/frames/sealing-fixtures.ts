/**
 * What the frame encryption's tests share: frames of known bytes, their hex, the streams between
 * two participants, and senders and receivers holding a room key. Used by the tests only.
 */

import { clearHeaderLength, type FrameStream, type FrameType } from './frame-format';
import { FrameOpener, type Opened } from './frame-opener';
import { FrameSealer } from './frame-sealer';

export const SALT = 'AAECAwQFBgcICQoLDA0ODw';
export const OTHER_SALT = 'EBESExQVFhcYGRobHB0eHw';

export function frameOf(length: number, first = 0): ArrayBuffer {
  return Uint8Array.from({ length }, (_, i) => (first + i * 7) & 0xff).buffer;
}

export function hex(bytes: Uint8Array | ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The stream to a receiver (when sealing) or from a sender (when opening). */
export function to(participant: string, kind: FrameStream['kind'] = 'video'): FrameStream {
  return { kind, participant };
}

export const from = to;

export function openedBytes(opened: Opened | undefined): string | undefined {
  return opened && 'frame' in opened ? hex(opened.frame) : undefined;
}

/** Seals a frame as the worker does for its type; a sealer without a key fails the test. */
export async function seal(
  sealer: FrameSealer,
  frame: ArrayBuffer,
  type: FrameType,
  receiver: FrameStream,
): Promise<ArrayBuffer> {
  const sealed = await sealer.seal(frame, clearHeaderLength(type), receiver);
  if (!sealed) {
    throw new Error('no key');
  }
  return sealed;
}

/** A sender with the room key set, as the worker has it. */
export function keyedSealer(self: string, roomKey: CryptoKey): FrameSealer {
  const sealer = new FrameSealer(self);
  sealer.setRoomKey(roomKey);
  return sealer;
}

/** A receiver with the room key set, as the worker has it. */
export function keyedOpener(self: string, roomKey: CryptoKey): FrameOpener {
  const opener = new FrameOpener(self);
  opener.setRoomKey(roomKey);
  return opener;
}
