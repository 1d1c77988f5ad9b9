import type {
  CallEngine,
  CallEvents,
  CallTicket,
  FrameCryptoStats,
  MediaState,
  NamedError,
  Participant,
  SentDevices,
} from '../call-engine';
import type { DeviceChoice } from '../devices/device-choice';
import { EngineLifetime } from '../engine-lifetime';
import { namedError } from '../error-messages';
import { deriveRoomKey, newCallSalt } from './frames/frame-keys';
import { FrameEncryption, frameTransformPath } from './frames/frame-encryption';
import { LevelWatch, type AudioRoute } from './audio-levels';
import { hasMediaAndCrypto, openCamera, openDevice, showCamera } from './camera-access';
import { iceConfiguration } from './ice-configuration';
import { LocalScreenShare } from './local-screen-share';
import type { SharedState } from './media-state-channel';
import { PeerLink } from './peer-link';
import { isLocalSignal, type OutgoingSignal, type PeerInfo } from './signals';

// The server answers `ready` at once; silence this long means the answer was lost.
const WELCOME_TIMEOUT_MILLIS = 20_000;
// The server takes a browser that says nothing for 15 seconds out of the room: say something every 5.
const ALIVE_EVERY_MILLIS = 5_000;

/** What the server's welcome settles: this browser's participant id and the call's salt. */
interface Welcome {
  readonly self: string;
  readonly salt: string;
}

interface PendingWelcome {
  readonly resolve: (welcome: Welcome) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * A peer-to-peer call without a video service: one WebRTC peer connection to every other
 * participant (at most four people), signalling relayed by this app's server through the element,
 * every frame encrypted in a worker with keys derived from the typed secret, the call's salt and
 * each sender's participant id.
 */
export class LocalEngine implements CallEngine {
  private readonly events: CallEvents;
  private readonly lifetime = new EngineLifetime();
  private readonly peers = new Map<string, PeerLink>();
  private readonly levels = new LevelWatch();
  private readonly screen = new LocalScreenShare(() => this.stopScreenShare());
  // Participants whose shared screen shows, as they told over their link.
  private readonly sharers = new Set<string>();
  private media: MediaState = { microphone: true, camera: true };
  private ticket?: CallTicket;
  private frames?: FrameEncryption;
  private camera?: MediaStream;
  private ownVideo?: HTMLVideoElement;
  private self?: string;
  private callSalt?: string;
  private welcome?: PendingWelcome;
  // Whether the server may count this browser in the room, and so should hear `bye`.
  private registered = false;
  private keyVersion = 0;
  // Where the others' sound plays: the browser's default until the person picks an output.
  private speaker?: string;

  constructor(events: CallEvents) {
    this.events = events;
  }

  connect(
    ticket: CallTicket,
    key: string,
    ownMedia: HTMLElement,
    media: Readonly<MediaState>,
    devices: DeviceChoice,
  ): Promise<void> {
    this.media = { ...media };
    this.ticket = ticket;
    return this.lifetime.join(
      async () => {
        const path = frameTransformPath();
        if (!path || !hasMediaAndCrypto()) {
          throw namedError('OT_UNSUPPORTED_BROWSER');
        }
        const frames = new FrameEncryption(path, {
          mismatch: (id) => this.reportKey(id, (participant) => this.events.keyMismatch(participant)),
          match: (id) => this.reportKey(id, (participant) => this.events.keyMatch(participant)),
          failed: () => this.events.error(namedError('LOCAL_ENCRYPTION_FAILED')),
          pulse: () => this.events.sendSignal({ type: 'alive' }),
        });
        this.frames = frames;
        const camera = await openCamera(this.media, devices, this.lifetime);
        this.camera = camera;
        // Without a camera the own tile stays dark, as for a camera turned off.
        this.ownVideo = camera.getVideoTracks().length > 0 ? showCamera(ownMedia, camera) : undefined;
        const welcomed = this.awaitWelcome();
        this.registered = true;
        const ready: OutgoingSignal = { type: 'ready', token: ticket.token, salt: newCallSalt() };
        this.events.sendSignal(ready);
        const { self, salt } = await this.lifetime.step(welcomed);
        frames.beat(ALIVE_EVERY_MILLIS);
        // The key needs the call's salt, so it comes after the welcome. The links to the others are
        // set up meanwhile; until the key is set, no frame is sent and none is shown.
        const roomKey = await this.lifetime.step(deriveRoomKey(key, ticket.room, salt));
        frames.setKey(roomKey, self);
        this.events.keyStretched(roomKey);
        this.levels.start(
          () => this.audioRoutes(),
          (id, level) => this.events.audioLevel(id, level),
        );
        this.events.connected({
          microphone: camera.getAudioTracks().length > 0,
          camera: camera.getVideoTracks().length > 0,
        });
      },
      () => this.disconnect(),
    );
  }

