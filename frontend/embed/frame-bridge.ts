import type { CallEventDetails } from '../call/call-events';
import { envelope, isTrustedHost, parseHostMessage, type FrameMessage, type HostMessage } from './embed-messages';
import { embedEvent, type EmbedEventDetails, type EmbedEventType } from './embed-events';

/** The fields of a key field the bridge uses. */
interface KeyInput {
  value: string;
}

/** The call element's side the bridge uses: its events and the key change. */
interface CallElement extends EventTarget {
  changeKey(keyField: never): Promise<void>;
}

/** What the bridge learned about its host; kept by the page, as a bridge started again must not forget it. */
export interface HostState {
  /** The origin of the first trusted message; the only one listened and spoken to from then on. */
  origin?: string;
  /** Whether `open` was run: it runs once per page. */
  opened: boolean;
}

export interface FrameBridgeOptions {
  readonly window: Pick<Window, 'parent' | 'addEventListener'> & {
    readonly location: { readonly ancestorOrigins?: DOMStringList };
  };
  /** `EMBED_ORIGINS`: the only pages whose messages count, and the only ones told anything. */
  readonly origins: readonly string[];
  readonly call: CallElement;
  /** The join form's key field, where a key from the host goes, as if typed. */
  readonly keyField: KeyInput;
  /** Where `e2ee-embed-open` and `e2ee-embed-command` are fired for the server. */
  readonly server: EventTarget;
  readonly ownCall: () => { readonly room: string; readonly name: string };
  /** A key field outside the page for a new key from the host. */
  readonly newKeyField: () => KeyInput;
  readonly host: HostState;
}

/**
 * Talks to the page that framed the call page. A message counts only when it comes from the
 * parent window, from an origin in `EMBED_ORIGINS`, and from the same origin as the first that
 * counted; everything the frame says goes to that origin only. Events come from the call
 * element's own `e2ee-call-*` events, the ones the server's component events are made of.
 */
/** Events about the other participants, which the host hears only after its own `joined`. */
const ABOUT_OTHERS: ReadonlySet<string> = new Set([
  'participant-joined',
  'participant-left',
  'key-mismatch',
  'key-match',
]);

export class FrameBridge {
  readonly #options: FrameBridgeOptions;
  readonly #stop = new AbortController();
  #joined = false;
  #held: FrameMessage[] = [];

  constructor(options: FrameBridgeOptions) {
    this.#options = options;
    const signal = this.#stop.signal;
    options.window.addEventListener('message', (event) => this.#receive(event), { signal });
    this.#relayCallEvents(signal);
    for (const origin of readyTargets(options.origins, options.window.location.ancestorOrigins)) {
      // delivered only if the parent's origin is this one; the browser drops the others
      options.window.parent.postMessage(envelope({ type: 'ready' }), origin);
    }
  }

  stop(): void {
    this.#stop.abort();
  }

  #receive(event: MessageEvent): void {
    const { origins, window } = this.#options;
    if (!isTrustedHost(event, window.parent, origins, this.#options.host.origin)) {
      return;
    }
    const message = parseHostMessage(event.data);
    if (!message) {
      return;
    }
    this.#options.host.origin = event.origin;
    this.#run(message);
  }

  #run(message: HostMessage): void {
    switch (message.type) {
      case 'open':
        // once per page: a later open must not refill the form during a call
        if (this.#options.host.opened) {
          return;
        }
        this.#options.host.opened = true;
        if (message.key !== undefined) {
          this.#options.keyField.value = message.key;
        }
        if (message.name !== undefined) {
          this.#fire('e2ee-embed-open', { name: message.name, join: message.key !== undefined });
        }
        break;
      case 'leave':
        this.#fire('e2ee-embed-command', { command: 'leave', on: false });
        break;
      case 'set-microphone':
        this.#fire('e2ee-embed-command', { command: 'microphone', on: message.on });
        break;
      case 'set-camera':
        this.#fire('e2ee-embed-command', { command: 'camera', on: message.on });
        break;
      case 'change-key': {
        // the key stays in this browser: a field of its own, read by the call element like the page's own
        const field = this.#options.newKeyField();
        field.value = message.key;
        void this.#options.call.changeKey(field as never);
        break;
      }
    }
  }

  #relayCallEvents(signal: AbortSignal): void {
    const on = <K extends keyof CallEventDetails>(
      type: K,
      relay: (detail: CallEventDetails[K]) => FrameMessage,
    ): void => {
      this.#options.call.addEventListener(
        type,
        (event) => this.#relay(relay((event as CustomEvent<CallEventDetails[K]>).detail)),
        {
          signal,
        },
      );
    };
    on('e2ee-call-connected', () => ({ type: 'event', event: 'joined', data: { ...this.#options.ownCall() } }));
    on('e2ee-call-participant-joined', (p) => ({
      type: 'event',
      event: 'participant-joined',
      data: { id: p.id, name: p.name },
    }));
    on('e2ee-call-participant-left', (p) => ({
      type: 'event',
      event: 'participant-left',
      data: { id: p.id, name: p.name },
    }));
    on('e2ee-call-key-mismatch', (p) => ({ type: 'event', event: 'key-mismatch', data: { id: p.id, name: p.name } }));
    on('e2ee-call-key-match', (p) => ({ type: 'event', event: 'key-match', data: { id: p.id, name: p.name } }));
    on('e2ee-call-key-changed', () => ({ type: 'event', event: 'key-changed', data: {} }));
    on('e2ee-call-left', () => ({ type: 'event', event: 'left', data: { reason: 'left' } }));
    on('e2ee-call-disconnected', ({ reason }) => ({ type: 'event', event: 'left', data: { reason } }));
    on('e2ee-call-error', ({ name, message }) => ({ type: 'event', event: 'error', data: { name, message } }));
  }

  /**
   * Posts call events in an order the host can rely on: `joined` before anything about the others.
   * An engine may meet the others before its own join completes; what it says of them waits.
   */
  #relay(message: FrameMessage): void {
    if (message.type !== 'event') {
      this.#post(message);
      return;
    }
    switch (message.event) {
      case 'joined':
        this.#joined = true;
        this.#post(message);
        this.#held.splice(0).forEach((held) => this.#post(held));
        return;
      case 'left':
        this.#joined = false;
        this.#held = [];
        break;
      case 'error':
        if (!this.#joined) {
          // a join that failed: the others it met are gone with it
          this.#held = [];
        }
        break;
      default:
        if (!this.#joined && ABOUT_OTHERS.has(message.event)) {
          this.#held.push(message);
          return;
        }
    }
    this.#post(message);
  }

  #post(message: FrameMessage): void {
    // nothing is said before a trusted host spoke, and then to its origin only
    const origin = this.#options.host.origin;
    if (origin !== undefined) {
      this.#options.window.parent.postMessage(envelope(message), origin);
    }
  }

  #fire<K extends EmbedEventType>(type: K, detail: EmbedEventDetails[K]): void {
    this.#options.server.dispatchEvent(embedEvent(type, detail));
  }
}

/**
 * Where to announce the frame: the parent's origin when the browser tells it
 * (`location.ancestorOrigins`) and it is allowed; otherwise every allowed origin, of which the
 * browser delivers only the one that matches the parent.
 */
export function readyTargets(
  origins: readonly string[],
  ancestorOrigins: DOMStringList | undefined,
): readonly string[] {
  if (ancestorOrigins === undefined || ancestorOrigins.length === 0) {
    return origins;
  }
  const parent = ancestorOrigins.item(0);
  return parent !== null && origins.includes(parent) ? [parent] : [];
}
