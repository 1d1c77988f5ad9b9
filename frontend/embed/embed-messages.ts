/**
 * The messages between a portal's page (`/embed.js`) and the call page in its iframe, and the
 * checks each side makes before it believes one. Both sides check the sender's origin and window
 * first, then the shape here; whatever passes is rebuilt field by field, so nothing else rides along.
 * Only the host ever sends a key, and only to the app's exact origin; the frame never sends one back.
 */

/** Marks this app's messages among whatever else a portal's page posts. */
export const PROTOCOL = 'e2ee-call/embed/v1';

/** Longest key or name a message may carry; the key field and the server apply the real rules. */
const MAX_TEXT = 4096;

/** What the host tells the frame. */
export type HostMessage =
  | { readonly type: 'open'; readonly name?: string; readonly key?: string }
  | { readonly type: 'leave' }
  | { readonly type: 'set-microphone'; readonly on: boolean }
  | { readonly type: 'set-camera'; readonly on: boolean }
  | { readonly type: 'change-key'; readonly key: string };

/** Someone else in the call: a connection id and their display name. */
export interface ParticipantData {
  readonly id: string;
  readonly name: string;
}

/** Each event the host can listen to, with its plain data; no event ever carries a key. */
export interface EmbedEvents {
  joined: { readonly room: string; readonly name: string };
  'participant-joined': ParticipantData;
  'participant-left': ParticipantData;
  'key-mismatch': ParticipantData;
  'key-match': ParticipantData;
  'key-changed': Record<string, never>;
  /** `left` after leave(), otherwise why the call ended: removed, or the network was lost. */
  left: { readonly reason: 'left' | 'clientDisconnected' | 'forceDisconnected' | 'networkDisconnected' };
  error: { readonly name: string; readonly message: string };
}

export type EmbedEventName = keyof EmbedEvents;

/** One event as the frame posts it. */
export type EventMessage = {
  [K in EmbedEventName]: { readonly type: 'event'; readonly event: K; readonly data: EmbedEvents[K] };
}[EmbedEventName];

/** What the frame tells the host: that it listens (then the host sends `open`), and call events. */
export type FrameMessage = { readonly type: 'ready' } | EventMessage;

const LEFT_REASONS: ReadonlySet<string> = new Set([
  'left',
  'clientDisconnected',
  'forceDisconnected',
  'networkDisconnected',
]);

/** The host message in `data`, or `undefined` when it is not one this app sends. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isOurs(data)) {
    return undefined;
  }
  switch (data.type) {
    case 'open': {
      const { name, key } = data;
      if (!isOptionalText(name) || !isOptionalText(key)) {
        return undefined;
      }
      return { type: 'open', ...(name === undefined ? {} : { name }), ...(key === undefined ? {} : { key }) };
    }
    case 'leave':
      return { type: 'leave' };
    case 'set-microphone':
    case 'set-camera':
      return typeof data.on === 'boolean' ? { type: data.type, on: data.on } : undefined;
    case 'change-key':
      return isText(data.key) ? { type: 'change-key', key: data.key } : undefined;
    default:
      return undefined;
  }
}

/** The frame message in `data`, or `undefined` when it is not one the call page sends. */
export function parseFrameMessage(data: unknown): FrameMessage | undefined {
  if (!isOurs(data)) {
    return undefined;
  }
  if (data.type === 'ready') {
    return { type: 'ready' };
  }
  if (data.type !== 'event' || !isRecord(data.data)) {
    return undefined;
  }
  const detail = data.data;
  switch (data.event) {
    case 'joined':
      return isText(detail.room) && isText(detail.name)
        ? { type: 'event', event: 'joined', data: { room: detail.room, name: detail.name } }
        : undefined;
    case 'participant-joined':
    case 'participant-left':
    case 'key-mismatch':
    case 'key-match':
      return isText(detail.id) && isText(detail.name)
        ? { type: 'event', event: data.event, data: { id: detail.id, name: detail.name } }
        : undefined;
    case 'key-changed':
      return { type: 'event', event: 'key-changed', data: {} };
    case 'left':
      return isText(detail.reason) && LEFT_REASONS.has(detail.reason)
        ? { type: 'event', event: 'left', data: { reason: detail.reason as EmbedEvents['left']['reason'] } }
        : undefined;
    case 'error':
      return isText(detail.name) && isText(detail.message)
        ? { type: 'event', event: 'error', data: { name: detail.name, message: detail.message } }
        : undefined;
    default:
      return undefined;
  }
}

/** A message of this protocol, ready to post. */
export function envelope<M extends HostMessage | FrameMessage>(message: M): M & { readonly protocol: typeof PROTOCOL } {
  return { protocol: PROTOCOL, ...message };
}

/**
 * The frame's check of who sent a message: the window that framed it, from an origin in
 * `EMBED_ORIGINS`, and the same origin as the first accepted message, if there was one.
 */
export function isTrustedHost(
  sender: { readonly origin: string; readonly source: unknown },
  parent: unknown,
  allowedOrigins: readonly string[],
  hostOrigin: string | undefined,
): boolean {
  return (
    parent !== null &&
    sender.source === parent &&
    allowedOrigins.includes(sender.origin) &&
    (hostOrigin === undefined || hostOrigin === sender.origin)
  );
}

/** The host's check: the frame it made, showing the app's exact origin. */
export function isTrustedFrame(
  sender: { readonly origin: string; readonly source: unknown },
  frameWindow: unknown,
  appOrigin: string,
): boolean {
  return (
    frameWindow !== null && frameWindow !== undefined && sender.source === frameWindow && sender.origin === appOrigin
  );
}

function isOurs(data: unknown): data is Record<string, unknown> & { type: unknown } {
  return isRecord(data) && data.protocol === PROTOCOL && typeof data.type === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT;
}

function isOptionalText(value: unknown): value is string | undefined {
  return value === undefined || isText(value);
}
