import type { NamedError, Participant } from '../call-engine';
import { namedError } from '../error-messages';
import type { MediaKind } from './frames/frame-format';
import type { FrameEncryption } from './frames/frame-encryption';
import type { IceConfiguration } from './ice-configuration';
import { MediaStateChannel, type SharedState } from './media-state-channel';
import { kindIn, ScreenSlot } from './screen-slot';
import type { IceCandidate, OutgoingSignal } from './signals';
import type { FrameRoute } from './frames/worker-messages';

export interface PeerLinkOptions {
  readonly participant: Participant;
  /** The newcomer offers; those already in the room answer, so two offers never cross. */
  readonly role: 'offerer' | 'answerer';
  /** STUN/TURN servers with their credentials, and whether only relayed paths may be used. */
  readonly ice: IceConfiguration;
  readonly camera: MediaStream;
  readonly frames: FrameEncryption;
  readonly send: (message: OutgoingSignal) => void;
  /** The link cannot carry media any more; reported once. */
  readonly failed: (error: NamedError) => void;
  /** Whether the own microphone and camera are on and a screen is shared, told to the participant when the link opens. */
  readonly ownMedia: () => SharedState;
  /** The participant's microphone or camera went on or off, or their screen sharing started or stopped. */
  readonly remoteMedia: (media: SharedState) => void;
}

/** The call between this browser and one other participant: one peer connection, one video. */
export class PeerLink {
  readonly participant: Participant;
  /** What the participant's tile shows: their video, with their sound. */
  readonly media = document.createElement('div');
  /** Where the participant's shared screen arrives, and the own goes out. */
  readonly screen = new ScreenSlot();

  private readonly options: PeerLinkOptions;
  private readonly connection: RTCPeerConnection;
  private readonly video = document.createElement('video');
  private readonly received = new MediaStream();
  private readonly listeners = new AbortController();
  private readonly mediaState: MediaStateChannel;
  // Candidates can overtake the description they belong to; they wait for it here.
  private pendingCandidates: IceCandidate[] = [];
  private restarted = false;
  private reportedFailure = false;

  constructor(options: PeerLinkOptions) {
    this.options = options;
    this.participant = options.participant;
    this.connection = new RTCPeerConnection(options.frames.configure({ ...options.ice }));
    for (const kind of ['audio', 'video'] as const) {
      const [track] = kind === 'audio' ? options.camera.getAudioTracks() : options.camera.getVideoTracks();
      if (track) {
        options.frames.protect(this.connection.addTrack(track, options.camera), this.route('send', kind));
      } else if (options.role === 'offerer') {
        // Joined without this kind: still offer to receive it, in its usual place (audio, camera, screen).
        this.connection.addTransceiver(kind, { direction: 'recvonly' });
      }
    }
    if (options.role === 'offerer') {
      this.protectScreen(this.screen.add(this.connection));
    }
    for (const transceiver of this.connection.getTransceivers()) {
      this.protectReceiver(transceiver);
      preferEncryptableCodecs(transceiver);
    }
    this.mediaState = new MediaStateChannel(this.connection, options.ownMedia, options.remoteMedia);
    this.video.autoplay = true;
    this.video.playsInline = true;
    this.media.append(this.video);
    this.listen();
  }

  async offer(restartIce = false): Promise<void> {
    await this.connection.setLocalDescription(await this.connection.createOffer({ iceRestart: restartIce }));
    this.sendDescription();
  }

  async acceptOffer(sdp: string): Promise<void> {
    await this.connection.setRemoteDescription({ type: 'offer', sdp });
    const screen = this.screen.takeUp(this.connection);
    if (screen) {
      this.protectScreen(screen);
    }
    await this.addPendingCandidates();
    await this.connection.setLocalDescription();
    this.sendDescription();
  }

  async acceptAnswer(sdp: string): Promise<void> {
    // An answer is only expected to an offer of ours; a late duplicate would break the connection.
    if (this.connection.signalingState !== 'have-local-offer') {
      return;
    }
    await this.connection.setRemoteDescription({ type: 'answer', sdp });
    await this.addPendingCandidates();
  }

  async addCandidate(candidate: IceCandidate): Promise<void> {
    if (!this.connection.remoteDescription) {
      this.pendingCandidates.push(candidate);
      return;
    }
    await this.addIceCandidate(candidate);
  }

  /** Tells the participant that the own microphone or camera went on or off, or sharing started or stopped. */
  sendMediaState(media: SharedState): void {
    this.mediaState.send(media);
  }

  /** Where the participant's sound arrives, and where the own goes out, for their levels. */
  audio(): { receiver?: RTCRtpReceiver; sender?: RTCRtpSender } {
    const transceiver = this.connection.getTransceivers().find((each) => each.receiver.track.kind === 'audio');
    return { receiver: transceiver?.receiver, sender: transceiver?.sender.track ? transceiver.sender : undefined };
  }

  /** Sends `track` where `old` went so far; the sender's encryption stays in place. */
  async replaceTrack(old: MediaStreamTrack, track: MediaStreamTrack): Promise<void> {
    const sender = this.connection.getSenders().find((each) => each.track === old);
    await sender?.replaceTrack(track);
  }

