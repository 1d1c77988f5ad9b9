import type OT from '@vonage/client-sdk-video';

type OpenTok = typeof OT;

/**
 * This browser's shared screen in an OpenTok call: a second publisher with `videoSource: 'screen'`
 * in the same (end-to-end-encrypted) session, so its frames are encrypted with the same key.
 */
export class OpenTokScreenShare {
  private publisher?: OT.Publisher;
  private readonly stopped: () => void;

  /** @param stopped runs when the browser ended the share (its own "Stop sharing" control) */
  constructor(stopped: () => void) {
    this.stopped = stopped;
  }

  get sharing(): boolean {
    return this.publisher !== undefined;
  }

  /** Asks the browser for a screen and publishes it; rejects with OpenTok.js's error (such as a cancelled choice). */
  async start(opentok: OpenTok, session: OT.Session, preview: HTMLElement, name: string): Promise<void> {
    if (this.publisher) {
      return;
    }
    const publisher = await new Promise<OT.Publisher>((resolve, reject) => {
      const started = opentok.initPublisher(
        preview,
        {
          insertMode: 'append',
          width: '100%',
          height: '100%',
          name,
          videoSource: 'screen',
          publishAudio: false,
          style: { nameDisplayMode: 'off', buttonDisplayMode: 'off' },
        },
        (error) => {
          if (error) {
            started.destroy();
            reject(error);
          } else {
            resolve(started);
          }
        },
      );
    });
    this.publisher = publisher;
    publisher.on('mediaStopped', this.onMediaStopped);
    try {
      await new Promise<void>((resolve, reject) => {
        session.publish(publisher, (error) => (error ? reject(error) : resolve()));
      });
    } catch (error) {
      this.stop(session);
      throw error;
    }
  }

  /** Unpublishes the screen and releases it; nothing when none is shared. */
  stop(session: OT.Session | undefined): void {
    const publisher = this.publisher;
    if (!publisher) {
      return;
    }
    this.publisher = undefined;
    publisher.off('mediaStopped', this.onMediaStopped);
    if (session && publisher.session) {
      session.unpublish(publisher);
    }
    publisher.destroy();
  }

  private readonly onMediaStopped = (): void => {
    const publisher = this.publisher;
    if (publisher) {
      this.publisher = undefined;
      publisher.off('mediaStopped', this.onMediaStopped);
      publisher.destroy();
      this.stopped();
    }
  };
}

/** Whether OpenTok.js can share a screen in this browser. */
export async function canShareScreen(opentok: OpenTok): Promise<boolean> {
  try {
    return (await opentok.checkScreenSharingCapability()).supported;
  } catch {
    return false;
  }
}
