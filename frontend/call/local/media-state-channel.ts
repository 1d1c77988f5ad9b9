import type { MediaState } from '../call-engine';

/** What participants tell each other: microphone and camera on or off, and whether they share a screen. */
export interface SharedState extends MediaState {
  screen: boolean;
}

/**
 * Whether a participant's microphone and camera are on and whether they share a screen, told to each other participant directly
 * over a data channel of the peer connection between them: DTLS-encrypted end to end, never through
 * this app's server. Both sides open it with the same id (negotiated), so neither waits for the other.
 */
export class MediaStateChannel {
  private readonly channel: RTCDataChannel;
  private readonly listeners = new AbortController();

  /**
   * Opens the channel; call before the first offer, so that the offer includes it.
   * @param current what to tell the other side once the channel opens
   * @param received what the other side told
   */
  constructor(connection: RTCPeerConnection, current: () => SharedState, received: (media: SharedState) => void) {
    this.channel = connection.createDataChannel('media-state', { negotiated: true, id: 0, ordered: true });
    const signal = this.listeners.signal;
    this.channel.addEventListener('open', () => this.send(current()), { signal });
    this.channel.addEventListener(
      'message',
      ({ data }: MessageEvent<unknown>) => {
        const media = parseMediaState(data);
        if (media) {
          received(media);
        }
      },
      { signal },
    );
  }

  send(media: SharedState): void {
    if (this.channel.readyState === 'open') {
      this.channel.send(JSON.stringify({ microphone: media.microphone, camera: media.camera, screen: media.screen }));
    }
  }

  close(): void {
    this.listeners.abort();
    this.channel.close();
  }
}

/** The state in a message from the other side; `undefined` for anything else. */
export function parseMediaState(data: unknown): SharedState | undefined {
  if (typeof data !== 'string' || data.length > 200) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    'microphone' in parsed &&
    'camera' in parsed &&
    typeof parsed.microphone === 'boolean' &&
    typeof parsed.camera === 'boolean'
  ) {
    // Older peers do not say whether they share: then they do not.
    const screen = 'screen' in parsed && parsed.screen === true;
    return { microphone: parsed.microphone, camera: parsed.camera, screen };
  }
  return undefined;
}
