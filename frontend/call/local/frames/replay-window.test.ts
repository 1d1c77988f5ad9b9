import { describe, expect, it } from 'vitest';
import { REPLAY_WINDOW, ReplayWindow } from './replay-window';

describe('replay window', () => {
  it('admitsNewAndUnseen_refusesSeenAndTooOld', () => {
    const window = new ReplayWindow();
    window.mark(5000);
    window.mark(4990);

    expect(window.admits(5001)).toBe(true);
    expect(window.admits(4999)).toBe(true);
    expect(window.admits(5000)).toBe(false);
    expect(window.admits(4990)).toBe(false);
    expect(window.admits(5000 - REPLAY_WINDOW + 1)).toBe(true);
    expect(window.admits(5000 - REPLAY_WINDOW)).toBe(false);
  });

  it('aLargeJump_forgetsWhatFellOutOfTheWindow_butNotWhatStayed', () => {
    const window = new ReplayWindow();
    window.mark(100);
    window.mark(100 + REPLAY_WINDOW);
    window.mark(100 + 3 * REPLAY_WINDOW);

    expect(window.admits(100 + 3 * REPLAY_WINDOW - 1)).toBe(true);
    expect(window.admits(100 + 2 * REPLAY_WINDOW + 1)).toBe(true);
    expect(window.admits(100 + 3 * REPLAY_WINDOW)).toBe(false);
  });
});
