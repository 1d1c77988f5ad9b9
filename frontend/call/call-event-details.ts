import type { DisconnectReason, MediaState, NamedError, Participant, ServerMessage } from './call-engine';
import type { DeviceKind } from './devices/device-choice';
import { namedError } from './error-messages';

type NoDetail = Record<string, never>;
type ScreenShareDetail = { id: string; name: string; own: boolean };

/** The detail of every event `<e2ee-video-call>` fires: plain JSON, never the key. */
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
}

/** The browser's refusal (the person cancelled the choice, or sharing is not allowed) under one name. */
export function screenShareError(error: unknown): unknown {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'NotAllowedError' ||
    name === 'OT_USER_MEDIA_ACCESS_DENIED' ||
    name === 'OT_SCREEN_SHARING_NOT_SUPPORTED'
    ? namedError('SCREEN_SHARE_NOT_STARTED')
    : error;
}

/** A device the browser would not switch to, under one name; the one in use stays. */
export function deviceError(error: unknown): unknown {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'DEVICE_NOT_IN_CALL' || name === 'NOT_IN_CALL' ? error : namedError('DEVICE_NOT_SWITCHED');
}

// Event details are built field by field, so that nothing else (such as a media element) slips in.
export function detailOf(participant: Participant): Participant {
  return { id: participant.id, name: participant.name };
}
