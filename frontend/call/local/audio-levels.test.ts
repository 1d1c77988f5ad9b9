import { describe, expect, it } from 'vitest';
import { levelBetween } from './audio-levels';

describe('levelBetween', () => {
  it('isTheRootMeanSquare_overTheTimeBetweenTwoLooks', () => {
    // a 20 ms beep at full scale in half a second: energy 0.02, level sqrt(0.02 / 0.5)
    expect(levelBetween({ energy: 1, seconds: 10 }, { energy: 1.02, seconds: 10.5 })).toBeCloseTo(0.2, 6);
  });

  it('isZero_forSilence', () => {
    expect(levelBetween({ energy: 3, seconds: 10 }, { energy: 3, seconds: 10.3 })).toBe(0);
  });

  it('isUnknown_whenNoTimePassedOrTheTotalsWentBack', () => {
    expect(levelBetween({ energy: 1, seconds: 10 }, { energy: 1, seconds: 10 })).toBeUndefined();
    expect(levelBetween({ energy: 2, seconds: 10 }, { energy: 1, seconds: 11 })).toBeUndefined();
  });
});
