import { CALL_SALT_PATTERN } from './frames/frame-keys';

/**
 * The local engine's signalling with this app's server, which relays it between the browsers in a
 * room. It carries session descriptions, ICE candidates and the call's salt only: never the key,
 * nothing derived from it, no statistics.
 */

export interface PeerInfo {
  readonly id: string;
  readonly name: string;
}

/** The fields of `RTCIceCandidateInit` that cross the server; serialisers may leave out null ones. */
export interface IceCandidate {
  readonly candidate: string;
  readonly sdpMid?: string | null;
  readonly sdpMLineIndex?: number | null;
}

/** What the element sends to the server, as the detail of an `e2ee-call-signal` event. */
export type OutgoingSignal =
  /** `salt`: a proposal for the call's salt; the server keeps the first participant's. */
  | { readonly type: 'ready'; readonly token: string; readonly salt: string }
  | { readonly type: 'offer' | 'answer'; readonly to: string; readonly sdp: string }
  | { readonly type: 'candidate'; readonly to: string; readonly candidate: IceCandidate }
  /** Said every few seconds in the call, so that the server knows this browser is still there. */
  | { readonly type: 'alive' }
  | { readonly type: 'bye' };

/** What the server sends through the element's `receiveSignal`. */
export type LocalSignal =
  /** `salt`: the call's salt, which goes into the room key; it is not secret. */
  | { readonly type: 'welcome'; readonly self: string; readonly peers: readonly PeerInfo[]; readonly salt: string }
  | { readonly type: 'peer-joined' | 'peer-left'; readonly peer: PeerInfo }
  | { readonly type: 'offer' | 'answer'; readonly from: string; readonly sdp: string }
  | { readonly type: 'candidate'; readonly from: string; readonly candidate: IceCandidate }
  | { readonly type: 'refused'; readonly reason: string; readonly message?: string };

type Fields = Readonly<Record<string, unknown>>;

/** Whether a message from the server has one of the shapes above; anything else is ignored. */
export function isLocalSignal(value: unknown): value is LocalSignal {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'welcome':
      return (
        isString(value.self) &&
        Array.isArray(value.peers) &&
        value.peers.every(isPeerInfo) &&
        isString(value.salt) &&
        CALL_SALT_PATTERN.test(value.salt)
      );
    case 'peer-joined':
    case 'peer-left':
      return isPeerInfo(value.peer);
    case 'offer':
    case 'answer':
      return isString(value.from) && isString(value.sdp);
    case 'candidate':
      return isString(value.from) && isIceCandidate(value.candidate);
    case 'refused':
      return isString(value.reason) && (value.message === undefined || isString(value.message));
    default:
      return false;
  }
}

function isPeerInfo(value: unknown): value is PeerInfo {
  return isRecord(value) && isString(value.id) && isString(value.name);
}

function isIceCandidate(value: unknown): value is IceCandidate {
  return (
    isRecord(value) &&
    isString(value.candidate) &&
    (value.sdpMid == null || isString(value.sdpMid)) &&
    (value.sdpMLineIndex == null || typeof value.sdpMLineIndex === 'number')
  );
}

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
