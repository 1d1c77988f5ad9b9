// @ts-check
/**
 * A stand-in for OpenTok.js 2.35.2 in browser tests, served in place of the bundled OpenTok.js
 * chunk. It offers the part of the OpenTok.js API that <e2ee-video-call> uses, with the same
 * names, signatures, event names and event shapes, but no network: the own camera is real
 * (getUserMedia), remote participants are made up by the test through `window.otDouble`.
 *
 * What it offers is declared below (`OpenTokApi`, `SessionApi`, ...) and held to the real library
 * twice: by type in `.ci/check-frontend` (tsc with `.ci/frontend/tsconfig.double.json`: this file
 * against the API it declares, that API and its events against OpenTok.js's own type definitions,
 * the engine against that API alone), and at run time by `OpenTokDoubleContractIT` (the objects
 * against the real ones in the browser). Everything else is kept in private fields, so the double
 * offers no name the real objects lack.
 *
 * Settings a test can give before the page loads, as `window.otDoubleSetup`:
 * `{ connectError?: string, e2eeSupported?: boolean, systemRequirements?: number }`.
 */

// The double's own types, not OpenTok.js's, so that the engine can be compiled against the double
// alone; the contract check holds each of them to OpenTok.js's (the options: OpenTok.js accepts
// every one the double takes).
/** @typedef {{ name: string, message: string }} OTError */
/** @typedef {'auto' | 'on' | 'off'} DisplayMode */
/**
 * The widget's place and size; the double draws a box there.
 * @typedef {{
 *   insertMode?: 'replace' | 'after' | 'before' | 'append',
 *   width?: string | number,
 *   height?: string | number,
 * }} WidgetProperties
 */
/**
 * `style` is taken and ignored: the double draws no name and no buttons.
 * @typedef {WidgetProperties & {
 *   name?: string,
 *   publishAudio?: boolean,
 *   publishVideo?: boolean,
 *   audioSource?: string | null,
 *   videoSource?: string | null,
 *   style?: { nameDisplayMode?: DisplayMode, buttonDisplayMode?: DisplayMode },
 * }} PublisherProperties
 */
/** @typedef {WidgetProperties & { style?: { nameDisplayMode?: DisplayMode } }} SubscriberProperties */
/** @typedef {{ encryptionSecret?: string }} SessionOptions */
/**
 * What `checkScreenSharingCapability` reports.
 * @typedef {{
 *   supported: boolean,
 *   extensionRequired?: string,
 *   extensionInstalled?: boolean,
 *   extensionRegistered?: boolean,
 *   supportedSources: { application?: boolean, screen?: boolean, window?: boolean, browser?: boolean },
 * }} ScreenSharingCapabilityResponse
 */
/** @typedef {(error?: OTError) => void} CompletionHandler */

/**
 * @template Type, Target
 * @typedef {{
 *   type: Type,
 *   cancelable: boolean,
 *   target: Target,
 *   isDefaultPrevented(): boolean,
 *   preventDefault(): void,
 * }} EventApi
 */

/** @typedef {{ connectionId: string, creationTime: number, data: string }} ConnectionApi */

/**
 * @typedef {{
 *   connection: ConnectionApi,
 *   creationTime: number,
 *   hasAudio: boolean,
 *   hasCaptions: boolean,
 *   hasVideo: boolean,
 *   initials: string,
 *   name: string,
 *   streamId: string,
 *   videoDimensions: { width: number, height: number },
 *   videoType: 'camera' | 'screen' | 'custom' | undefined,
 * }} StreamApi
 */

/**
 * on, once and off for the events in `Events`, as OpenTok.js's emitters have them.
 * @template Events
 * @typedef {{
 *   on<K extends keyof Events>(type: K, callback: (event: Events[K]) => void, context?: object): void,
 *   once<K extends keyof Events>(type: K, callback: (event: Events[K]) => void, context?: object): void,
 *   off<K extends keyof Events>(type?: K, callback?: (event: Events[K]) => void, context?: object): void,
 * }} EmitterApi
 */

/**
 * @typedef {{
 *   sessionConnected: EventApi<'sessionConnected', SessionApi>,
 *   sessionDisconnected: EventApi<'sessionDisconnected', SessionApi> & { reason: string },
 *   sessionReconnecting: EventApi<'sessionReconnecting', SessionApi>,
 *   sessionReconnected: EventApi<'sessionReconnected', SessionApi>,
 *   streamCreated: EventApi<'streamCreated', SessionApi> & { stream: StreamApi },
 *   streamDestroyed: EventApi<'streamDestroyed', SessionApi> & { stream: StreamApi, reason: string },
 *   streamPropertyChanged: EventApi<'streamPropertyChanged', SessionApi> & { stream: StreamApi }
 *     & { changedProperty: 'hasAudio' | 'hasCaptions' | 'hasVideo' | 'videoDimensions', oldValue: unknown, newValue: unknown },
 * }} SessionEvents
 */

