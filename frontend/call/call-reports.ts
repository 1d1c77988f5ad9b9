import type { CallEvents, MediaState } from './call-engine';
import { callEvent, detailOf, type CallEventDetails, type CallEventType } from './call-events';
import type { CallPresence } from './call-presence';
import { describeError } from './error-messages';

/** What an engine's reports change in `<e2ee-video-call>` besides who is there. */
export interface ReportedCall {
  /** The element, which fires the events for the server. */
  readonly element: EventTarget;
  readonly presence: CallPresence;
  /** The own name, for the own shared screen's tile. */
  ownName(): string;
  /** The call is in; `sent` says which of microphone and camera it has at all. */
  connected(sent: Readonly<MediaState>): void;
  reconnecting(on: boolean): void;
  /** The call ended by itself: forget it, without disconnecting it again. */
  ended(): void;
  keyStretched(material: CryptoKey): void;
}

/**
 * An engine's reports as `<e2ee-video-call>` takes them: the call screen's state, and an
 * `e2ee-call-*` event for the server (`call-events.ts`) with a detail built field by field.
 */
export function reportsTo(call: ReportedCall): CallEvents {
  const { presence } = call;
  const fire = <K extends CallEventType>(type: K, detail: CallEventDetails[K]): void => {
    call.element.dispatchEvent(callEvent(type, detail));
  };
  return {
    connected: (sent) => {
      call.connected(sent);
      fire('e2ee-call-connected', { microphone: sent.microphone, camera: sent.camera });
    },
    participantJoined: (participant) => {
      presence.joined(participant);
      fire('e2ee-call-participant-joined', detailOf(participant));
    },
    participantLeft: (participant) => {
      presence.left(participant);
      fire('e2ee-call-participant-left', detailOf(participant));
    },
    keyMismatch: (participant) => {
      presence.keyMismatch(participant.id, true);
      fire('e2ee-call-key-mismatch', detailOf(participant));
    },
    keyMatch: (participant) => {
      presence.keyMismatch(participant.id, false);
      fire('e2ee-call-key-match', detailOf(participant));
    },
    reconnecting: () => {
      call.reconnecting(true);
      fire('e2ee-call-reconnecting', {});
    },
    reconnected: () => {
      call.reconnecting(false);
      fire('e2ee-call-reconnected', {});
    },
    disconnected: (reason) => {
      call.ended();
      fire('e2ee-call-disconnected', { reason });
    },
    error: (error) => fire('e2ee-call-error', describeError(error)),
    sendSignal: (message) => fire('e2ee-call-signal', message),
    remoteMedia: (participant, media) => presence.media(participant.id, media),
    audioLevel: (id, level) => presence.level(id, level),
    screenShareStarted: (participant, media) => {
      const tile = presence.screenStarted(participant, media, call.ownName());
      fire('e2ee-call-screen-share-started', { id: tile.id, name: tile.name, own: tile.own });
    },
    screenShareStopped: (participant) => {
      const tile = presence.screenStopped(participant);
      if (tile) {
        fire('e2ee-call-screen-share-stopped', { id: tile.id, name: tile.name, own: tile.own });
      }
    },
    keyStretched: (material) => call.keyStretched(material),
  };
}
