import type { CallEvents, NamedError, Participant } from '../call-engine';
import { namedError } from '../error-messages';
import type { AudioRoute } from './audio-levels';
import type { FrameEncryption } from './frames/frame-encryption';
import type { IceConfiguration } from './ice-configuration';
import type { SharedState } from './media-state-channel';
import { PeerLink } from './peer-link';
import type { OutgoingSignal, PeerInfo } from './signals';

/** What every link of a call is made with: the servers, the own camera and the frame encryption. */
export interface MeshSetup {
  readonly ice: IceConfiguration;
  readonly camera: MediaStream;
  readonly frames: FrameEncryption;
  /** This browser's participant id, once the server gave it: never a link to oneself. */
  readonly self: () => string | undefined;
  /** Whether the own microphone and camera are on and a screen is shared, as the others are told. */
  readonly ownMedia: () => SharedState;
  /** A link was opened; for what has to be sent on it from the start, such as a shared screen. */
  readonly opened: (link: PeerLink) => void;
}

/**
 * The links of a local call, one to every other participant, and what the call hears over them:
 * who joined and left, their microphone, camera and shared screen. Reports through the engine's
 * `CallEvents`.
 */
export class PeerMesh {
  private readonly events: CallEvents;
  private readonly setup: MeshSetup;
  private readonly links = new Map<string, PeerLink>();
  // Participants whose shared screen shows, as they told over their link.
  private readonly sharers = new Set<string>();
  // Where the others' sound plays: the browser's default until the person picks an output.
  private speaker?: string;

  constructor(events: CallEvents, setup: MeshSetup) {
    this.events = events;
    this.setup = setup;
  }

  get all(): Iterable<PeerLink> {
    return this.links.values();
  }

  /** The participant behind a link, while it is open. */
  participant(id: string): Participant | undefined {
    return this.links.get(id)?.participant;
  }

  add(peer: PeerInfo, role: 'offerer' | 'answerer'): void {
    if (peer.id === this.setup.self() || this.links.has(peer.id)) {
      return;
    }
    const { ice, camera, frames } = this.setup;
    const participant: Participant = { id: peer.id, name: peer.name.trim() || 'Guest' };
    const link = new PeerLink({
      participant,
      role,
      ice,
      camera,
      frames,
      send: (message: OutgoingSignal) => this.events.sendSignal(message),
      failed: (error: NamedError) => this.events.error(error),
      ownMedia: this.setup.ownMedia,
      remoteMedia: (state) => this.onRemoteState(link, state),
    });
    this.links.set(peer.id, link);
    if (this.speaker) {
      link.playOn(this.speaker).catch(() => {
        // The output went away meanwhile: the sound stays on the default one.
      });
    }
    this.setup.opened(link);
    this.events.participantJoined({ ...participant, media: link.media });
    if (role === 'offerer') {
      this.negotiate(peer.id, (offerer) => offerer.offer());
    }
  }

  remove(id: string): void {
    const link = this.links.get(id);
    if (!link) {
      return;
    }
    this.links.delete(id);
    link.close();
    if (this.sharers.delete(id)) {
      this.events.screenShareStopped(link.participant);
    }
    this.events.participantLeft(link.participant);
  }

  /** Runs one signalling step on a participant's link; the server only relays for participants it announced. */
  negotiate(id: string, step: (link: PeerLink) => Promise<void>): void {
    const link = this.links.get(id);
    if (!link) {
      return;
    }
    step(link).catch(() => {
      if (this.links.get(id) === link) {
        this.events.error(namedError('LOCAL_PEER_CONNECTION_FAILED'));
      }
    });
  }

  /** Tells everyone the own microphone, camera and screen as they are now. */
  tellMediaState(): void {
    for (const link of this.links.values()) {
      link.sendMediaState(this.setup.ownMedia());
    }
  }

  /** Sends `track` where `old` went so far, to everyone, without a new negotiation. */
  async replaceTrack(old: MediaStreamTrack, track: MediaStreamTrack): Promise<void> {
    await Promise.all([...this.links.values()].map((link) => link.replaceTrack(old, track)));
  }

  /** Plays everyone's sound, also of those who join later, on this output device. */
  async playOn(deviceId: string): Promise<void> {
    this.speaker = deviceId;
    await Promise.all([...this.links.values()].map((link) => link.playOn(deviceId)));
  }

  *audioRoutes(): Iterable<AudioRoute> {
    for (const [participantId, link] of this.links) {
      yield { participantId, ...link.audio() };
    }
  }

  /** Closes every link, without reporting anyone as gone. */
  close(): void {
    this.sharers.clear();
    for (const link of this.links.values()) {
      link.close();
    }
    this.links.clear();
  }

  /** What a participant told over their link: their microphone and camera, and their screen. */
  private onRemoteState(link: PeerLink, state: SharedState): void {
    const { participant } = link;
    this.events.remoteMedia(participant, { microphone: state.microphone, camera: state.camera });
    if (state.screen && !this.sharers.has(participant.id)) {
      this.sharers.add(participant.id);
      this.events.screenShareStarted(participant, link.screen.media);
    } else if (!state.screen && this.sharers.delete(participant.id)) {
      this.events.screenShareStopped(participant);
    }
  }
}
