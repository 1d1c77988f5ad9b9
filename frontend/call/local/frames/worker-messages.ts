/** What the page and the frame encryption worker (`frame-worker.ts`) tell each other. */

import type { FrameCryptoStats } from '../../call-engine';
import { isMediaKind, type MediaKind } from './frame-format';

export type EncodedFrame = RTCEncodedAudioFrame | RTCEncodedVideoFrame;

/** Which frames one transform handles: those sent to, or received from, one participant. */
export interface FrameRoute {
  readonly direction: 'send' | 'receive';
  readonly kind: MediaKind;
  readonly participant: string;
}

export type ToWorker =
  /**
   * The room key for every frame from now on, and this browser's participant id (which the
   * per-sender keys are derived from); a `CryptoKey` is cloned into the worker, never its bytes.
   */
  | { readonly type: 'key'; readonly key: CryptoKey; readonly self: string }
  /** A sender's or receiver's frames from `createEncodedStreams`, where there is no `RTCRtpScriptTransform`. */
  | {
      readonly type: 'streams';
      readonly route: FrameRoute;
      readonly readable: ReadableStream<EncodedFrame>;
      readonly writable: WritableStream<EncodedFrame>;
    }
  /** The participant left: drop what is remembered about their frames. */
  | { readonly type: 'forget'; readonly participant: string }
  | { readonly type: 'stats'; readonly request: number }
  /**
   * Beat every so many milliseconds from now on. A worker's timers keep their pace in a hidden tab,
   * where the page's own are slowed to once a minute after a few minutes.
   */
  | { readonly type: 'pulse'; readonly millis: number };

export type FromWorker =
  | { readonly type: 'pulse' }
  | { readonly type: 'key-mismatch' | 'key-match'; readonly participant: string }
  | { readonly type: 'stats'; readonly request: number; readonly stats: FrameCryptoStats };

export function isFrameRoute(value: unknown): value is FrameRoute {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const route: Partial<Record<keyof FrameRoute, unknown>> = value;
  return (
    (route.direction === 'send' || route.direction === 'receive') &&
    isMediaKind(route.kind) &&
    typeof route.participant === 'string'
  );
}
