import type { MediaKind } from './frames/frame-format';

/**
 * The second video stream of a peer connection, for a shared screen: negotiated with the link from
 * the start (the offerer adds it, the answerer takes it up), so that sharing later only swaps its
 * track (`replaceTrack`) and never renegotiates. Its frames are sealed as kind `screen`, with a
 * replay window of their own. Empty while nobody shares.
 */
export class ScreenSlot {
  /** What shows the other participant's screen. */
  readonly media = document.createElement('div');
  private readonly video = document.createElement('video');
  private transceiver?: RTCRtpTransceiver;

  constructor() {
    this.video.autoplay = true;
    this.video.playsInline = true;
    this.video.muted = true;
    this.media.append(this.video);
  }

  /** The offerer's side: adds the slot before the first offer. */
  add(connection: RTCPeerConnection): RTCRtpTransceiver {
    this.transceiver = connection.addTransceiver('video', { direction: 'sendrecv' });
    return this.transceiver;
  }

  /** The answerer's side, once the offer is set: the offer's second video becomes the slot, sending too. */
  takeUp(connection: RTCPeerConnection): RTCRtpTransceiver | undefined {
    const transceiver = videoTransceivers(connection)[1];
    if (transceiver && !this.transceiver) {
      this.transceiver = transceiver;
      transceiver.direction = 'sendrecv';
      return transceiver;
    }
    return undefined;
  }

  /** Shows what the other side shares; the track only carries frames while they share. */
  show(track: MediaStreamTrack): void {
    this.video.srcObject = new MediaStream([track]);
    this.video.play().catch(() => {
      // Muted video may always play; a refusal leaves the tile dark.
    });
  }

  /** Sends this screen, or nothing (`null`). */
  async send(track: MediaStreamTrack | null): Promise<void> {
    await this.transceiver?.sender.replaceTrack(track);
  }

  close(): void {
    this.video.srcObject = null;
    this.media.replaceChildren();
  }
}

/** A transceiver's kind of media in a link: audio, the camera (first video) or the screen (second video). */
export function kindIn(connection: RTCPeerConnection, transceiver: RTCRtpTransceiver): MediaKind | undefined {
  const kind = transceiver.receiver.track.kind;
  if (kind === 'audio') {
    return 'audio';
  }
  if (kind !== 'video') {
    return undefined;
  }
  return videoTransceivers(connection).indexOf(transceiver) === 1 ? 'screen' : 'video';
}

function videoTransceivers(connection: RTCPeerConnection): RTCRtpTransceiver[] {
  return connection.getTransceivers().filter((each) => each.receiver.track.kind === 'video');
}
