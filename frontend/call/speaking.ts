/** How loud counts as speaking, on the 0-1 scale of OpenTok.js's `audioLevel` and WebRTC's audio levels. */
export const SPEAKING_LEVEL = 0.02;
/** How long a tile stays marked after the last loud moment, so that the mark does not flicker between words. */
export const SPEAKING_HOLD_MILLIS = 1500;

/**
 * Decides who is speaking from the audio levels the engines report, by participant id (`null` for
 * this browser's own microphone), and says when that changes. Levels come at the engines' pace;
 * `settle` ends the marks of those who fell silent.
 */
export class SpeakingMarker {
  private readonly lastLoud = new Map<string | null, number>();
  private readonly changed: (id: string | null, speaking: boolean) => void;

  constructor(changed: (id: string | null, speaking: boolean) => void) {
    this.changed = changed;
  }

  level(id: string | null, level: number, now: number): void {
    if (!(level >= SPEAKING_LEVEL)) {
      return;
    }
    const wasSpeaking = this.lastLoud.has(id);
    this.lastLoud.set(id, now);
    if (!wasSpeaking) {
      this.changed(id, true);
    }
  }

  settle(now: number): void {
    for (const [id, loud] of [...this.lastLoud]) {
      if (now - loud >= SPEAKING_HOLD_MILLIS) {
        this.lastLoud.delete(id);
        this.changed(id, false);
      }
    }
  }

  /** A participant left: no change is reported for them any more. */
  forget(id: string | null): void {
    this.lastLoud.delete(id);
  }

  isSpeaking(id: string | null): boolean {
    return this.lastLoud.has(id);
  }
}