/**
 * @typedef {{
 *   accessAllowed: EventApi<'accessAllowed', PublisherApi>,
 *   accessDenied: EventApi<'accessDenied', PublisherApi>,
 *   mediaStopped: EventApi<'mediaStopped', PublisherApi> & { track: MediaStreamTrack | undefined },
 *   audioLevelUpdated: EventApi<'audioLevelUpdated', PublisherApi> & { audioLevel: number },
 *   destroyed: EventApi<'destroyed', PublisherApi>,
 *   streamCreated: EventApi<'streamCreated', PublisherApi> & { stream: StreamApi },
 *   streamDestroyed: EventApi<'streamDestroyed', PublisherApi> & { stream: StreamApi, reason: string },
 *   videoElementCreated: EventApi<'videoElementCreated', PublisherApi> & { element: HTMLVideoElement | HTMLObjectElement },
 * }} PublisherEvents
 */

/**
 * @typedef {{
 *   audioLevelUpdated: EventApi<'audioLevelUpdated', SubscriberApi> & { audioLevel: number },
 *   connected: EventApi<'connected', SubscriberApi>,
 *   destroyed: EventApi<'destroyed', SubscriberApi> & { reason: string },
 *   encryptionSecretMismatch: EventApi<'encryptionSecretMismatch', SubscriberApi>,
 *   encryptionSecretMatch: EventApi<'encryptionSecretMatch', SubscriberApi>,
 * }} SubscriberEvents
 */

/**
 * @typedef {EmitterApi<SessionEvents> & {
 *   sessionId: string,
 *   connection?: ConnectionApi,
 *   connect(token: string, completion: CompletionHandler): SessionApi,
 *   publish(publisher: PublisherApi, completion?: CompletionHandler): PublisherApi,
 *   unpublish(publisher: PublisherApi): void,
 *   subscribe(stream: StreamApi, target?: HTMLElement | string, properties?: SubscriberProperties,
 *     completion?: CompletionHandler): SubscriberApi,
 *   unsubscribe(subscriber: SubscriberApi): void,
 *   disconnect(): Promise<void>,
 *   setEncryptionSecret(secret: string): Promise<void>,
 * }} SessionApi
 */

/**
 * @typedef {EmitterApi<PublisherEvents> & {
 *   accessAllowed: boolean,
 *   element?: HTMLElement,
 *   id?: string,
 *   stream?: StreamApi,
 *   session?: SessionApi,
 *   publishAudio(value: boolean): PublisherApi,
 *   publishVideo(value: boolean, completion?: CompletionHandler): PublisherApi,
 *   setVideoSource(videoSourceId: string): Promise<undefined>,
 *   setAudioSource(audioSource: string): Promise<undefined>,
 *   getVideoSource(): { deviceId: string | null, type: string | null, track: MediaStreamTrack | null },
 *   getAudioSource(): MediaStreamTrack,
 *   destroy(): PublisherApi,
 * }} PublisherApi
 */

/**
 * @typedef {EmitterApi<SubscriberEvents> & {
 *   element?: HTMLElement,
 *   id?: string,
 *   stream?: StreamApi,
 * }} SubscriberApi
 */

/**
 * @typedef {{
 *   initSession(apiKey: string, sessionId: string, options?: SessionOptions): SessionApi,
 *   initPublisher(target?: HTMLElement | string, properties?: PublisherProperties,
 *     completion?: CompletionHandler): PublisherApi,
 *   checkSystemRequirements(): number,
 *   checkScreenSharingCapability(callback?: (response: ScreenSharingCapabilityResponse) => void):
 *     Promise<ScreenSharingCapabilityResponse>,
 *   hasEndToEndEncryptionSupport(): boolean,
 *   setAudioOutputDevice(deviceId: string): Promise<void>,
 * }} OpenTokApi
 */

/** @typedef {{ target: string, method: string, args: unknown[] }} CallRecord */
/**
 * @typedef {{ streamId?: string, name?: string, connectionData?: string, videoType?: 'camera' | 'screen' }} RemoteStreamSpec
 */
/** @typedef {{ connectError?: string | null, e2eeSupported?: boolean, systemRequirements?: number }} Setup */

const MIN_SECRET_LENGTH = 8;
const MAX_SECRET_LENGTH = 256;

/** @type {Window & { otDoubleSetup?: Setup, otDouble?: unknown }} */
const page = window;
const setup = page.otDoubleSetup ?? {};

const settings = {
  /** @type {string | null} the error name every connect() fails with, or null */
  connectError: setup.connectError ?? null,
  e2eeSupported: setup.e2eeSupported ?? true,
  systemRequirements: setup.systemRequirements ?? 1,
};

/** @type {CallRecord[]} */
const calls = [];
/** @type {Map<string, Session>} */
const sessions = new Map();
/** @type {Publisher[]} */
const publishers = [];
let sequence = 0;

