/**
 * The local engine's frame encryption, off the page's thread: seals every frame sent, opens every
 * frame received, drops what does not open or comes again, and tells the page when a
 * participant's frames stop or start opening with the current key. The format is in
 * `frame-crypto.ts`.
 */

import type { FrameCost } from '../call-engine';
import { clearHeaderLength, FrameOpener, FrameSealer, isVideoKind, type FrameType } from './frame-crypto';
import { isFrameRoute, type EncodedFrame, type FrameRoute, type FromWorker, type ToWorker } from './worker-messages';

// The app's type check sees this file with the page's DOM library, where the worker's own
// declarations are missing; so the few worker APIs used here are named here.
interface FrameTransformer {
  readonly readable: ReadableStream<EncodedFrame>;
  readonly writable: WritableStream<EncodedFrame>;
  readonly options: unknown;
  sendKeyFrameRequest?(): Promise<void>;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  onrtctransform: ((event: { readonly transformer: FrameTransformer }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;

// A mismatch is reported after ten video frames in a row (under a second), or a second of audio alone.
const MISMATCH_VIDEO_FRAMES = 10;
const MISMATCH_MILLIS = 1000;
const COST_SAMPLES = 512;

/** Consecutive frames from one participant that did not open. */
interface FailureStreak {
  videoFrames: number;
  readonly since: number;
  reported: boolean;
}

/** The most recent per-frame times, kept in a ring so memory stays bounded however long the call. */
class CostReservoir {
  private readonly micros = new Float64Array(COST_SAMPLES);
  private count = 0;

  add(millis: number): void {
    this.micros[this.count % COST_SAMPLES] = millis * 1000;
    this.count++;
  }

  summary(): FrameCost {
    const kept = this.micros.slice(0, Math.min(this.count, COST_SAMPLES)).sort();
    if (kept.length === 0) {
      return { p50: 0, p95: 0, mean: 0, count: 0 };
    }
    const rank = (share: number): number => kept[Math.min(kept.length - 1, Math.ceil(share * kept.length) - 1)];
    const mean = kept.reduce((sum, value) => sum + value, 0) / kept.length;
    return { p50: rank(0.5), p95: rank(0.95), mean, count: this.count };
  }
}

// Both come with the first key, which comes once this browser's participant id is known.
let sealer: FrameSealer | undefined;
let opener: FrameOpener | undefined;
const streaks = new Map<string, FailureStreak>();
const encryptCost = new CostReservoir();
const decryptCost = new CostReservoir();
let pulse: ReturnType<typeof setInterval> | undefined;

scope.onmessage = ({ data }) => {
  switch (data.type) {
    case 'key':
      sealer ??= new FrameSealer(data.self);
      opener ??= new FrameOpener(data.self);
      sealer.setRoomKey(data.key);
      opener.setRoomKey(data.key);
      break;
    case 'streams':
      protect(data.readable, data.writable, data.route);
      break;
    case 'forget':
      streaks.delete(data.participant);
      sealer?.forget(data.participant);
      opener?.forget(data.participant);
      break;
    case 'pulse':
      clearInterval(pulse);
      pulse = setInterval(() => scope.postMessage({ type: 'pulse' }), data.millis);
      break;
    case 'stats':
      scope.postMessage({
        type: 'stats',
        request: data.request,
        stats: {
          encryptMicros: encryptCost.summary(),
          decryptMicros: decryptCost.summary(),
          coarseClock: !crossOriginIsolated,
        },
      });
      break;
  }
};

scope.onrtctransform = ({ transformer }) => {
  // Without a valid route nothing is piped, so no frame passes unencrypted.
  if (isFrameRoute(transformer.options)) {
    protect(transformer.readable, transformer.writable, transformer.options, transformer);
  }
};

function protect(
  readable: ReadableStream<EncodedFrame>,
  writable: WritableStream<EncodedFrame>,
  route: FrameRoute,
  transformer?: FrameTransformer,
): void {
  const transform = route.direction === 'send' ? sealing(route) : opening(route, transformer);
  readable
    .pipeThrough(transform)
    .pipeTo(writable)
    .catch(() => {
      // The streams end when the peer connection closes.
    });
}

function sealing(route: FrameRoute): TransformStream<EncodedFrame, EncodedFrame> {
  return new TransformStream({
    async transform(frame, controller) {
      if (!sealer) {
        return;
      }
      const started = performance.now();
      let sealed: ArrayBuffer | undefined;
      try {
        sealed = await sealer.seal(frame.data, clearHeaderLength(frameType(frame)), route);
      } catch {
        // Dropped rather than sent in clear; a thrown error would also stop every later frame.
        return;
      }
      if (!sealed) {
        return;
      }
      encryptCost.add(performance.now() - started);
      frame.data = sealed;
      controller.enqueue(frame);
    },
  });
}

function opening(route: FrameRoute, transformer?: FrameTransformer): TransformStream<EncodedFrame, EncodedFrame> {
  // The decoder needs a key frame to start with, and again after frames were dropped; it asks for
  // one itself, but only after a while. The sender drops frames until it has its key, which comes
  // after the welcome, so the first frame that arrives is often not a key frame.
  let needsKeyFrame = isVideoKind(route.kind);
  return new TransformStream({
    async transform(frame, controller) {
      const started = performance.now();
      const opened = await opener?.open(frame.data, route);
      if (!opened || 'refused' in opened) {
        // A frame that came again changes nothing for the decoder; any other drop may cost it a reference frame.
        needsKeyFrame ||= isVideoKind(route.kind) && opened?.refused !== 'replayed';
        // Only frames that do not open with the key tell of a mismatch; none before there is a key.
        if (opened?.refused === 'undecryptable') {
          failed(route);
        }
        return;
      }
      decryptCost.add(performance.now() - started);
      frame.data = opened.frame;
      controller.enqueue(frame);
      opens(route.participant);
      if (needsKeyFrame) {
        needsKeyFrame = false;
        if (frameType(frame) !== 'key') {
          transformer?.sendKeyFrameRequest?.().catch(() => {
            // The decoder's own requests follow anyway; this one only makes the picture come sooner.
          });
        }
      }
    },
  });
}

function failed(route: FrameRoute): void {
  const now = performance.now();
  let streak = streaks.get(route.participant);
  if (!streak) {
    streak = { videoFrames: 0, since: now, reported: false };
    streaks.set(route.participant, streak);
  }
  if (isVideoKind(route.kind)) {
    streak.videoFrames++;
  }
  if (!streak.reported && (streak.videoFrames >= MISMATCH_VIDEO_FRAMES || now - streak.since >= MISMATCH_MILLIS)) {
    streak.reported = true;
    scope.postMessage({ type: 'key-mismatch', participant: route.participant });
  }
}

function opens(participant: string): void {
  const streak = streaks.get(participant);
  if (!streak) {
    return;
  }
  streaks.delete(participant);
  if (streak.reported) {
    scope.postMessage({ type: 'key-match', participant });
  }
}

function frameType(frame: EncodedFrame): FrameType {
  return 'type' in frame ? frame.type : 'audio';
}
