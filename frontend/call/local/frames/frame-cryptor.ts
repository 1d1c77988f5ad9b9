import type { FrameCryptoStats } from '../../call-engine';
import { CostReservoir } from './frame-cost';
import { clearHeaderLength, isVideoKind, type FrameType } from './frame-format';
import { FrameOpener } from './frame-opener';
import { FrameSealer } from './frame-sealer';
import type { FrameRoute } from './worker-messages';

// A mismatch is reported after ten video frames in a row (under a second), or a second of audio alone.
const MISMATCH_VIDEO_FRAMES = 10;
const MISMATCH_MILLIS = 1000;

/** The part of an encoded frame read and replaced here: video frames have a type, audio frames none. */
export interface CryptorFrame {
  data: ArrayBuffer;
  readonly type?: RTCEncodedVideoFrame['type'];
}

/** The transformer's side that asks the sender for a key frame (where the browser offers it). */
export interface KeyFrameRequester {
  sendKeyFrameRequest?(): Promise<void>;
}

/** What the cryptor tells the page: a participant's frames stopped, or started again, opening with the key. */
export interface CryptorReports {
  keyMismatch(participant: string): void;
  keyMatch(participant: string): void;
}

/** Consecutive frames from one participant that did not open. */
interface FailureStreak {
  videoFrames: number;
  readonly since: number;
  reported: boolean;
}

/**
 * One call's frame encryption, as the worker runs it: seals every frame sent, opens every frame
 * received, drops what does not open or comes again, and reports when a participant's frames stop
 * or start opening with the current key. The format is in `frame-format.ts`.
 */
export class FrameCryptor {
  private readonly reports: CryptorReports;
  private readonly now: () => number;
  // Both come with the first key, which comes once this browser's participant id is known.
  private sealer?: FrameSealer;
  private opener?: FrameOpener;
  private readonly streaks = new Map<string, FailureStreak>();
  private readonly encryptCost = new CostReservoir();
  private readonly decryptCost = new CostReservoir();

  /** `now`: milliseconds on a monotonic clock, for the mismatch rule's second and the costs. */
  constructor(reports: CryptorReports, now: () => number = () => performance.now()) {
    this.reports = reports;
    this.now = now;
  }

  /** Seals and opens with this room key from now on; `self` is this browser's participant id. */
  setKey(key: CryptoKey, self: string): void {
    this.sealer ??= new FrameSealer(self);
    this.opener ??= new FrameOpener(self);
    this.sealer.setRoomKey(key);
    this.opener.setRoomKey(key);
  }

  /** The participant left: drops what is remembered about their frames. */
  forget(participant: string): void {
    this.streaks.delete(participant);
    this.sealer?.forget(participant);
    this.opener?.forget(participant);
  }

  costs(): Omit<FrameCryptoStats, 'coarseClock'> {
    return { encryptMicros: this.encryptCost.summary(), decryptMicros: this.decryptCost.summary() };
  }

  /** Pipes one route's frames through sealing or opening until the streams end. */
  protect<F extends CryptorFrame>(
    readable: ReadableStream<F>,
    writable: WritableStream<F>,
    route: FrameRoute,
    transformer?: KeyFrameRequester,
  ): Promise<void> {
    const transform = route.direction === 'send' ? this.sealing<F>(route) : this.opening<F>(route, transformer);
    return readable
      .pipeThrough(transform)
      .pipeTo(writable)
      .catch(() => {
        // The streams end when the peer connection closes.
      });
  }

  private sealing<F extends CryptorFrame>(route: FrameRoute): TransformStream<F, F> {
    return new TransformStream({
      transform: async (frame, controller) => {
        const sealer = this.sealer;
        if (!sealer) {
          return;
        }
        const started = this.now();
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
        this.encryptCost.add(this.now() - started);
        frame.data = sealed;
        controller.enqueue(frame);
      },
    });
  }

  private opening<F extends CryptorFrame>(route: FrameRoute, transformer?: KeyFrameRequester): TransformStream<F, F> {
    // The decoder needs a key frame to start with, and again after frames were dropped; it asks for
    // one itself, but only after a while. The sender drops frames until it has its key, which comes
    // after the welcome, so the first frame that arrives is often not a key frame.
    let needsKeyFrame = isVideoKind(route.kind);
    return new TransformStream({
      transform: async (frame, controller) => {
        const started = this.now();
        const opened = await this.opener?.open(frame.data, route);
        if (!opened || 'refused' in opened) {
          // A frame that came again changes nothing for the decoder; any other drop may cost it a reference frame.
          needsKeyFrame ||= isVideoKind(route.kind) && opened?.refused !== 'replayed';
          // Only frames that do not open with the key tell of a mismatch; none before there is a key.
          if (opened?.refused === 'undecryptable') {
            this.failed(route);
          }
          return;
        }
        this.decryptCost.add(this.now() - started);
        frame.data = opened.frame;
        controller.enqueue(frame);
        this.opens(route.participant);
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

  private failed(route: FrameRoute): void {
    const now = this.now();
    let streak = this.streaks.get(route.participant);
    if (!streak) {
      streak = { videoFrames: 0, since: now, reported: false };
      this.streaks.set(route.participant, streak);
    }
    if (isVideoKind(route.kind)) {
      streak.videoFrames++;
    }
    if (!streak.reported && (streak.videoFrames >= MISMATCH_VIDEO_FRAMES || now - streak.since >= MISMATCH_MILLIS)) {
      streak.reported = true;
      this.reports.keyMismatch(route.participant);
    }
  }

  private opens(participant: string): void {
    const streak = this.streaks.get(participant);
    if (!streak) {
      return;
    }
    this.streaks.delete(participant);
    if (streak.reported) {
      this.reports.keyMatch(participant);
    }
  }
}

function frameType(frame: CryptorFrame): FrameType {
  return frame.type ?? 'audio';
}