/** @param {string} prefix */
function nextId(prefix) {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/**
 * What OpenTok.js asks getUserMedia for, given a publisher's audioSource or videoSource.
 * @param {string | null | undefined} source a device id, none (null) or the default (undefined)
 * @returns {boolean | MediaTrackConstraints}
 */
function sourceConstraint(source) {
  if (source === null) {
    return false;
  }
  return source === undefined ? true : { deviceId: { exact: source } };
}

/**
 * @param {string} name
 * @param {string} message
 * @returns {OTError}
 */
function otError(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * Copies an argument, all the way down, into something a test can read back through Playwright's
 * evaluate(): strings, numbers and option objects as they are; the double's own objects and
 * elements by name (an element with its markup), functions as 'function', a cycle as 'cycle'.
 * @param {unknown} value
 * @param {Set<object>} [seen]
 * @returns {unknown}
 */
function plain(value, seen = new Set()) {
  if (value instanceof Publisher) {
    return `publisher:${value.id}`;
  }
  if (value instanceof Subscriber) {
    return `subscriber:${value.id}`;
  }
  if (value instanceof Session) {
    return `session:${value.sessionId}`;
  }
  if (value instanceof Element) {
    return { element: value.localName, html: value.outerHTML };
  }
  if (typeof value === 'function') {
    return 'function';
  }
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'bigint' || typeof value === 'symbol' ? String(value) : value;
  }
  if (seen.has(value)) {
    return 'cycle';
  }
  seen.add(value);
  if (Array.isArray(value)) {
    return value.map((entry) => plain(entry, seen));
  }
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plain(entry, seen)]));
}

/**
 * Every call into the double, with every argument, so that tests can see where a value went.
 * @param {string} target 'OT', 'session', 'publisher' or 'subscriber'
 * @param {string} method
 * @param {unknown[]} args
 */
function record(target, method, args) {
  calls.push({ target, method, args: args.map((arg) => plain(arg)) });
}

/** @param {() => void} task */
function later(task) {
  setTimeout(task, 0);
}

/**
 * Puts a widget next to or into its target the way OpenTok.js's insertMode does.
 * @param {HTMLElement} widget
 * @param {HTMLElement | string | undefined} target
 * @param {WidgetProperties} properties
 */
function insertWidget(widget, target, properties) {
  widget.style.width = cssSize(properties.width, '264px');
  widget.style.height = cssSize(properties.height, '198px');
  const element = typeof target === 'string' ? document.getElementById(target) : target;
  if (!element) {
    document.body.append(widget);
    return;
  }
  switch (properties.insertMode ?? 'replace') {
    case 'append':
      element.append(widget);
      break;
    case 'before':
      element.before(widget);
      break;
    case 'after':
      element.after(widget);
      break;
    default:
      element.replaceWith(widget);
  }
}

/**
 * @param {string | number | undefined} size
 * @param {string} fallback
 */
function cssSize(size, fallback) {
  if (size === undefined) {
    return fallback;
  }
  return typeof size === 'number' ? `${size}px` : size;
}

/**
 * An OpenTok.js event object: type, target, cancelable and the default-action switch.
 * @template {string} Type
 * @template Target
 * @implements {EventApi<Type, Target>}
 */
class DoubleEvent {
  #defaultPrevented = false;

  /**
   * @param {Type} type
   * @param {Target} target
   * @param {Record<string, unknown>} [properties]
   * @param {boolean} [cancelable]
   */
  constructor(type, target, properties = {}, cancelable = false) {
    this.type = type;
    this.target = target;
    this.cancelable = cancelable;
    Object.assign(this, properties);
  }

  isDefaultPrevented() {
    return this.#defaultPrevented;
  }

  preventDefault() {
    if (this.cancelable) {
      this.#defaultPrevented = true;
    }
  }
}

/** @typedef {{ type: string, callback: Function, context: object | undefined, once: boolean }} Listener */

/**
 * on / once / off as OpenTok.js has them, for event names (not event maps).
 * @template Events
 * @implements {EmitterApi<Events>}
 */
class Emitter {
  /** @type {Listener[]} */
  #listeners = [];
  #kind;

  /** @param {string} kind what calls on this emitter are recorded as */
  constructor(kind) {
    this.#kind = kind;
  }

