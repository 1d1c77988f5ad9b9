/**
 * The local engine's media encryption, in the manner of SFrame (RFC 9605): a room key from the
 * typed secret, a key of its own for every sender (`frame-keys.ts`), and every encoded frame sealed
 * with AES-GCM (`frame-sealer.ts`, `frame-opener.ts`) under a nonce made from a frame counter. The
 * room key is derived in the page, everything else in the worker. The layout is recorded in
 * docs/decisions.md as well.
 *
 * A sealed frame:
 * `codec header (n bytes, clear) | frame header | ciphertext | 16-byte tag | n (1 byte)`
 * - the codec header is what the packetizer reads (VP8: 10 bytes of a key frame, 3 of a delta
 *   frame; Opus: 1 byte); a frame shorter than that stays clear whole and is followed by the rest;
 * - the frame header is SFrame's (`frame-header.ts`): the key id and the frame counter;
 * - authenticated with the ciphertext (AES-GCM additional data): the codec header, the frame
 *   header, the media kind (1 byte: 0 audio, 1 camera video, 2 shared screen) and the receiver's id
 *   (UTF-8). A frame therefore opens only for the receiver, the kind of media and the sender it was
 *   sealed for: a screen frame presented as camera video does not open. A
 *   changed `n` moves the boundary between additional data and ciphertext, and fails the tag.
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

/** The AES-GCM tag's length at the end of the ciphertext. */
export const TAG_BYTES = 16;

// The packetizer reads these bytes to split frames into packets and find key frames: VP8's
// payload header (key frames also carry the start code and size), and Opus's TOC byte.
const VP8_KEY_FRAME_HEADER = 10;
const VP8_DELTA_FRAME_HEADER = 3;
const OPUS_HEADER = 1;
/** The longest codec header kept in clear; a larger `n` marks a frame that was not sealed here. */
export const MAX_HEADER = VP8_KEY_FRAME_HEADER;

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

/** The stream a frame travels in: its kind of media and the participant at the other end. */
export interface FrameStream {
  readonly kind: MediaKind;
  /** The receiver when sealing, the sender when opening. */
  readonly participant: string;
}

/** The additional data: the bytes before the ciphertext, the media kind and the receiver's id (UTF-8). */
export function additionalData(
  clearBytes: Uint8Array,
  kind: MediaKind,
  receiverBytes: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(clearBytes.length + 1 + receiverBytes.length);
  data.set(clearBytes);
  data[clearBytes.length] = KIND_BYTES[kind];
  data.set(receiverBytes, clearBytes.length + 1);
  return data;
}
