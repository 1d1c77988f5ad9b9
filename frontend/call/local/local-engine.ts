import type {
  CallEngine,
  CallEvents,
  CallTicket,
  FrameCryptoStats,
  MediaState,
  Participant,
  SentDevices,
} from '../call-engine';
import type { DeviceChoice } from '../devices/device-choice';
import { EngineLifetime } from '../engine-lifetime';
import { namedError } from '../error-messages';
import { LevelWatch } from './audio-levels';
import { hasMediaAndCrypto, openCamera, openDevice, showCamera } from './camera-access';
import { FrameEncryption, frameTransformPath } from './frames/frame-encryption';
import { deriveRoomKey } from './frames/frame-keys';
import { iceConfiguration } from './ice-configuration';
import { LocalScreenShare } from './local-screen-share';
import type { SharedState } from './media-state-channel';
import { PeerMesh } from './peer-mesh';
import { isLocalSignal } from './signals';
import { SignallingSession } from './signalling-session';

// The server takes a browser that says nothing for 15 seconds out of the room: say something every 5.
const ALIVE_EVERY_MILLIS = 5_000;

/**
 * A peer-to-peer call without a video service: one WebRTC peer connection to every other
 * participant (at most four people, `PeerMesh`), signalling relayed by this app's server through
 * the element (`SignallingSession`), every frame encrypted in a worker with keys derived from the
 * typed secret, the call's salt and each sender's participant id (`frames/`).
 */
export class LocalEngine implements CallEngine {
  private readonly events: CallEvents;
  private readonly lifetime = new EngineLifetime();
  private readonly signalling: SignallingSession;
  private readonly levels = new LevelWatch();
  private readonly screen = new LocalScreenShare(() => this.stopScreenShare());
  private media: MediaState = { microphone: true, camera: true };
  private ticket?: CallTicket;
  private frames?: FrameEncryption;
  private camera?: MediaStream;
  // The links to the others; there from the moment the camera runs.
  private mesh?: PeerMesh;
  private ownVideo?: HTMLVideoElement;
  private keyVersion = 0;