  /** Plays the participant's sound on this output device. */
  async playOn(deviceId: string): Promise<void> {
    await this.video.setSinkId(deviceId);
  }

  close(): void {
    this.listeners.abort();
    this.mediaState.close();
    this.screen.close();
    this.connection.close();
    this.options.frames.forget(this.participant.id);
    this.video.srcObject = null;
    this.media.replaceChildren();
  }

  private listen(): void {
    const signal = this.listeners.signal;
    this.connection.addEventListener('icecandidate', this.onIceCandidate, { signal });
    this.connection.addEventListener('track', this.onTrack, { signal });
    this.connection.addEventListener('connectionstatechange', this.onConnectionState, { signal });
  }

  private readonly onIceCandidate = ({ candidate }: RTCPeerConnectionIceEvent): void => {
    // A null candidate only says gathering ended; the other side does not need it.
    if (candidate) {
      this.options.send({
        type: 'candidate',
        to: this.participant.id,
        candidate: { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex },
      });
    }
  };

  private readonly onTrack = ({ track, transceiver }: RTCTrackEvent): void => {
    // Receivers that the offer added beyond our own tracks get their transform here, before any frame.
    this.protectReceiver(transceiver);
    if (kindIn(this.connection, transceiver) === 'screen') {
      this.screen.show(track);
      return;
    }
    this.received.addTrack(track);
    if (this.video.srcObject !== this.received) {
      this.video.srcObject = this.received;
    }
    this.play();
  };

  private readonly onConnectionState = (): void => {
    if (this.connection.connectionState !== 'failed') {
      return;
    }
    if (this.options.role === 'offerer' && !this.restarted) {
      this.restarted = true;
      this.offer(true).catch(() => this.fail());
      return;
    }
    this.fail();
  };

  private play(): void {
    this.video.play().catch((error: unknown) => {
      if (!(error instanceof DOMException) || error.name !== 'NotAllowedError') {
        return;
      }
      // Without a user gesture the browser only plays muted: show the video now, sound on the next gesture.
      this.video.muted = true;
      this.video.play().catch(() => {
        // Still refused: the video stays paused, the tile dark.
      });
      const unmute = (): void => {
        this.video.muted = false;
      };
      const options = { once: true, signal: this.listeners.signal };
      document.addEventListener('pointerdown', unmute, options);
      document.addEventListener('keydown', unmute, options);
    });
  }

  private protectReceiver(transceiver: RTCRtpTransceiver): void {
    const kind = kindIn(this.connection, transceiver);
    if (kind) {
      this.options.frames.protect(transceiver.receiver, this.route('receive', kind));
    }
  }

  /** Seals and opens the screen slot's frames as kind `screen`, before any frame flows. */
  private protectScreen(transceiver: RTCRtpTransceiver): void {
    this.options.frames.protect(transceiver.sender, this.route('send', 'screen'));
    this.options.frames.protect(transceiver.receiver, this.route('receive', 'screen'));
    preferEncryptableCodecs(transceiver);
  }

  private route(direction: FrameRoute['direction'], kind: MediaKind): FrameRoute {
    return { direction, kind, participant: this.participant.id };
  }

  private sendDescription(): void {
    const description = this.connection.localDescription;
    if (description && (description.type === 'offer' || description.type === 'answer')) {
      this.options.send({ type: description.type, to: this.participant.id, sdp: description.sdp });
    }
  }

  private async addPendingCandidates(): Promise<void> {
    const pending = this.pendingCandidates;
    this.pendingCandidates = [];
    for (const candidate of pending) {
      await this.addIceCandidate(candidate);
    }
  }

  private async addIceCandidate(candidate: IceCandidate): Promise<void> {
    try {
      await this.connection.addIceCandidate(candidate);
    } catch {
      // One unusable candidate does not end the call; the others may still connect.
    }
  }

  private fail(): void {
    if (!this.reportedFailure && !this.listeners.signal.aborted) {
      this.reportedFailure = true;
      this.options.failed(namedError('LOCAL_PEER_CONNECTION_FAILED'));
    }
  }
}

function mediaKind(track: MediaStreamTrack): MediaKind | undefined {
  return track.kind === 'audio' || track.kind === 'video' ? track.kind : undefined;
}

/**
 * Puts VP8 (video) and Opus (audio) first: the frame encryption leaves exactly their packetizers'
 * header bytes in clear, so other codecs could not be split into packets or decoded reliably.
 */
function preferEncryptableCodecs(transceiver: RTCRtpTransceiver): void {
  const kind = mediaKind(transceiver.receiver.track);
  const capabilities = kind && RTCRtpReceiver.getCapabilities(kind);
  if (!kind || !capabilities || typeof transceiver.setCodecPreferences !== 'function') {
    return;
  }
  const preferred = kind === 'video' ? 'video/vp8' : 'audio/opus';
  const first = capabilities.codecs.filter((codec) => codec.mimeType.toLowerCase() === preferred);
  const rest = capabilities.codecs.filter((codec) => codec.mimeType.toLowerCase() !== preferred);
  transceiver.setCodecPreferences([...first, ...rest]);
}
