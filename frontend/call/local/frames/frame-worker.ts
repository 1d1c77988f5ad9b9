/**
 * The frame encryption worker's entry: wires the page's messages and the browser's transforms to
 * one `FrameCryptor`, which does the work, and beats for the page.
 */

import { FrameCryptor, type KeyFrameRequester } from './frame-cryptor';
import { isFrameRoute, type EncodedFrame, type FromWorker, type ToWorker } from './worker-messages';

// The app's type check sees this file with the page's DOM library, where the worker's own
// declarations are missing; so the few worker APIs used here are named here.
interface FrameTransformer extends KeyFrameRequester {
  readonly readable: ReadableStream<EncodedFrame>;
  readonly writable: WritableStream<EncodedFrame>;
  readonly options: unknown;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  onrtctransform: ((event: { readonly transformer: FrameTransformer }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;

const cryptor = new FrameCryptor({
  keyMismatch: (participant) => scope.postMessage({ type: 'key-mismatch', participant }),
  keyMatch: (participant) => scope.postMessage({ type: 'key-match', participant }),
});
let pulse: ReturnType<typeof setInterval> | undefined;

scope.onmessage = ({ data }) => {
  switch (data.type) {
    case 'key':
      cryptor.setKey(data.key, data.self);
      break;
    case 'streams':
      void cryptor.protect(data.readable, data.writable, data.route);
      break;
    case 'forget':
      cryptor.forget(data.participant);
      break;
    case 'pulse':
      clearInterval(pulse);
      pulse = setInterval(() => scope.postMessage({ type: 'pulse' }), data.millis);
      break;
    case 'stats':
      scope.postMessage({
        type: 'stats',
        request: data.request,
        stats: { ...cryptor.costs(), coarseClock: !crossOriginIsolated },
      });
      break;
  }
};

scope.onrtctransform = ({ transformer }) => {
  // Without a valid route nothing is piped, so no frame passes unencrypted.
  if (isFrameRoute(transformer.options)) {
    void cryptor.protect(transformer.readable, transformer.writable, transformer.options, transformer);
  }
};
