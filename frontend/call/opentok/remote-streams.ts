import type OT from '@vonage/client-sdk-video';
import type { CallEvents, Participant } from '../call-engine';
import { participantName } from './stream-names';

type StreamCreatedEvent = OT.Event<'streamCreated', OT.Session> & { stream: OT.Stream };
type StreamDestroyedEvent = OT.Event<'streamDestroyed', OT.Session> & { stream: OT.Stream; reason: string };
type StreamPropertyChangedEvent = OT.Event<'streamPropertyChanged', OT.Session> & {
  stream: OT.Stream;
  changedProperty: string;
};
/** What OpenTok.js's `audioLevelUpdated` carries, for publishers and subscribers alike. */
export type AudioLevelEvent = { audioLevel: number };

interface RemoteStream {
  readonly participant: Participant;
  readonly media: HTMLElement;
  readonly onMismatch: () => void;
  readonly onMatch: () => void;
  readonly onAudioLevel: (event: AudioLevelEvent) => void;
  /** A shared screen rather than a participant's camera. */
  readonly screen: boolean;
  subscriber?: OT.Subscriber;
}

/** How OpenTok.js's widgets fill a tile. */
export const TILE: OT.WidgetProperties = { insertMode: 'append', width: '100%', height: '100%' };

/**
 * The others' streams in an OpenTok session, each subscribed into an element of its own: their
 * cameras as participants, their shared screens as screens. Reports through the engine's
 * `CallEvents` who came and went, whose frames do not open with the key, their sound and video.
 */
export class RemoteStreams {
  private readonly events: CallEvents;
  private readonly remotes = new Map<string, RemoteStream>();
  private session?: OT.Session;

  constructor(events: CallEvents) {
    this.events = events;
  }

  /** Subscribes to the others' streams in `session` from now on. */
  watch(session: OT.Session): void {
    this.session = session;
    session.on('streamCreated', this.onStreamCreated);
    session.on('streamDestroyed', this.onStreamDestroyed);
    session.on('streamPropertyChanged', this.onStreamPropertyChanged);
  }

  /** Unsubscribes from everyone and stops listening, without reporting anyone as gone. */
  close(): void {
    const session = this.session;
    this.session = undefined;
    for (const remote of this.remotes.values()) {
      this.forget(remote);
      if (session && remote.subscriber) {
        session.unsubscribe(remote.subscriber);
      }
      remote.media.replaceChildren();
    }
    // Only our own handlers: a bare session.off() would also drop the once-listeners OpenTok.js
    // itself registers.
    session?.off('streamCreated', this.onStreamCreated);
    session?.off('streamDestroyed', this.onStreamDestroyed);
    session?.off('streamPropertyChanged', this.onStreamPropertyChanged);
  }

  private readonly onStreamCreated = (event: StreamCreatedEvent): void => {
    const session = this.session;
    const stream = event.stream;
    if (!session || this.remotes.has(stream.streamId)) {
      return;
    }
    const participant: Participant = { id: stream.streamId, name: participantName(stream) };
    const screen = stream.videoType === 'screen';
    const remote: RemoteStream = {
      screen,
      participant,
      media: document.createElement('div'),
      onMismatch: () => this.events.keyMismatch(participant),
      onMatch: () => this.events.keyMatch(participant),
      onAudioLevel: (level) => this.events.audioLevel(participant.id, level.audioLevel),
    };
    this.remotes.set(participant.id, remote);
    if (screen) {
      this.events.screenShareStarted(participant, remote.media);
    } else {
      this.events.participantJoined({ ...participant, media: remote.media });
      this.events.remoteMedia(participant, { microphone: stream.hasAudio, camera: stream.hasVideo });
    }
    const subscriber = session.subscribe(
      stream,
      remote.media,
      { ...TILE, style: { nameDisplayMode: 'off' } },
      (error) => {
        if (error && this.remotes.get(participant.id) === remote) {
          this.events.error(error);
        }
      },
    );
    subscriber.on('encryptionSecretMismatch', remote.onMismatch);
    subscriber.on('encryptionSecretMatch', remote.onMatch);
    subscriber.on('audioLevelUpdated', remote.onAudioLevel);
    remote.subscriber = subscriber;
  };

  // OpenTok.js tells everyone when a publisher turns sound or video on or off.
  private readonly onStreamPropertyChanged = (event: StreamPropertyChangedEvent): void => {
    const remote = this.remotes.get(event.stream.streamId);
    if (remote && !remote.screen && (event.changedProperty === 'hasAudio' || event.changedProperty === 'hasVideo')) {
      this.events.remoteMedia(remote.participant, { microphone: event.stream.hasAudio, camera: event.stream.hasVideo });
    }
  };

  private readonly onStreamDestroyed = (event: StreamDestroyedEvent): void => {
    const remote = this.remotes.get(event.stream.streamId);
    if (!remote) {
      return;
    }
    // OpenTok.js destroys the subscriber itself once this handler returns.
    this.forget(remote);
    if (remote.screen) {
      this.events.screenShareStopped(remote.participant);
    } else {
      this.events.participantLeft(remote.participant);
    }
  };

  private forget(remote: RemoteStream): void {
    remote.subscriber?.off('encryptionSecretMismatch', remote.onMismatch);
    remote.subscriber?.off('encryptionSecretMatch', remote.onMatch);
    remote.subscriber?.off('audioLevelUpdated', remote.onAudioLevel);
    this.remotes.delete(remote.participant.id);
  }
}
