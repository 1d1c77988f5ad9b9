/** How far behind the newest counter from a sender a frame may arrive and still open. */
export const REPLAY_WINDOW = 1024;

/** The counters opened from one sender in one kind of media, kept for the last `REPLAY_WINDOW`. */
export class ReplayWindow {
  private readonly seen = new Uint8Array(REPLAY_WINDOW);
  private newest = -1;

  /** Whether a frame with this counter may still be opened. */
  admits(counter: number): boolean {
    if (counter > this.newest) {
      return true;
    }
    return this.newest - counter < REPLAY_WINDOW && this.seen[counter % REPLAY_WINDOW] === 0;
  }

  /** Records a counter whose frame opened. */
  mark(counter: number): void {
    if (counter > this.newest) {
      const first = Math.max(this.newest + 1, counter - REPLAY_WINDOW + 1);
      for (let skipped = first; skipped < counter; skipped++) {
        this.seen[skipped % REPLAY_WINDOW] = 0;
      }
      this.newest = counter;
    }
    this.seen[counter % REPLAY_WINDOW] = 1;
  }
}
