import type { FrameCryptoStats } from '../../call-engine';
import { namedError } from '../../error-messages';
import type { EncodedFrame, FrameRoute, FromWorker, ToWorker } from './worker-messages';

/**
 * How encoded frames reach the worker: the standard `RTCRtpScriptTransform`, or Chromium's older
 * `createEncodedStreams`, whose streams are handed to the worker.
 */
export type TransformPath = 'script-transform' | 'encoded-streams';

export function frameTransformPath(): TransformPath | undefined {
  if ('RTCRtpScriptTransform' in globalThis) {
    return 'script-transform';
  }
  if (
    typeof RTCRtpSender === 'function' &&
    'createEncodedStreams' in RTCRtpSender.prototype &&
    'createEncodedStreams' in RTCRtpReceiver.prototype
  ) {
    return 'encoded-streams';
  }
  return undefined;
}

/** What the worker reports: participants (by id) whose frames stopped or started opening, or its own failure. */
export interface FrameEncryptionListener {
  mismatch(participant: string): void;
  match(participant: string): void;
  /** The worker could not start, so no frame is sent or shown. */
  failed(): void;
  /** A beat asked for with {@link FrameEncryption.beat}. */
  pulse(): void;
}

// Chromium's pre-standard API is not in the DOM type definitions.
interface EncodedStreams {
  readonly readable: ReadableStream<EncodedFrame>;
  readonly writable: WritableStream<EncodedFrame>;
}
type RtpEnd = RTCRtpSender | RTCRtpReceiver;
type WithEncodedStreams = RtpEnd & { createEncodedStreams(): EncodedStreams };
type EncodedStreamsConfiguration = RTCConfiguration & { encodedInsertableStreams?: boolean };

/** The page's side of the frame encryption worker: one worker for every peer connection of a call. */
export class FrameEncryption {
  private readonly path: TransformPath;
  private readonly listener: FrameEncryptionListener;
  private readonly worker: Worker;
  private readonly protectedEnds = new WeakSet<RtpEnd>();
  private readonly statsRequests = new Map<number, (stats: FrameCryptoStats | undefined) => void>();
  private nextRequest = 0;

  constructor(path: TransformPath, listener: FrameEncryptionListener) {
    this.path = path;
    this.listener = listener;
    this.worker = new Worker(new URL('./frame-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.onReport(event.data);
    this.worker.onerror = () => listener.failed();
  }

  /** The peer connection settings this path needs. */
  configure(configuration: RTCConfiguration): RTCConfiguration {
    if (this.path === 'script-transform') {
      return configuration;
    }
    const withStreams: EncodedStreamsConfiguration = { ...configuration, encodedInsertableStreams: true };
    return withStreams;
  }

  /** Seals and opens with this room key from now on; `self` is this browser's participant id. */
  setKey(key: CryptoKey, self: string): void {
    this.post({ type: 'key', key, self });
  }

  /** Routes a sender's or receiver's frames through the worker; a second call for the same one does nothing. */
  protect(end: RtpEnd, route: FrameRoute): void {
    if (this.protectedEnds.has(end)) {
      return;
    }
    this.protectedEnds.add(end);
    if (this.path === 'script-transform') {
      end.transform = new RTCRtpScriptTransform(this.worker, route);
      return;
    }
    if (!hasEncodedStreams(end)) {
      // Never let media flow unencrypted.
      throw namedError('OT_UNSUPPORTED_BROWSER');
    }
    const { readable, writable } = end.createEncodedStreams();
    this.post({ type: 'streams', route, readable, writable }, [readable, writable]);
  }

  /** Calls the listener's `pulse` every so many milliseconds, also while the tab is hidden; until `close()`. */
  beat(millis: number): void {
    this.post({ type: 'pulse', millis });
  }

  forget(participant: string): void {
    this.post({ type: 'forget', participant });
  }

  stats(): Promise<FrameCryptoStats | undefined> {
    const request = this.nextRequest++;
    return new Promise((resolve) => {
      this.statsRequests.set(request, resolve);
      this.post({ type: 'stats', request });
    });
  }

  close(): void {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    for (const resolve of this.statsRequests.values()) {
      resolve(undefined);
    }
    this.statsRequests.clear();
  }

  private post(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private onReport(report: FromWorker): void {
    switch (report.type) {
      case 'key-mismatch':
        this.listener.mismatch(report.participant);
        break;
      case 'key-match':
        this.listener.match(report.participant);
        break;
      case 'pulse':
        this.listener.pulse();
        break;
      case 'stats':
        this.statsRequests.get(report.request)?.(report.stats);
        this.statsRequests.delete(report.request);
        break;
    }
  }
}

function hasEncodedStreams(end: RtpEnd): end is WithEncodedStreams {
  return 'createEncodedStreams' in end && typeof end.createEncodedStreams === 'function';
}