  /**
   * @template {keyof Events} K
   * @param {K} type
   * @param {(event: Events[K]) => void} callback
   * @param {object} [context]
   */
  on(type, callback, context) {
    record(this.#kind, 'on', [type, callback, context]);
    this.#listeners.push({ type: String(type), callback, context, once: false });
  }

  /**
   * @template {keyof Events} K
   * @param {K} type
   * @param {(event: Events[K]) => void} callback
   * @param {object} [context]
   */
  once(type, callback, context) {
    record(this.#kind, 'once', [type, callback, context]);
    this.#listeners.push({ type: String(type), callback, context, once: true });
  }

  /**
   * Without arguments removes every handler, with a type all of that type.
   * @template {keyof Events} K
   * @param {K} [type]
   * @param {(event: Events[K]) => void} [callback]
   * @param {object} [context]
   */
  off(type, callback, context) {
    record(this.#kind, 'off', [type, callback, context]);
    this.#listeners = this.#listeners.filter(
      (listener) =>
        (type !== undefined && listener.type !== type) ||
        (callback !== undefined && listener.callback !== callback) ||
        (context !== undefined && listener.context !== context),
    );
  }

  /**
   * Fires an event of this emitter; not part of OpenTok.js's API, so it is static.
   * @param {Emitter<any>} emitter
   * @param {string} type
   * @param {Record<string, unknown>} [properties]
   * @param {boolean} [cancelable]
   */
  static trigger(emitter, type, properties, cancelable) {
    const event = new DoubleEvent(type, emitter, properties, cancelable);
    for (const listener of [...emitter.#listeners]) {
      if (listener.type !== event.type) {
        continue;
      }
      if (listener.once) {
        emitter.#listeners = emitter.#listeners.filter((other) => other !== listener);
      }
      listener.callback.call(listener.context ?? emitter, event);
    }
    return event;
  }

  /** @param {Emitter<any>} emitter */
  static listenerCount(emitter) {
    return emitter.#listeners.length;
  }
}

const trigger = Emitter.trigger;

/**
 * @extends {Emitter<PublisherEvents>}
 * @implements {PublisherApi}
 */
class Publisher extends Emitter {
  /** @type {MediaStreamTrack[]} */
  #tracks = [];
  #audioOn;
  #videoOn;
  #name;
  /** Whether it sends a screen (`videoSource: 'screen'`), from getDisplayMedia, with no sound. */
  #screen;
  /** @type {string | null | undefined} the camera asked for: a device id, none (null) or the default */
  #videoSource;
  /** @type {string | null | undefined} the microphone asked for, likewise */
  #audioSource;
  #destroyed = false;
  /** @type {Promise<OTError | undefined>} settles with the reason the camera could not start, or undefined once it runs */
  #ready;

  /**
   * @param {HTMLElement | string | undefined} target
   * @param {PublisherProperties} properties
   * @param {CompletionHandler | undefined} completion
   */
  constructor(target, properties, completion) {
    super('publisher');
    this.id = nextId('publisher');
    this.accessAllowed = false;
    // like OpenTok.js's, a publisher has a stream and a session only once it is published
    /** @type {StreamApi | undefined} */
    this.stream;
    /** @type {Session | undefined} */
    this.session;
    this.#audioOn = properties.publishAudio ?? true;
    this.#videoOn = properties.publishVideo ?? true;
    this.#name = properties.name ?? '';
    this.#screen = properties.videoSource === 'screen';
    this.#videoSource = properties.videoSource;
    this.#audioSource = properties.audioSource;
    /** @type {HTMLElement} */
    this.element = document.createElement('div');
    this.element.className = 'OT_root OT_publisher';
    insertWidget(this.element, target, properties);
    this.#ready = this.#startCamera().then((error) => {
      completion?.(error);
      return error;
    });
  }

  /** @returns {Promise<OTError | undefined>} */
  async #startCamera() {
    /** @type {MediaStream} */
    let media;
    try {
      media = this.#screen
        ? await navigator.mediaDevices.getDisplayMedia({ video: true })
        : await navigator.mediaDevices.getUserMedia({
            audio: sourceConstraint(this.#audioSource),
            video: sourceConstraint(this.#videoSource),
          });
    } catch (cause) {
      trigger(this, 'accessDenied');
      const message = cause instanceof Error ? cause.message : String(cause);
      return otError('OT_USER_MEDIA_ACCESS_DENIED', message);
    }
    this.#tracks = media.getTracks();
    // like OpenTok.js: a track the browser ends (its "Stop sharing" bar) stops the publisher's media
    for (const track of this.#tracks) {
      track.addEventListener('ended', () => trigger(this, 'mediaStopped', { track }), { once: true });
    }
    if (this.#destroyed) {
      this.#stopTracks();
      return otError('OT_CANCEL', 'The publisher was destroyed before its camera started');
    }
    this.accessAllowed = true;
    this.#applyEnabled();
    const video = document.createElement('video');
    video.autoplay = true;
    video.muted = true;
    video.playsInline = true;
    video.srcObject = media;
    video.style.width = '100%';
    video.style.height = '100%';
    video.style.objectFit = 'cover';
    this.element.append(video);
    trigger(this, 'accessAllowed');
    trigger(this, 'videoElementCreated', { element: video });
    return undefined;
  }

  /** @param {boolean} value */
  publishAudio(value) {
    record('publisher', 'publishAudio', [value]);
    this.#audioOn = value;
    this.#applyEnabled();
    return this;
  }

  /**
   * @param {boolean} value
   * @param {CompletionHandler} [completion]
   */
  publishVideo(value, completion) {
    record('publisher', 'publishVideo', [value, completion]);
    this.#videoOn = value;
    this.#applyEnabled();
    completion?.();
    return this;
  }

  /**
   * Like OpenTok.js, switches the camera of a publisher that has one.
   * @param {string} videoSourceId
   * @returns {Promise<undefined>}
   */
  async setVideoSource(videoSourceId) {
    record('publisher', 'setVideoSource', [videoSourceId]);
    await this.#switchTrack('video', videoSourceId);
    return undefined;
  }

  /**
   * Like OpenTok.js, switches the microphone of a publisher that has one.
   * @param {string} audioSource a device id (OpenTok.js also takes a track, which the engine never hands it)
   * @returns {Promise<undefined>}
   */
  async setAudioSource(audioSource) {
    record('publisher', 'setAudioSource', [audioSource]);
    await this.#switchTrack('audio', audioSource);
    return undefined;
  }

  getVideoSource() {
    const track = this.#tracks.find((each) => each.kind === 'video') ?? null;
    return { deviceId: track?.getSettings().deviceId ?? null, type: track ? (this.#screen ? 'screen' : 'camera') : null, track };
  }

  /** @returns {MediaStreamTrack} */
  getAudioSource() {
    // OpenTok.js declares a track; a publisher without sound has none
    return /** @type {MediaStreamTrack} */ (this.#tracks.find((each) => each.kind === 'audio'));
  }

  /**
   * @param {'audio' | 'video'} kind
   * @param {string} deviceId
   */
  async #switchTrack(kind, deviceId) {
    const old = this.#tracks.find((each) => each.kind === kind);
    if (!old || this.#screen || this.#destroyed) {
      throw otError(kind === 'video' ? 'OT_SET_VIDEO_SOURCE_FAILURE' : 'OT_NOT_SUPPORTED',
        `The publisher has no ${kind === 'video' ? 'camera' : 'microphone'} to switch`);
    }
    const media = await navigator.mediaDevices.getUserMedia({ [kind]: { deviceId: { exact: deviceId } } });
    const [track] = media.getTracks();
    track.enabled = old.enabled;
    this.#tracks = [...this.#tracks.filter((each) => each !== old), track];
    old.stop();
    const video = this.element.querySelector('video');
    if (video) {
      video.srcObject = new MediaStream(this.#tracks);
    }
  }

  /**
   * Stops the camera and microphone and takes the widget out of the page.
   * @param {string} [_reason] OpenTok.js's own, for its internal calls; unused here
   * @param {boolean} [_quiet] the same
   */
  destroy(_reason, _quiet) {
    if (this.#destroyed) {
      return this;
    }
    record('publisher', 'destroy', []);
    this.#destroyed = true;
    this.session && Session.unpublishStream(this.session, this);
    this.#stopTracks();
    this.element.remove();
    trigger(this, 'destroyed');
    return this;
  }

  #applyEnabled() {
    for (const track of this.#tracks) {
      track.enabled = track.kind === 'audio' ? this.#audioOn : this.#videoOn;
    }
  }

  #stopTracks() {
    for (const track of this.#tracks) {
      track.stop();
    }
  }

  /** @param {Publisher} publisher */
  static ready(publisher) {
    return publisher.#ready;
  }

  /** @param {Publisher} publisher */
  static isDestroyed(publisher) {
    return publisher.#destroyed;
  }

  /** @param {Publisher} publisher */
  static nameOf(publisher) {
    return publisher.#name;
  }

  /** @param {Publisher} publisher */
  static isScreen(publisher) {
    return publisher.#screen;
  }

  /** @param {Publisher} publisher */
  static tracksOf(publisher) {
    return publisher.#tracks;
  }
}

/**
 * @extends {Emitter<SubscriberEvents>}
 * @implements {SubscriberApi}
 */
class Subscriber extends Emitter {
  /**
   * @param {StreamApi} stream
   * @param {HTMLElement | string | undefined} target
   * @param {SubscriberProperties} properties
   */
  constructor(stream, target, properties) {
    super('subscriber');
    this.id = nextId('subscriber');
    /** @type {StreamApi | undefined} */
    this.stream = stream;
    /** @type {HTMLElement} */
    this.element = document.createElement('div');
    this.element.className = 'OT_root OT_subscriber';
    this.element.dataset.streamId = stream.streamId;
    insertWidget(this.element, target, properties);
  }

  /**
   * Like OpenTok.js, a subscriber goes with its stream or its session.
   * @param {Subscriber} subscriber
   * @param {string} reason
   */
  static destroy(subscriber, reason) {
    if (!subscriber.stream) {
      return;
    }
    subscriber.stream = undefined;
    subscriber.element.remove();
    trigger(subscriber, 'destroyed', { reason });
  }
}

/**
 * @extends {Emitter<SessionEvents>}
 * @implements {SessionApi}
 */
class Session extends Emitter {
  #encryptionSecret;
  /** @type {'disconnected' | 'connecting' | 'connected' | 'disconnecting'} */
  #state = 'disconnected';
  /** @type {Map<string, StreamApi>} */
  #remoteStreams = new Map();
  /** @type {Subscriber[]} */
  #subscribers = [];
  /** @type {Publisher[]} */
  #publishers = [];

  /**
   * @param {string} sessionId
   * @param {SessionOptions} options
   */
  constructor(sessionId, options) {
    super('session');
    this.sessionId = sessionId;
    this.#encryptionSecret = options.encryptionSecret;
    /** @type {ConnectionApi | undefined} */
    this.connection = undefined;
  }

  /**
   * Takes its arguments by position, as OpenTok.js does (so its arity is 0, as OpenTok.js's).
   * @param {[token: string, completion: CompletionHandler]} args
   */
  connect(...args) {
    const [token, completion] = args;
    record('session', 'connect', [token, completion]);
    this.#state = 'connecting';
    later(() => {
      if (this.#state !== 'connecting') {
        completion(otError('OT_CANCEL', 'disconnect() was called while connecting'));
        return;
      }
      const failure = this.#connectFailure();
      if (failure) {
        this.#state = 'disconnected';
        completion(failure);
        return;
      }
      this.#state = 'connected';
      this.connection = { connectionId: nextId('connection'), creationTime: Date.now(), data: '' };
      trigger(this, 'sessionConnected');
      completion();
    });
    return this;
  }

  /** @returns {OTError | undefined} */
  #connectFailure() {
    if (settings.connectError) {
      return otError(settings.connectError, `connect() failed with ${settings.connectError}`);
    }
    if (this.#encryptionSecret !== undefined && !settings.e2eeSupported) {
      return otError('OT_UNSUPPORTED_BROWSER', 'E2E Encryption is not supported in your browser.');
    }
    if (this.#encryptionSecret !== undefined && !isValidSecret(this.#encryptionSecret)) {
      return otError('OT_INVALID_ENCRYPTION_SECRET', 'Invalid encryptionSecret');
    }
    return undefined;
  }

  /**
   * Like OpenTok.js, takes the completion handler second or third.
   * @param {Publisher} publisher
   * @param {CompletionHandler | PublisherProperties} [properties]
   * @param {CompletionHandler} [handler]
   */
  publish(publisher, properties, handler) {
    record('session', 'publish', [publisher, properties, handler]);
    const completion = typeof properties === 'function' ? properties : handler;
    if (this.#state !== 'connected') {
      later(() => completion?.(otError('OT_NOT_CONNECTED', 'Connect to the session before publishing')));
      return publisher;
    }
    Publisher.ready(publisher).then((error) => {
      if (error || Publisher.isDestroyed(publisher)) {
        completion?.(error ?? otError('OT_CANCEL', 'The publisher was destroyed before it could be published'));
        return;
      }
      if (this.#encryptionSecret === undefined) {
        completion?.(otError('OT_STREAM_CREATE_FAILED', 'An end-to-end encrypted session needs an encryption secret'));
        return;
      }
      const connection = this.connection ?? { connectionId: nextId('connection'), creationTime: Date.now(), data: '' };
      publisher.stream = makeStream(nextId('stream'), Publisher.nameOf(publisher), connection,
        Publisher.isScreen(publisher) ? 'screen' : 'camera');
      publisher.session = this;
      this.#publishers.push(publisher);
      trigger(publisher, 'streamCreated', { stream: publisher.stream });
      completion?.();
    });
    return publisher;
  }

  /** @param {Publisher} publisher */
  unpublish(publisher) {
    record('session', 'unpublish', [publisher]);
    Session.unpublishStream(this, publisher);
  }

  /**
   * Like OpenTok.js, an unpublished publisher is destroyed unless its streamDestroyed is prevented.
   * @param {Session} session
   * @param {Publisher} publisher
   */
  static unpublishStream(session, publisher) {
    if (publisher.session !== session || !publisher.stream) {
      return;
    }
    const stream = publisher.stream;
    publisher.stream = undefined;
    publisher.session = undefined;
    session.#publishers = session.#publishers.filter((other) => other !== publisher);
    const event = trigger(publisher, 'streamDestroyed', { stream, reason: 'unpublished' }, true);
    if (!event.isDefaultPrevented()) {
      publisher.destroy();
    }
  }

  /**
   * @param {StreamApi} stream
   * @param {HTMLElement | string} [target]
   * @param {SubscriberProperties} [properties]
   * @param {CompletionHandler} [completion]
   */
  subscribe(stream, target, properties, completion) {
    record('session', 'subscribe', [stream, target, properties, completion]);
    const subscriber = new Subscriber(stream, target, properties ?? {});
    this.#subscribers.push(subscriber);
    later(() => {
      if (this.#state !== 'connected' || !this.#remoteStreams.has(stream.streamId)) {
        Subscriber.destroy(subscriber, 'subscribeFailed');
        completion?.(otError('OT_UNABLE_TO_SUBSCRIBE', `Stream ${stream.streamId} is not available`));
        return;
      }
      trigger(subscriber, 'connected');
      completion?.();
    });
    return subscriber;
  }

  /** @param {Subscriber} subscriber */
  unsubscribe(subscriber) {
    record('session', 'unsubscribe', [subscriber]);
    if (!subscriber.stream) {
      return;
    }
    this.#subscribers = this.#subscribers.filter((other) => other !== subscriber);
    Subscriber.destroy(subscriber, 'Unsubscribe');
  }

  /** @returns {Promise<void>} */
  disconnect() {
    record('session', 'disconnect', []);
    if (this.#state === 'disconnected') {
      return Promise.resolve();
    }
    this.#state = 'disconnecting';
    return new Promise((resolve) => {
      later(() => {
        Session.end(this, 'clientDisconnected');
        resolve();
      });
    });
  }

  /**
   * Like OpenTok.js, rejects secrets of a wrong length, and does nothing on a session that was
   * created without one.
   * @param {string} secret
   * @returns {Promise<void>}
   */
  async setEncryptionSecret(secret) {
    record('session', 'setEncryptionSecret', [secret]);
    if (this.#encryptionSecret === undefined) {
      return;
    }
    if (!isValidSecret(secret)) {
      throw otError('OT_INVALID_ENCRYPTION_SECRET', 'setEncryptionSecret: the secret must be 8 to 256 characters');
    }
    this.#encryptionSecret = secret;
  }

  /** @param {Session} session */
  static isConnected(session) {
    return session.#state === 'connected';
  }

  /**
   * Ends the connection; like OpenTok.js, destroys subscribers and publishers unless prevented.
   * @param {Session} session
   * @param {string} reason
   */
  static end(session, reason) {
    session.#state = 'disconnected';
    session.connection = undefined;
    session.#remoteStreams.clear();
    const event = trigger(session, 'sessionDisconnected', { reason }, true);
    if (event.isDefaultPrevented()) {
      return;
    }
    for (const subscriber of session.#subscribers) {
      Subscriber.destroy(subscriber, reason);
    }
    session.#subscribers = [];
    for (const publisher of [...session.#publishers]) {
      publisher.destroy();
    }
    session.#publishers = [];
  }

  /**
   * A remote participant's stream, with a name of its client's choosing and the connection data
   * of its token, which need not agree.
   * @param {Session} session
   * @param {RemoteStreamSpec} spec
   */
  static addRemote(session, spec) {
    const connection = {
      connectionId: nextId('connection'),
      creationTime: Date.now(),
      data: spec.connectionData ?? '',
    };
    const stream = makeStream(spec.streamId ?? nextId('stream'), spec.name ?? '', connection, spec.videoType ?? 'camera');
    session.#remoteStreams.set(stream.streamId, stream);
    trigger(session, 'streamCreated', { stream }, true);
    return stream.streamId;
  }

  /**
   * A remote publisher turned sound or video on or off: the stream changes, and the session says so.
   * @param {Session} session
   * @param {string} streamId
   * @param {'hasAudio' | 'hasVideo'} property
   * @param {boolean} value
   */
  static changeRemote(session, streamId, property, value) {
    const stream = session.#remoteStreams.get(streamId);
    if (!stream) {
      throw new Error(`otDouble: no remote stream ${streamId}`);
    }
    const oldValue = stream[property];
    stream[property] = value;
    trigger(session, 'streamPropertyChanged', { stream, changedProperty: property, oldValue, newValue: value });
  }

  /**
   * @param {Session} session
   * @param {string} streamId
   */
  static removeRemote(session, streamId) {
    const stream = session.#remoteStreams.get(streamId);
    if (!stream) {
      throw new Error(`otDouble: no remote stream ${streamId}`);
    }
    session.#remoteStreams.delete(streamId);
    const event = trigger(session, 'streamDestroyed', { stream, reason: 'clientDisconnected' }, true);
    if (event.isDefaultPrevented()) {
      return;
    }
    for (const subscriber of Session.subscribersFor(session, streamId)) {
      Subscriber.destroy(subscriber, 'streamDestroyed');
    }
    session.#subscribers = session.#subscribers.filter((subscriber) => subscriber.stream !== undefined);
  }

  /**
   * @param {Session} session
   * @param {string} streamId
   */
  static subscribersFor(session, streamId) {
    return session.#subscribers.filter((subscriber) => subscriber.stream?.streamId === streamId);
  }
}

/**
 * @param {string} streamId
 * @param {string} name
 * @param {ConnectionApi} connection
 * @param {'camera' | 'screen'} videoType
 * @returns {StreamApi}
 */
function makeStream(streamId, name, connection, videoType) {
  return {
    streamId,
    name,
    connection,
    creationTime: Date.now(),
    hasAudio: true,
    hasCaptions: false,
    hasVideo: true,
    initials: '',
    videoDimensions: { width: 640, height: 480 },
    videoType,
    // a screen publisher sends no sound
    ...(videoType === 'screen' ? { hasAudio: false } : {}),
  };
}

/** @param {string} secret */
function isValidSecret(secret) {
  return typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH && secret.length <= MAX_SECRET_LENGTH;
}

function connectedSession() {
  const session = [...sessions.values()].find(Session.isConnected);
  if (!session) {
    throw new Error('otDouble: no connected session');
  }
  return session;
}

/** @param {string} streamId */
function subscribersOf(streamId) {
  const subscribers = Session.subscribersFor(connectedSession(), streamId);
  if (subscribers.length === 0) {
    throw new Error(`otDouble: nobody subscribed to stream ${streamId}`);
  }
  return subscribers;
}

/** @type {OpenTokApi} */
const openTok = {
  /**
   * Like OpenTok.js, hands out the same Session again for a session id.
   * @param {string} apiKey
   * @param {string} sessionId
   * @param {SessionOptions} [options]
   */
  initSession(apiKey, sessionId, options) {
    record('OT', 'initSession', [apiKey, sessionId, options]);
    let session = sessions.get(sessionId);
    if (!session) {
      session = new Session(sessionId, options ?? {});
      sessions.set(sessionId, session);
    }
    return session;
  },

  /**
   * @param {HTMLElement | string} [target]
   * @param {PublisherProperties} [properties]
   * @param {CompletionHandler} [completion]
   */
  initPublisher(target, properties, completion) {
    record('OT', 'initPublisher', [target, properties, completion]);
    const publisher = new Publisher(target, properties ?? {}, completion);
    publishers.push(publisher);
    return publisher;
  },

  checkSystemRequirements() {
    record('OT', 'checkSystemRequirements', []);
    return settings.systemRequirements;
  },

  /**
   * Like OpenTok.js in a current browser: sharing works where getDisplayMedia exists, no extension.
   * @param {(response: ScreenSharingCapabilityResponse) => void} [callback]
   */
  checkScreenSharingCapability(callback) {
    record('OT', 'checkScreenSharingCapability', [callback]);
    const supported = typeof navigator.mediaDevices?.getDisplayMedia === 'function';
    /** @type {ScreenSharingCapabilityResponse} */
    const response = {
      supported,
      extensionRequired: undefined,
      extensionInstalled: undefined,
      extensionRegistered: undefined,
      supportedSources: { application: false, screen: supported, window: supported },
    };
    callback?.(response);
    return Promise.resolve(response);
  },

  /**
   * Like OpenTok.js: the output every subscriber's sound plays on.
   * @param {string} deviceId
   */
  async setAudioOutputDevice(deviceId) {
    record('OT', 'setAudioOutputDevice', [deviceId]);
    for (const video of document.querySelectorAll('.OT_subscriber video')) {
      await /** @type {HTMLVideoElement} */ (video).setSinkId(deviceId);
    }
  },

  /** @param {unknown} [_dependencies] OpenTok.js's own, for its tests; unused here */
  hasEndToEndEncryptionSupport(_dependencies) {
    record('OT', 'hasEndToEndEncryptionSupport', []);
    return settings.e2eeSupported;
  },
};

/** What a browser test drives and inspects. */
const control = {
  /** Every call the page made into the double, with every argument copied (see `plain`). */
  calls,
  settings,

  /**
   * Lets a remote participant publish into the connected session.
   * @param {RemoteStreamSpec} [spec]
   * @returns {string} the stream id
   */
  addRemoteStream(spec = {}) {
    return Session.addRemote(connectedSession(), spec);
  },

  /** @param {string} streamId */
  removeRemoteStream(streamId) {
    Session.removeRemote(connectedSession(), streamId);
  },

  /**
   * The remote publisher of this stream turns sound (`hasAudio`) or video (`hasVideo`) on or off.
   * @param {string} streamId
   * @param {'hasAudio' | 'hasVideo'} property
   * @param {boolean} value
   */
  changeRemoteStream(streamId, property, value) {
    Session.changeRemote(connectedSession(), streamId, property, value);
  },

  /**
   * The sound level OpenTok.js measured on a subscriber (0 to 1), as its audioLevelUpdated event.
   * @param {string} streamId
   * @param {number} audioLevel
   */
  remoteAudioLevel(streamId, audioLevel) {
    for (const subscriber of subscribersOf(streamId)) {
      trigger(subscriber, 'audioLevelUpdated', { audioLevel });
    }
  },

  /**
   * The sound level of the own microphone, on every publisher.
   * @param {number} audioLevel
   */
  ownAudioLevel(audioLevel) {
    for (const publisher of publishers) {
      trigger(publisher, 'audioLevelUpdated', { audioLevel });
    }
  },

  /** @param {string} streamId */
  mismatch(streamId) {
    for (const subscriber of subscribersOf(streamId)) {
      trigger(subscriber, 'encryptionSecretMismatch');
    }
  },

  /** @param {string} streamId */
  match(streamId) {
    for (const subscriber of subscribersOf(streamId)) {
      trigger(subscriber, 'encryptionSecretMatch');
    }
  },

  /** Fires sessionReconnecting only; `restoreNetwork()` ends it. */
  loseNetwork() {
    trigger(connectedSession(), 'sessionReconnecting');
  },

  restoreNetwork() {
    trigger(connectedSession(), 'sessionReconnected');
  },

  /**
   * Fires sessionReconnecting, then after `delayMs` sessionDisconnected with networkDisconnected.
   * @param {number} [delayMs]
   * @returns {Promise<void>}
   */
  dropNetwork(delayMs = 0) {
    const session = connectedSession();
    trigger(session, 'sessionReconnecting');
    return new Promise((resolve) => {
      setTimeout(() => {
        Session.end(session, 'networkDisconnected');
        resolve();
      }, delayMs);
    });
  },

  /** The tracks every publisher got from getUserMedia; `readyState` is 'ended' once released. */
  publisherTracks() {
    return publishers.flatMap((publisher) => Publisher.tracksOf(publisher));
  },

  /**
   * How many handlers the page keeps on the session with this id (0 after leaving).
   * @param {string} sessionId
   */
  listenerCount(sessionId) {
    const session = sessions.get(sessionId);
    return session ? Emitter.listenerCount(session) : 0;
  },

  /**
   * The double's own objects, for comparing them with the real library's (the contract test).
   * @returns {{ OT: OpenTokApi, session: SessionApi | undefined, publisher: PublisherApi | undefined }}
   */
  objects() {
    return { OT: openTok, session: [...sessions.values()][0], publisher: publishers[0] };
  },
};

page.otDouble = control;

export default openTok;
