// @ts-check
/**
 * A stand-in for OpenTok.js 2.35.2 in browser tests, served in place of the bundled OpenTok.js
 * chunk. It offers the part of the OpenTok.js API that <e2ee-video-call> uses, with the same
 * names, signatures, event names and event shapes, but no network: the own camera is real
 * (getUserMedia), remote participants are made up by the test through `window.otDouble`.
 *
 * Settings a test can give before the page loads, as `window.otDoubleSetup`:
 * `{ connectError?: string, e2eeSupported?: boolean, systemRequirements?: number }`.
 */

/** @typedef {import('@opentok/client').OTError} OTError */
/** @typedef {import('@opentok/client').Stream} Stream */
/** @typedef {import('@opentok/client').Connection} Connection */
/** @typedef {import('@opentok/client').PublisherProperties} PublisherProperties */
/** @typedef {import('@opentok/client').SubscriberProperties} SubscriberProperties */
/** @typedef {import('@opentok/client').WidgetProperties} WidgetProperties */
/** @typedef {NonNullable<Parameters<typeof import('@opentok/client').initSession>[2]>} SessionOptions */
/** @typedef {(error?: OTError) => void} CompletionHandler */
/** @typedef {{ method: string, args: unknown[] }} CallRecord */
/** @typedef {{ streamId?: string, name?: string, connectionData?: string }} RemoteStreamSpec */
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
 * Turns arguments into something a test can read back through Playwright's evaluate().
 * @param {unknown} value
 * @returns {unknown}
 */
function plain(value) {
  if (value instanceof Publisher) {
    return `publisher:${value.id}`;
  }
  if (value instanceof Subscriber) {
    return `subscriber:${value.id}`;
  }
  if (value instanceof Element) {
    return `element:${value.localName}`;
  }
  if (typeof value === 'function') {
    return 'function';
  }
  if (Array.isArray(value)) {
    return value.map(plain);
  }
  if (typeof value === 'object' && value !== null) {
    if ('streamId' in value && typeof value.streamId === 'string') {
      return `stream:${value.streamId}`;
    }
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plain(entry)]));
  }
  return value;
}

/**
 * @param {string} method
 * @param {unknown[]} args
 */