  /** Takes a message the server relays; anything malformed, or arriving before the camera runs, is ignored. */
  receiveSignal(message: unknown): void {
    if (this.lifetime.released || !this.camera || !isLocalSignal(message)) {
      return;
    }
    switch (message.type) {
      case 'welcome':
        this.onWelcome(message.self, message.peers, message.salt);
        break;
      case 'refused':
        this.onRefused(message.reason);
        break;
      case 'peer-joined':
        this.addPeer(message.peer, 'answerer');
        break;
      case 'peer-left':
        this.removePeer(message.peer.id);
        break;
      case 'offer':
        this.negotiate(message.from, (link) => link.acceptOffer(message.sdp));
        break;
      case 'answer':
        this.negotiate(message.from, (link) => link.acceptAnswer(message.sdp));
        break;
      case 'candidate':
        this.negotiate(message.from, (link) => link.addCandidate(message.candidate));
        break;
    }
  }

  async changeKey(key: string): Promise<void> {
    const { frames, ticket, self, callSalt } = this;
    if (!frames || !ticket || !self || !callSalt || this.lifetime.released) {
      throw namedError('NOT_IN_CALL');
    }
    // Derivations can finish out of order; only the newest key may win. The worker gives each
    // new key the next key id, so the others tell frames under the old and the new key apart.
    const version = ++this.keyVersion;
    const derived = await deriveRoomKey(key, ticket.room, callSalt);
    if (version === this.keyVersion && !this.lifetime.released) {
      frames.setKey(derived, self);
      this.events.keyStretched(derived);
    }
  }

  setMicrophone(on: boolean): void {
    this.media.microphone = on;
    this.camera?.getAudioTracks().forEach((track) => (track.enabled = on));
    this.tellMediaState();
  }

  setCamera(on: boolean): void {
    this.media.camera = on;
    this.camera?.getVideoTracks().forEach((track) => (track.enabled = on));
    this.tellMediaState();
  }

  currentDevices(): SentDevices {
    return {
      camera: this.camera?.getVideoTracks()[0]?.getSettings().deviceId,
      microphone: this.camera?.getAudioTracks()[0]?.getSettings().deviceId,
    };
  }

  async useDevice(kind: 'camera' | 'microphone', deviceId: string): Promise<void> {
    const camera = this.camera;
    const old = kind === 'camera' ? camera?.getVideoTracks()[0] : camera?.getAudioTracks()[0];
    if (!camera || !old || this.lifetime.released) {
      throw namedError('DEVICE_NOT_IN_CALL');
    }
    const track = await openDevice(kind, deviceId);
    if (this.lifetime.released || this.camera !== camera) {
      track.stop();
      return;
    }
    track.enabled = old.enabled;
    // The senders keep their encryption: only the track under them changes, with no new negotiation.
    await Promise.all([...this.peers.values()].map((link) => link.replaceTrack(old, track)));
    camera.removeTrack(old);
    camera.addTrack(track);
    old.stop();
  }

  async setSpeaker(deviceId: string): Promise<void> {
    this.speaker = deviceId;
    await Promise.all([...this.peers.values()].map((link) => link.playOn(deviceId)));
  }

  async canShareScreen(): Promise<boolean> {
    return typeof navigator.mediaDevices?.getDisplayMedia === 'function' && !this.lifetime.released;
  }

  async startScreenShare(preview: HTMLElement): Promise<void> {
    if (!this.frames || this.lifetime.released) {
      throw namedError('NOT_IN_CALL');
    }
    if (await this.screen.start(preview, this.peers.values(), () => !this.lifetime.released)) {
      this.tellMediaState();
      this.events.screenShareStarted(null, preview);
    }
  }

  stopScreenShare(): void {
    if (this.screen.stop(this.peers.values())) {
      this.tellMediaState();
      this.events.screenShareStopped(null);
    }
  }

  private tellMediaState(): void {
    for (const link of this.peers.values()) {
      link.sendMediaState(this.sharedState());
    }
  }

