/** How far behind the newest counter from a sender a message may arrive and still open. */
export const MESSAGE_REPLAY_WINDOW = 64;

/**
 * The counters opened from one sender in one kind of message: a counter seen before, or more than
 * `MESSAGE_REPLAY_WINDOW` behind the newest, is refused; one that arrives late but within the
 * window (a reordering on the way) is not.
 */
export class MessageReplayWindow {
  private readonly seen = new Set<number>();
  private newest = -1;

  /** Whether a message with this counter may still be opened. */
  admits(counter: number): boolean {
    if (counter > this.newest) {
      return true;
    }
    return this.newest - counter < MESSAGE_REPLAY_WINDOW && !this.seen.has(counter);
  }

  /** Records a counter whose message opened. */
  mark(counter: number): void {
    this.seen.add(counter);
    if (counter > this.newest) {
      this.newest = counter;
      for (const old of this.seen) {
        if (this.newest - old >= MESSAGE_REPLAY_WINDOW) {
          this.seen.delete(old);
        }
      }
    }
  }
}
