import {
  envelope,
  isTrustedFrame,
  parseFrameMessage,
  type EmbedEventName,
  type EmbedEvents,
  type HostMessage,
} from './embed-messages';

/**
 * `/embed.js`: the call page inside a portal's own page. Load it with a classic script tag from the
 * app, then `E2eeCall.open(container, { room, name, key })`. The key goes to the frame by
 * `postMessage` to the app's exact origin only: never into the iframe's address, never to a server.
 * Messages from the frame count only when they come from that iframe and that origin.
 */

/** What the iframe lets the call page use; the app's Permissions-Policy allows the same. */
export const ALLOW = 'camera; microphone; display-capture; fullscreen';

/** How long the page in the frame has to say it runs before the host hears an `error`. */
export const START_TIMEOUT_MILLIS = 10_000;

/** The `error` the host hears when the frame did not start, by what the host could find out. */
export const NOT_STARTED = {
  APP_UNREACHABLE: {
    name: 'APP_UNREACHABLE',
    message: 'The call app did not answer: it is down, or this browser cannot reach it.',
  },
  FRAME_NOT_STARTED: {
    name: 'FRAME_NOT_STARTED',
    message:
      'The call page did not start in its frame: the app does not list this site in EMBED_ORIGINS, ' +
      'or the browser blocked the page in the frame.',
  },
} as const;

export interface OpenOptions {
  /** The room: 1-64 letters a-z, digits or dashes; the call page says when it is not one. */
  readonly room: string;
  /** The display name; with a key too, the frame joins at once. Without one, the person types it. */
  readonly name?: string;
  /** The encryption key (8-256 characters); without one, the person types it in the frame. */
  readonly key?: string;
}

export type EmbedListener<K extends EmbedEventName> = (data: EmbedEvents[K]) => void;

/** The call in its iframe: events to listen to, and commands. */
export interface EmbeddedCall {
  readonly iframe: HTMLIFrameElement;
  on<K extends EmbedEventName>(event: K, listener: EmbedListener<K>): EmbeddedCall;
  off<K extends EmbedEventName>(event: K, listener: EmbedListener<K>): EmbeddedCall;
  /** Leaves the call and releases camera and microphone; `left` follows. */
  leave(): void;
  setMicrophone(on: boolean): void;
  setCamera(on: boolean): void;
  /** Switches the call to a new key; `key-changed` or `error` follows. */
  changeKey(newKey: string): void;
  /** Removes the iframe, which ends any call in it, and stops listening. */
  close(): void;
}

// The app is where this script came from; read while it runs, as currentScript is only set then.
const scriptSource =
  typeof document === 'undefined' ? undefined : (document.currentScript as HTMLScriptElement | null)?.src;

/** Puts the call page of `options.room` into `container` and returns its handle. */
export function open(container: Element, options: OpenOptions): EmbeddedCall {
  if (!scriptSource) {
    throw new Error('Load /embed.js with <script src="https://<the app>/embed.js"></script>, not as a module');
  }
  if (typeof options?.room !== 'string' || options.room === '') {
    throw new TypeError('E2eeCall.open needs a room');
  }
  return new FramedCall(container, new URL(scriptSource).origin, options);
}

class FramedCall implements EmbeddedCall {
  readonly iframe = document.createElement('iframe');
  readonly #appOrigin: string;
  readonly #options: OpenOptions;
  readonly #listeners = new Map<EmbedEventName, Set<(data: never) => void>>();
  readonly #stop = new AbortController();
  // commands given before the page in the frame listens
  #pending: HostMessage[] = [];
  #ready = false;
  // until the page in the frame speaks; then it reports for itself
  #startTimer?: ReturnType<typeof setTimeout>;

  constructor(container: Element, appOrigin: string, options: OpenOptions) {
    this.#appOrigin = appOrigin;
    this.#options = { room: options.room, name: options.name, key: options.key };
    this.iframe.src = `${appOrigin}/room/${encodeURIComponent(options.room)}`;
    this.iframe.allow = ALLOW;
    this.iframe.title = 'Video call';
    this.iframe.style.border = '0';
    this.iframe.style.width = '100%';
    this.iframe.style.height = '100%';
    window.addEventListener('message', (event) => this.#receive(event), { signal: this.#stop.signal });
    container.append(this.iframe);
    this.#startTimer = setTimeout(() => void this.#notStarted(), START_TIMEOUT_MILLIS);
  }

  on<K extends EmbedEventName>(event: K, listener: EmbedListener<K>): EmbeddedCall {
    let listeners = this.#listeners.get(event);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(event, listeners);
    }
    listeners.add(listener as (data: never) => void);
    return this;
  }

  off<K extends EmbedEventName>(event: K, listener: EmbedListener<K>): EmbeddedCall {
    this.#listeners.get(event)?.delete(listener as (data: never) => void);
    return this;
  }

  leave(): void {
    this.#send({ type: 'leave' });
  }

  setMicrophone(on: boolean): void {
    this.#send({ type: 'set-microphone', on: Boolean(on) });
  }

  setCamera(on: boolean): void {
    this.#send({ type: 'set-camera', on: Boolean(on) });
  }

  changeKey(newKey: string): void {
    this.#send({ type: 'change-key', key: String(newKey) });
  }

  close(): void {
    clearTimeout(this.#startTimer);
    this.#stop.abort();
    this.#listeners.clear();
    this.#pending = [];
    this.iframe.remove();
  }

  #receive(event: MessageEvent): void {
    if (!isTrustedFrame(event, this.iframe.contentWindow, this.#appOrigin)) {
      return;
    }
    const message = parseFrameMessage(event.data);
    if (!message) {
      return;
    }
    clearTimeout(this.#startTimer);
    if (message.type === 'ready') {
      // a reloaded page in the frame asks again
      this.#ready = true;
      const { name, key } = this.#options;
      this.#post({ type: 'open', ...(name === undefined ? {} : { name }), ...(key === undefined ? {} : { key }) });
      const pending = this.#pending;
      this.#pending = [];
      pending.forEach((command) => this.#post(command));
      return;
    }
    this.#emit(message.event, message.data);
  }

  #emit<K extends EmbedEventName>(name: K, data: EmbedEvents[K]): void {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) {
      try {
        (listener as (data: EmbedEvents[K]) => void)(data);
      } catch (error) {
        // one failing listener must not keep the event from the others
        reportError(error);
      }
    }
  }

  /** The frame never said it runs: tell the host why, as far as it can be seen from here. */
  async #notStarted(): Promise<void> {
    let reachable = true;
    try {
      // an opaque answer is enough: it shows that the app answers at all
      await fetch(`${this.#appOrigin}/embed.js`, { mode: 'no-cors', cache: 'no-store', signal: this.#stop.signal });
    } catch {
      reachable = false;
    }
    if (!this.#stop.signal.aborted && !this.#ready) {
      this.#emit('error', reachable ? NOT_STARTED.FRAME_NOT_STARTED : NOT_STARTED.APP_UNREACHABLE);
    }
  }

  #send(command: HostMessage): void {
    if (this.#ready) {
      this.#post(command);
    } else {
      this.#pending.push(command);
    }
  }

  #post(message: HostMessage): void {
    // to the app's exact origin: should the frame have been navigated elsewhere, the browser drops it
    this.iframe.contentWindow?.postMessage(envelope(message), this.#appOrigin);
  }
}