  private sharedState(): SharedState {
    // A kind joined without is off for the others, whatever its toggle says.
    const microphone = this.media.microphone && (this.camera?.getAudioTracks().length ?? 0) > 0;
    const camera = this.media.camera && (this.camera?.getVideoTracks().length ?? 0) > 0;
    return { microphone, camera, screen: this.screen.sharing };
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

  private *audioRoutes(): Iterable<AudioRoute> {
    for (const [participantId, link] of this.peers) {
      yield { participantId, ...link.audio() };
    }
  }

  frameCryptoStats(): Promise<FrameCryptoStats | undefined> {
    return this.frames && !this.lifetime.released ? this.frames.stats() : Promise.resolve(undefined);
  }

  disconnect(): void {
    if (this.lifetime.released) {
      return;
    }
    if (this.registered) {
      this.events.sendSignal({ type: 'bye' });
    }
    this.lifetime.release();
    this.levels.stop();
    this.screen.stop([]);
    this.sharers.clear();
    if (this.welcome) {
      clearTimeout(this.welcome.timer);
      this.welcome = undefined;
    }
    for (const link of this.peers.values()) {
      link.close();
    }
    this.peers.clear();
    this.frames?.close();
    this.frames = undefined;
    this.camera?.getTracks().forEach((track) => track.stop());
    this.camera = undefined;
    if (this.ownVideo) {
      this.ownVideo.srcObject = null;
      this.ownVideo.remove();
      this.ownVideo = undefined;
    }
  }

  private awaitWelcome(): Promise<Welcome> {
    return new Promise<Welcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.welcome = undefined;
        reject(namedError('LOCAL_SIGNALLING_TIMEOUT'));
      }, WELCOME_TIMEOUT_MILLIS);
      this.welcome = { resolve, reject, timer };
    });
  }

  private onWelcome(self: string, peers: readonly PeerInfo[], salt: string): void {
    const welcome = this.welcome;
    if (!welcome) {
      return;
    }
    this.welcome = undefined;
    clearTimeout(welcome.timer);
    this.self = self;
    this.callSalt = salt;
    for (const peer of peers) {
      this.addPeer(peer, 'offerer');
    }
    welcome.resolve({ self, salt });
  }

  private onRefused(reason: string): void {
    const welcome = this.welcome;
    if (!welcome) {
      // In the call: the server took this browser out of the room (silent too long, or its ticket
      // ended), so the others no longer see it. The call is over; the person can join again.
      if (this.self) {
        this.registered = false;
        this.disconnect();
        this.events.disconnected('networkDisconnected');
      }
      return;
    }
    this.welcome = undefined;
    clearTimeout(welcome.timer);
    this.registered = false;
    welcome.reject(namedError(reason === 'ROOM_FULL' ? 'LOCAL_ROOM_FULL' : 'LOCAL_SIGNALLING_REFUSED'));
  }

  private addPeer(peer: PeerInfo, role: 'offerer' | 'answerer'): void {
    const frames = this.frames;
    const camera = this.camera;
    if (!frames || !camera || peer.id === this.self || this.peers.has(peer.id)) {
      return;
    }
    const participant: Participant = { id: peer.id, name: peer.name.trim() || 'Guest' };
    const link = new PeerLink({
      participant,
      role,
      ice: iceConfiguration(this.ticket),
      camera,
      frames,
      send: (message: OutgoingSignal) => this.events.sendSignal(message),
      failed: (error: NamedError) => this.events.error(error),
      ownMedia: () => this.sharedState(),
      remoteMedia: (state) => this.onRemoteState(link, state),
    });
    this.peers.set(peer.id, link);
    if (this.speaker) {
      link.playOn(this.speaker).catch(() => {
        // The output went away meanwhile: the sound stays on the default one.
      });
    }
    void this.screen.sendTo(link);
    this.events.participantJoined({ ...participant, media: link.media });
    if (role === 'offerer') {
      this.negotiate(peer.id, (offerer) => offerer.offer());
    }
  }

  private removePeer(id: string): void {
    const link = this.peers.get(id);
    if (!link) {
      return;
    }
    this.peers.delete(id);
    link.close();
    if (this.sharers.delete(id)) {
      this.events.screenShareStopped(link.participant);
    }
    this.events.participantLeft(link.participant);
  }

  /** Runs one signalling step on a participant's link; the server only relays for participants it announced. */
  private negotiate(id: string, step: (link: PeerLink) => Promise<void>): void {
    const link = this.peers.get(id);
    if (!link) {
      return;
    }
    step(link).catch(() => {
      if (this.peers.get(id) === link) {
        this.events.error(namedError('LOCAL_PEER_CONNECTION_FAILED'));
      }
    });
  }

  private reportKey(id: string, report: (participant: Participant) => void): void {
    const link = this.peers.get(id);
    if (link && !this.lifetime.released) {
      report(link.participant);
    }
  }
}