  constructor(events: CallEvents) {
    this.events = events;
    this.signalling = new SignallingSession((message) => events.sendSignal(message));
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
        this.mesh = new PeerMesh(this.events, {
          ice: iceConfiguration(ticket),
          camera,
          frames,
          self: () => this.signalling.welcomed?.self,
          ownMedia: () => this.sharedState(),
          opened: (link) => void this.screen.sendTo(link),
        });
        // Without a camera the own tile stays dark, as for a camera turned off.
        this.ownVideo = camera.getVideoTracks().length > 0 ? showCamera(ownMedia, camera) : undefined;
        const { self, salt } = await this.lifetime.step(this.signalling.join(ticket.token));
        frames.beat(ALIVE_EVERY_MILLIS);
        // The key needs the call's salt, so it comes after the welcome. The links to the others are
        // set up meanwhile; until the key is set, no frame is sent and none is shown.
        const roomKey = await this.lifetime.step(deriveRoomKey(key, ticket.room, salt));
        frames.setKey(roomKey, self);
        this.events.keyStretched(roomKey);
        this.levels.start(
          () => this.mesh?.audioRoutes() ?? [],
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
    const mesh = this.mesh;
    if (this.lifetime.released || !mesh || !isLocalSignal(message)) {
      return;
    }
    switch (message.type) {
      case 'welcome':
        if (this.signalling.welcomes(message.self, message.salt)) {
          message.peers.forEach((peer) => mesh.add(peer, 'offerer'));
        }
        break;
      case 'refused':
        if (this.signalling.refuses(message.reason) === 'removed') {
          // The person can join again.
          this.disconnect();
          this.events.disconnected('networkDisconnected');
        }
        break;
      case 'peer-joined':
        mesh.add(message.peer, 'answerer');
        break;
      case 'peer-left':
        mesh.remove(message.peer.id);
        break;
      case 'offer':
        mesh.negotiate(message.from, (link) => link.acceptOffer(message.sdp));
        break;
      case 'answer':
        mesh.negotiate(message.from, (link) => link.acceptAnswer(message.sdp));
        break;
      case 'candidate':
        mesh.negotiate(message.from, (link) => link.addCandidate(message.candidate));
        break;
    }
  }

  async changeKey(key: string): Promise<void> {
    const { frames, ticket } = this;
    const welcome = this.signalling.welcomed;
    if (!frames || !ticket || !welcome || this.lifetime.released) {
      throw namedError('NOT_IN_CALL');
    }
    // Derivations can finish out of order; only the newest key may win. The worker gives each
    // new key the next key id, so the others tell frames under the old and the new key apart.
    const version = ++this.keyVersion;
    const derived = await deriveRoomKey(key, ticket.room, welcome.salt);
    if (version === this.keyVersion && !this.lifetime.released) {
      frames.setKey(derived, welcome.self);
      this.events.keyStretched(derived);
    }
  }

  setMicrophone(on: boolean): void {
    this.media.microphone = on;
    this.camera?.getAudioTracks().forEach((track) => (track.enabled = on));
    this.mesh?.tellMediaState();
  }

  setCamera(on: boolean): void {
    this.media.camera = on;
    this.camera?.getVideoTracks().forEach((track) => (track.enabled = on));
    this.mesh?.tellMediaState();
  }

  currentDevices(): SentDevices {
    return {
      camera: this.camera?.getVideoTracks()[0]?.getSettings().deviceId,
      microphone: this.camera?.getAudioTracks()[0]?.getSettings().deviceId,
    };
  }

  async useDevice(kind: 'camera' | 'microphone', deviceId: string): Promise<void> {
    const { camera, mesh } = this;
    const old = kind === 'camera' ? camera?.getVideoTracks()[0] : camera?.getAudioTracks()[0];
    if (!camera || !mesh || !old || this.lifetime.released) {
      throw namedError('DEVICE_NOT_IN_CALL');
    }
    const track = await openDevice(kind, deviceId);
    if (this.lifetime.released || this.camera !== camera) {
      track.stop();
      return;
    }
    track.enabled = old.enabled;
    // The senders keep their encryption: only the track under them changes, with no new negotiation.
    await mesh.replaceTrack(old, track);
    camera.removeTrack(old);
    camera.addTrack(track);
    old.stop();
  }

  async setSpeaker(deviceId: string): Promise<void> {
    await this.mesh?.playOn(deviceId);
  }

  async canShareScreen(): Promise<boolean> {
    return typeof navigator.mediaDevices?.getDisplayMedia === 'function' && !this.lifetime.released;
  }

  async startScreenShare(preview: HTMLElement): Promise<void> {
    const mesh = this.mesh;
    if (!this.frames || !mesh || this.lifetime.released) {
      throw namedError('NOT_IN_CALL');
    }
    if (await this.screen.start(preview, mesh.all, () => !this.lifetime.released)) {
      mesh.tellMediaState();
      this.events.screenShareStarted(null, preview);
    }
  }

  stopScreenShare(): void {
    if (this.screen.stop(this.mesh?.all ?? [])) {
      this.mesh?.tellMediaState();
      this.events.screenShareStopped(null);
    }
  }

  frameCryptoStats(): Promise<FrameCryptoStats | undefined> {
    return this.frames && !this.lifetime.released ? this.frames.stats() : Promise.resolve(undefined);
  }

  disconnect(): void {
    if (this.lifetime.released) {
      return;
    }
    this.signalling.leave();
    this.lifetime.release();
    this.levels.stop();
    this.screen.stop([]);
    this.mesh?.close();
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

  private sharedState(): SharedState {
    // A kind joined without is off for the others, whatever its toggle says.
    const microphone = this.media.microphone && (this.camera?.getAudioTracks().length ?? 0) > 0;
    const camera = this.media.camera && (this.camera?.getVideoTracks().length ?? 0) > 0;
    return { microphone, camera, screen: this.screen.sharing };
  }

  private reportKey(id: string, report: (participant: Participant) => void): void {
    const participant = this.mesh?.participant(id);
    if (participant && !this.lifetime.released) {
      report(participant);
    }
  }
}