function record(method, args) {
  calls.push({ method, args: args.map(plain) });
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

/** An OpenTok.js event object: type, target, cancelable and the default-action switch. */
class DoubleEvent {
  /**
   * @param {string} type
   * @param {object} target
   * @param {Record<string, unknown>} [properties]
   * @param {boolean} [cancelable]
   */
  constructor(type, target, properties = {}, cancelable = false) {
    this.type = type;
    this.target = target;
    this.cancelable = cancelable;
    this.defaultPrevented = false;
    Object.assign(this, properties);
  }

  isDefaultPrevented() {
    return this.defaultPrevented;
  }

  preventDefault() {
    if (this.cancelable) {
      this.defaultPrevented = true;
    }
  }
}

/** on / once / off as OpenTok.js has them, for event names (not event maps). */
class Emitter {
  constructor() {
    /** @type {Array<{ type: string, callback: (event: DoubleEvent) => void, context: object | undefined, once: boolean }>} */
    this.listeners = [];
  }

  /**
   * @param {string} type
   * @param {(event: DoubleEvent) => void} callback
   * @param {object} [context]
   */
  on(type, callback, context) {
    this.listeners.push({ type, callback, context, once: false });
  }

  /**
   * @param {string} type
   * @param {(event: DoubleEvent) => void} callback
   * @param {object} [context]
   */
  once(type, callback, context) {
    this.listeners.push({ type, callback, context, once: true });
  }

  /**
   * Without arguments removes every handler, with a type all of that type.
   * @param {string} [type]
   * @param {(event: DoubleEvent) => void} [callback]
   * @param {object} [context]
   */
  off(type, callback, context) {
    this.listeners = this.listeners.filter(
      (listener) =>
        (type !== undefined && listener.type !== type) ||
        (callback !== undefined && listener.callback !== callback) ||
        (context !== undefined && listener.context !== context),
    );
  }

  /** @param {DoubleEvent} event */
  dispatch(event) {
    for (const listener of [...this.listeners]) {
      if (listener.type !== event.type) {
        continue;
      }
      if (listener.once) {
        this.listeners = this.listeners.filter((other) => other !== listener);
      }
      listener.callback.call(listener.context ?? this, event);
    }
    return event;
  }

  /**
   * @param {string} type
   * @param {Record<string, unknown>} [properties]
   * @param {boolean} [cancelable]
   */
  trigger(type, properties, cancelable) {
    return this.dispatch(new DoubleEvent(type, this, properties, cancelable));
  }
}

class Publisher extends Emitter {
  /**
   * @param {HTMLElement | string | undefined} target
   * @param {PublisherProperties} properties
   * @param {CompletionHandler | undefined} completion
   */
  constructor(target, properties, completion) {
    super();
    this.id = nextId('publisher');
    this.accessAllowed = false;
    /** @type {Stream | undefined} */
    this.stream = undefined;
    /** @type {Session | undefined} */
    this.session = undefined;
    /** @type {MediaStreamTrack[]} */
    this.tracks = [];
    this.audioOn = properties.publishAudio ?? true;
    this.videoOn = properties.publishVideo ?? true;
    this.name = properties.name ?? '';
    this.destroyed = false;
    this.element = document.createElement('div');
    this.element.className = 'OT_root OT_publisher';
    insertWidget(this.element, target, properties);
    /** Settles with the reason the camera could not start, or undefined once it runs. */
    this.ready = this.startCamera().then((error) => {
      completion?.(error);
      return error;
    });
  }

  /** @returns {Promise<OTError | undefined>} */
  async startCamera() {
    /** @type {MediaStream} */
    let media;
    try {
      media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    } catch (cause) {
      this.trigger('accessDenied');
      const message = cause instanceof Error ? cause.message : String(cause);
      return otError('OT_USER_MEDIA_ACCESS_DENIED', message);
    }
    this.tracks = media.getTracks();
    if (this.destroyed) {
      this.stopTracks();
      return otError('OT_CANCEL', 'The publisher was destroyed before its camera started');
    }
    this.accessAllowed = true;
    this.applyEnabled();
    const video = document.createElement('video');
    video.autoplay = true;
    video.muted = true;
    video.playsInline = true;
    video.srcObject = media;
    video.style.width = '100%';
    video.style.height = '100%';
    video.style.objectFit = 'cover';
    this.element.append(video);
    this.trigger('accessAllowed');
    this.trigger('videoElementCreated', { element: video });
    return undefined;
  }

  /** @param {boolean} value */
  publishAudio(value) {
    record('publishAudio', [value]);
    this.audioOn = value;
    this.applyEnabled();
    return this;
  }

  /**
   * @param {boolean} value
   * @param {CompletionHandler} [completion]
   */
  publishVideo(value, completion) {
    record('publishVideo', [value]);
    this.videoOn = value;
    this.applyEnabled();
    completion?.();
    return this;
  }

  /** Stops the camera and microphone and takes the widget out of the page. */
  destroy() {
    if (this.destroyed) {
      return this;
    }
    record('destroy', [this]);
    this.destroyed = true;
    this.session?.unpublishStream(this);
    this.stopTracks();
    this.element.remove();
    this.trigger('destroyed');
    return this;
  }

  applyEnabled() {
    for (const track of this.tracks) {
      track.enabled = track.kind === 'audio' ? this.audioOn : this.videoOn;
    }
  }

  stopTracks() {
    for (const track of this.tracks) {
      track.stop();
    }
  }
}

class Subscriber extends Emitter {
  /**
   * @param {Stream} stream
   * @param {HTMLElement | string | undefined} target
   * @param {SubscriberProperties} properties
   */
  constructor(stream, target, properties) {
    super();
    this.id = nextId('subscriber');
    /** @type {Stream | undefined} */
    this.stream = stream;
    this.element = document.createElement('div');
    this.element.className = 'OT_root OT_subscriber';
    this.element.dataset.streamId = stream.streamId;
    insertWidget(this.element, target, properties);
  }

  /** @param {string} reason */
  destroyInternal(reason) {
    if (!this.stream) {
      return;
    }
    this.stream = undefined;
    this.element.remove();
    this.trigger('destroyed', { reason });
  }
}

class Session extends Emitter {
  /**
   * @param {string} apiKey
   * @param {string} sessionId
   * @param {SessionOptions} options
   */
  constructor(apiKey, sessionId, options) {
    super();
    this.apiKey = apiKey;
    this.sessionId = sessionId;
    this.encryptionSecret = options.encryptionSecret;
    /** @type {'disconnected' | 'connecting' | 'connected' | 'disconnecting'} */
    this.state = 'disconnected';
    /** @type {Connection | undefined} */
    this.connection = undefined;
    /** @type {Map<string, Stream>} */
    this.remoteStreams = new Map();
    /** @type {Subscriber[]} */
    this.subscribers = [];
    /** @type {Publisher[]} */
    this.publishers = [];
  }

  /**
   * @param {string} token
   * @param {CompletionHandler} completion
   */
  connect(token, completion) {
    record('connect', [token, completion]);
    this.state = 'connecting';
    later(() => {
      if (this.state !== 'connecting') {
        completion(otError('OT_CANCEL', 'disconnect() was called while connecting'));
        return;
      }
      const failure = this.connectFailure();
      if (failure) {
        this.state = 'disconnected';
        completion(failure);
        return;
      }
      this.state = 'connected';
      this.connection = { connectionId: nextId('connection'), creationTime: Date.now(), data: '' };
      this.trigger('sessionConnected');
      completion();
    });
    return this;
  }

  /** @returns {OTError | undefined} */
  connectFailure() {
    if (settings.connectError) {
      return otError(settings.connectError, `connect() failed with ${settings.connectError}`);
    }
    if (this.encryptionSecret !== undefined && !settings.e2eeSupported) {
      return otError('OT_UNSUPPORTED_BROWSER', 'E2E Encryption is not supported in your browser.');
    }
    if (this.encryptionSecret !== undefined && !isValidSecret(this.encryptionSecret)) {
      return otError('OT_INVALID_ENCRYPTION_SECRET', 'Invalid encryptionSecret');
    }
    return undefined;
  }

  /**
   * @param {Publisher} publisher
   * @param {CompletionHandler} [completion]
   */
  publish(publisher, completion) {
    record('publish', [publisher]);
    if (this.state !== 'connected') {
      later(() => completion?.(otError('OT_NOT_CONNECTED', 'Connect to the session before publishing')));
      return publisher;
    }
    publisher.ready.then((error) => {
      if (error || publisher.destroyed) {
        completion?.(error ?? otError('OT_CANCEL', 'The publisher was destroyed before it could be published'));
        return;
      }
      if (this.encryptionSecret === undefined) {
        completion?.(otError('OT_STREAM_CREATE_FAILED', 'An end-to-end encrypted session needs an encryption secret'));
        return;
      }
      const connection = this.connection ?? { connectionId: nextId('connection'), creationTime: Date.now(), data: '' };
      publisher.stream = makeStream(nextId('stream'), publisher.name, connection);
      publisher.session = this;
      this.publishers.push(publisher);
      publisher.trigger('streamCreated', { stream: publisher.stream });
      completion?.();
    });
    return publisher;
  }

  /** @param {Publisher} publisher */
  unpublish(publisher) {
    record('unpublish', [publisher]);
    this.unpublishStream(publisher);
  }

  /**
   * Like OpenTok.js, an unpublished publisher is destroyed unless its streamDestroyed is prevented.
   * @param {Publisher} publisher
   */
  unpublishStream(publisher) {
    if (publisher.session !== this || !publisher.stream) {
      return;
    }
    const stream = publisher.stream;
    publisher.stream = undefined;
    publisher.session = undefined;
    this.publishers = this.publishers.filter((other) => other !== publisher);
    const event = publisher.trigger('streamDestroyed', { stream, reason: 'unpublished' }, true);
    if (!event.isDefaultPrevented()) {
      publisher.destroy();
    }
  }

  /**
   * @param {Stream} stream
   * @param {HTMLElement | string} [target]
   * @param {SubscriberProperties} [properties]
   * @param {CompletionHandler} [completion]
   */
  subscribe(stream, target, properties = {}, completion) {
    record('subscribe', [stream, target, properties]);
    const subscriber = new Subscriber(stream, target, properties);
    this.subscribers.push(subscriber);
    later(() => {
      if (this.state !== 'connected' || !this.remoteStreams.has(stream.streamId)) {
        subscriber.destroyInternal('subscribeFailed');
        completion?.(otError('OT_UNABLE_TO_SUBSCRIBE', `Stream ${stream.streamId} is not available`));
        return;
      }
      subscriber.trigger('connected');
      completion?.();
    });
    return subscriber;
  }

  /** @param {Subscriber} subscriber */
  unsubscribe(subscriber) {
    record('unsubscribe', [subscriber]);
    if (!subscriber.stream) {
      return false;
    }
    this.subscribers = this.subscribers.filter((other) => other !== subscriber);
    subscriber.destroyInternal('Unsubscribe');
    return true;
  }

  /** @returns {Promise<void>} */
  disconnect() {
    record('disconnect', []);
    if (this.state === 'disconnected') {
      return Promise.resolve();
    }
    this.state = 'disconnecting';
    return new Promise((resolve) => {
      later(() => {
        this.end('clientDisconnected');
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
    record('setEncryptionSecret', [secret]);
    if (this.encryptionSecret === undefined) {
      return;
    }
    if (!isValidSecret(secret)) {
      throw otError('OT_INVALID_ENCRYPTION_SECRET', 'setEncryptionSecret: the secret must be 8 to 256 characters');
    }
    this.encryptionSecret = secret;
  }

  /**
   * Ends the connection; like OpenTok.js, destroys subscribers and publishers unless prevented.
   * @param {string} reason
   */
  end(reason) {
    this.state = 'disconnected';
    this.connection = undefined;
    this.remoteStreams.clear();
    const event = this.trigger('sessionDisconnected', { reason }, true);
    if (event.isDefaultPrevented()) {
      return;
    }
    for (const subscriber of this.subscribers) {
      subscriber.destroyInternal(reason);
    }
    this.subscribers = [];
    for (const publisher of [...this.publishers]) {
      publisher.destroy();
    }
    this.publishers = [];
  }

  /** @param {RemoteStreamSpec} spec */
  addRemote(spec) {
    const connection = {
      connectionId: nextId('connection'),
      creationTime: Date.now(),
      data: spec.connectionData ?? '',
    };
    const stream = makeStream(spec.streamId ?? nextId('stream'), spec.name ?? '', connection);
    this.remoteStreams.set(stream.streamId, stream);
    this.trigger('streamCreated', { stream }, true);
    return stream.streamId;
  }

  /** @param {string} streamId */
  removeRemote(streamId) {
    const stream = this.remoteStreams.get(streamId);
    if (!stream) {
      throw new Error(`otDouble: no remote stream ${streamId}`);
    }
    this.remoteStreams.delete(streamId);
    const event = this.trigger('streamDestroyed', { stream, reason: 'clientDisconnected' }, true);
    if (event.isDefaultPrevented()) {
      return;
    }
    for (const subscriber of this.subscribersFor(streamId)) {
      subscriber.destroyInternal('streamDestroyed');
    }
    this.subscribers = this.subscribers.filter((subscriber) => subscriber.stream !== undefined);
  }

  /** @param {string} streamId */
  subscribersFor(streamId) {
    return this.subscribers.filter((subscriber) => subscriber.stream?.streamId === streamId);
  }
}

/**
 * @param {string} streamId
 * @param {string} name
 * @param {Connection} connection
 * @returns {Stream}
 */
function makeStream(streamId, name, connection) {
  return {
    streamId,
    name,
    connection,
    creationTime: Date.now(),
    frameRate: 30,
    hasAudio: true,
    hasCaptions: false,
    hasVideo: true,
    initials: '',
    videoDimensions: { width: 640, height: 480 },
    videoType: 'camera',
  };
}

/** @param {string} secret */
function isValidSecret(secret) {
  return typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH && secret.length <= MAX_SECRET_LENGTH;
}

function connectedSession() {
  const session = [...sessions.values()].find((candidate) => candidate.state === 'connected');
  if (!session) {
    throw new Error('otDouble: no connected session');
  }
  return session;
}

/** @param {string} streamId */
function subscribersOf(streamId) {
  const subscribers = connectedSession().subscribersFor(streamId);
  if (subscribers.length === 0) {
    throw new Error(`otDouble: nobody subscribed to stream ${streamId}`);
  }
  return subscribers;
}

const OT = {
  /**
   * Like OpenTok.js, hands out the same Session again for a session id.
   * @param {string} apiKey
   * @param {string} sessionId
   * @param {SessionOptions} [options]
   */
  initSession(apiKey, sessionId, options = {}) {
    record('initSession', [apiKey, sessionId, options]);
    let session = sessions.get(sessionId);
    if (!session) {
      session = new Session(apiKey, sessionId, options);
      sessions.set(sessionId, session);
    }
    return session;
  },

  /**
   * @param {HTMLElement | string} [target]
   * @param {PublisherProperties} [properties]
   * @param {CompletionHandler} [completion]
   */
  initPublisher(target, properties = {}, completion) {
    record('initPublisher', [target, properties]);
    const publisher = new Publisher(target, properties, completion);
    publishers.push(publisher);
    return publisher;
  },

  checkSystemRequirements() {
    return settings.systemRequirements;
  },

  hasEndToEndEncryptionSupport() {
    return settings.e2eeSupported;
  },
};

/** What a browser test drives and inspects. */
const control = {
  /** Every call the page made into the double, arguments made readable (elements as `element:div`). */
  calls,
  settings,

  /**
   * Lets a remote participant publish into the connected session.
   * @param {RemoteStreamSpec} [spec]
   * @returns {string} the stream id
   */
  addRemoteStream(spec = {}) {
    return connectedSession().addRemote(spec);
  },

  /** @param {string} streamId */
  removeRemoteStream(streamId) {
    connectedSession().removeRemote(streamId);
  },

  /** @param {string} streamId */
  mismatch(streamId) {
    for (const subscriber of subscribersOf(streamId)) {
      subscriber.trigger('encryptionSecretMismatch');
    }
  },

  /** @param {string} streamId */
  match(streamId) {
    for (const subscriber of subscribersOf(streamId)) {
      subscriber.trigger('encryptionSecretMatch');
    }
  },

  /** Fires sessionReconnecting only; `restoreNetwork()` ends it. */
  loseNetwork() {
    connectedSession().trigger('sessionReconnecting');
  },

  restoreNetwork() {
    connectedSession().trigger('sessionReconnected');
  },

  /**
   * Fires sessionReconnecting, then after `delayMs` sessionDisconnected with networkDisconnected.
   * @param {number} [delayMs]
   * @returns {Promise<void>}
   */
  dropNetwork(delayMs = 0) {
    const session = connectedSession();
    session.trigger('sessionReconnecting');
    return new Promise((resolve) => {
      setTimeout(() => {
        session.end('networkDisconnected');
        resolve();
      }, delayMs);
    });
  },

  /** The tracks every publisher got from getUserMedia; `readyState` is 'ended' once released. */
  publisherTracks() {
    return publishers.flatMap((publisher) => publisher.tracks);
  },

  /**
   * How many handlers the page keeps on the session with this id (0 after leaving).
   * @param {string} sessionId
   */
  listenerCount(sessionId) {
    return sessions.get(sessionId)?.listeners.length ?? 0;
  },
};

page.otDouble = control;

export default OT;
