import type { DisconnectReason, MediaState, NamedError, Participant, ServerMessage } from './call-engine';
import type { DeviceKind } from './devices/device-choice';
import type { DeviceCheckResult } from './devices/device-status';

type NoDetail = Record<string, never>;
type ScreenShareDetail = { id: string; name: string; own: boolean };

/** The detail of every event the call's elements fire for the server: plain JSON, never the key. */
export interface CallEventDetails {
  /** In the call; says whether it has a microphone and a camera at all (a join may go without). */
  'e2ee-call-connected': MediaState;
  'e2ee-call-participant-joined': Participant;
  'e2ee-call-participant-left': Participant;
  'e2ee-call-key-mismatch': Participant;
  'e2ee-call-key-match': Participant;
  'e2ee-call-key-changed': NoDetail;
  'e2ee-call-reconnecting': NoDetail;
  'e2ee-call-reconnected': NoDetail;
  'e2ee-call-disconnected': { reason: DisconnectReason };
  'e2ee-call-error': NamedError;
  'e2ee-call-left': NoDetail;
  /** Another camera, microphone or speaker is in use, chosen in the call's device list. */
  'e2ee-call-device-changed': { kind: DeviceKind };
  /** A shared screen arrived: another participant's, or (`own`, with an empty id) this browser's. */
  'e2ee-call-screen-share-started': ScreenShareDetail;
  'e2ee-call-screen-share-stopped': ScreenShareDetail;
  /** For the server to relay (local engine only): session descriptions and ICE candidates, never the key. */
  'e2ee-call-signal': ServerMessage;
  /** From `<e2ee-device-check>`: what the camera and microphone of the form's check can do, never a device id. */
  'e2ee-device-checked': DeviceCheckResult;
}

/**
 * Every event above with the keys of its detail: the names the Java events of `dev.e2eecall.call`
 * read (`@DomEvent`, `@EventData("event.detail.<key>")`); `'whole'` for a detail read as it is.
 * `CallEventContractTest` holds the Java side to this list, the types below the dispatch sites.
 */
export const CALL_EVENTS = {
  'e2ee-call-connected': ['microphone', 'camera'],
  'e2ee-call-participant-joined': ['id', 'name'],
  'e2ee-call-participant-left': ['id', 'name'],
  'e2ee-call-key-mismatch': ['id', 'name'],
  'e2ee-call-key-match': ['id', 'name'],
  'e2ee-call-key-changed': [],
  'e2ee-call-reconnecting': [],
  'e2ee-call-reconnected': [],
  'e2ee-call-disconnected': ['reason'],
  'e2ee-call-error': ['name', 'message'],
  'e2ee-call-left': [],
  'e2ee-call-device-changed': ['kind'],
  'e2ee-call-screen-share-started': ['id', 'name', 'own'],
  'e2ee-call-screen-share-stopped': ['id', 'name', 'own'],
  'e2ee-call-signal': 'whole',
  'e2ee-device-checked': ['camera', 'microphone'],
} as const satisfies { readonly [K in keyof CallEventDetails]: readonly (keyof CallEventDetails[K])[] | 'whole' };

export type CallEventType = keyof CallEventDetails;

/** The keys a detail type names that its list leaves out (details of any keys excepted); `never` when none. */
type Unlisted = {
  [K in CallEventType]: string extends keyof CallEventDetails[K]
    ? never
    : (typeof CALL_EVENTS)[K] extends readonly (infer Listed)[]
      ? Exclude<keyof CallEventDetails[K], Listed>
      : never;
}[CallEventType];
type Expect<T extends true> = T;
/** Does not compile while a detail has a key that `CALL_EVENTS` does not list. */
export type EveryDetailKeyListed = Expect<[Unlisted] extends [never] ? true : false>;

/** One of the events above, for `dispatchEvent`: bubbling, and out of a shadow root if there is one. */
export function callEvent<K extends CallEventType>(
  type: K,
  detail: CallEventDetails[K],
): CustomEvent<CallEventDetails[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

// Event details are built field by field, so that nothing else (such as a media element) slips in.
export function detailOf(participant: Participant): Participant {
  return { id: participant.id, name: participant.name };
}
