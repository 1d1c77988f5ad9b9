import { showCamera } from './camera-access';
import type { PeerLink } from './peer-link';

/**
 * This browser's shared screen in a local call: one screen track, sent in every link's screen slot
 * (see `ScreenSlot`), sealed like the camera's frames, and shown in a preview.
 */
export class LocalScreenShare {
  private track?: MediaStreamTrack;
  private preview?: HTMLVideoElement;
  private readonly endedByBrowser: () => void;

  /** @param endedByBrowser runs when the browser's own "Stop sharing" control ended the share */
  constructor(endedByBrowser: () => void) {
    this.endedByBrowser = endedByBrowser;
  }

  get sharing(): boolean {
    return this.track !== undefined;
  }

  /**
   * Asks the browser for a screen (it rejects with `NotAllowedError` when the person cancels) and sends
   * it to every link. `stillWanted` is asked after the browser answered: leaving meanwhile drops it.
   */
  async start(target: HTMLElement, links: Iterable<PeerLink>, stillWanted: () => boolean): Promise<boolean> {
    if (this.track) {
      return false;
    }
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const [track] = stream.getVideoTracks();
    if (!track || !stillWanted() || this.track) {
      stream.getTracks().forEach((each) => each.stop());
      return false;
    }
    this.track = track;
    track.addEventListener('ended', this.onEnded, { once: true });
    this.preview = showCamera(target, stream);
    await Promise.all([...links].map((link) => this.sendTo(link)));
    return true;
  }

  /** Sends the shared screen, if any, to a link; for participants who arrive while it is shared. */
  async sendTo(link: PeerLink): Promise<void> {
    if (this.track) {
      await link.screen.send(this.track).catch(() => {
        // A link closing meanwhile has nobody to show it to.
      });
    }
  }

  /** Stops the screen and clears every link's slot; whether a screen was shared. */
  stop(links: Iterable<PeerLink>): boolean {
    const track = this.track;
    if (!track) {
      return false;
    }
    this.track = undefined;
    track.removeEventListener('ended', this.onEnded);
    track.stop();
    for (const link of links) {
      link.screen.send(null).catch(() => {
        // As above: a closed link sends nothing anyway.
      });
    }
    if (this.preview) {
      this.preview.srcObject = null;
      this.preview.remove();
      this.preview = undefined;
    }
    return true;
  }

  private readonly onEnded = (): void => this.endedByBrowser();
}
