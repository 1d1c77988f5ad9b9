import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaState, Participant, RemoteParticipant } from './call-engine';
import type { RemoteTile, ScreenTile } from './call-tiles';
import type { SpeakingMarker } from './speaking';

type SpeakingMarkerClass = typeof SpeakingMarker;
type TileChange = Partial<Pick<RemoteTile, 'keyMismatch' | 'microphone' | 'camera' | 'speaking'>>;

const SETTLE_EVERY_MILLIS = 250;

/**
 * Who is in the call as the call screen shows them: a tile per participant with their key, sound,
 * camera and speaking marks, and the shared screens, kept from the engine's reports for the element
 * that owns it. Changes redraw the element.
 */
export class CallPresence implements ReactiveController {
  remotes: readonly RemoteTile[] = [];
  screens: readonly ScreenTile[] = [];
  /** The latest change worth announcing to screen readers. */
  announcement = '';
  ownSpeaking = false;
  private readonly host: ReactiveControllerHost;
  private speaking?: SpeakingMarker;
  private speakingTimer?: ReturnType<typeof setInterval>;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** Marks the tiles of whoever speaks, from the levels reported, until `clear()`. */
  watchSpeaking(Marker: SpeakingMarkerClass): void {
    this.stopWatchingSpeaking();
    const marker = new Marker((id, speaking) => {
      if (id === null) {
        this.ownSpeaking = speaking;
        this.host.requestUpdate();
      } else {
        this.update(id, { speaking });
      }
    });
    this.speaking = marker;
    this.speakingTimer = setInterval(() => marker.settle(performance.now()), SETTLE_EVERY_MILLIS);
  }

  joined(participant: RemoteParticipant): void {
    const tile: RemoteTile = {
      id: participant.id,
      name: participant.name,
      media: participant.media,
      keyMismatch: false,
      microphone: true,
      camera: true,
      speaking: false,
    };
    this.remotes = [...this.remotes.filter((remote) => remote.id !== tile.id), tile];
    this.host.requestUpdate();
  }

  left(participant: Participant): void {
    this.remotes = this.remotes.filter((remote) => remote.id !== participant.id);
    this.speaking?.forget(participant.id);
    this.host.requestUpdate();
  }

  /** Marks a participant's tile, or a shared screen (OpenTok.js checks the key per stream), whose frames do not open. */
  keyMismatch(id: string, keyMismatch: boolean): void {
    this.screens = this.screens.map((screen) =>
      screen.id === id && !screen.own ? { ...screen, keyMismatch } : screen,
    );
    this.update(id, { keyMismatch });
  }

  media(id: string, media: Readonly<MediaState>): void {
    this.update(id, { microphone: media.microphone, camera: media.camera });
  }

  /** How loud a participant (or, `null`, this browser) is. */
  level(id: string | null, level: number): void {
    this.speaking?.level(id, level, performance.now());
  }

  /** A shared screen arrived: a participant's, or (`null`) this browser's own, named `ownName`. */
  screenStarted(participant: Participant | null, media: HTMLElement, ownName: string): ScreenTile {
    const tile: ScreenTile = {
      id: participant?.id ?? '',
      name: participant?.name ?? ownName,
      own: participant === null,
      media,
      keyMismatch: false,
    };
    this.screens = [...this.screens.filter((screen) => screen.id !== tile.id), tile];
    this.announcement = tile.own ? 'You are sharing your screen' : `${tile.name} is sharing their screen`;
    this.host.requestUpdate();
    return tile;
  }

  /** A shared screen went; its tile, if it showed. */
  screenStopped(participant: Participant | null): ScreenTile | undefined {
    const id = participant?.id ?? '';
    const tile = this.screens.find((screen) => screen.id === id);
    this.screens = this.screens.filter((screen) => screen.id !== id);
    if (tile) {
      this.announcement = tile.own ? 'You stopped sharing your screen' : `${tile.name} stopped sharing their screen`;
    }
    this.host.requestUpdate();
    return tile;
  }

  /** Nobody any more, no screens, no speaking marks, the timer stopped. */
  clear(): void {
    this.remotes = [];
    this.screens = [];
    this.announcement = '';
    this.stopWatchingSpeaking();
    this.host.requestUpdate();
  }

  private update(id: string, change: TileChange): void {
    this.remotes = this.remotes.map((remote) => (remote.id === id ? { ...remote, ...change } : remote));
    this.host.requestUpdate();
  }

  private stopWatchingSpeaking(): void {
    clearInterval(this.speakingTimer);
    this.speakingTimer = undefined;
    this.speaking = undefined;
    this.ownSpeaking = false;
  }
}
