import { describe, expect, it } from 'vitest';
import { SPEAKING_HOLD_MILLIS, SpeakingMarker } from './speaking';

function marker(): { marker: SpeakingMarker; changes: string[] } {
  const changes: string[] = [];
  return { marker: new SpeakingMarker((id, speaking) => changes.push(`${id ?? 'own'}:${speaking}`)), changes };
}

describe('SpeakingMarker', () => {
  it('marksALoudParticipantOnce_andUnmarksAfterTheHold', () => {
    const { marker: speaking, changes } = marker();
    speaking.level('grace', 0.3, 0);
    speaking.level('grace', 0.4, 100);
    speaking.settle(100 + SPEAKING_HOLD_MILLIS - 1);
    expect(changes).toEqual(['grace:true']);

    speaking.settle(100 + SPEAKING_HOLD_MILLIS);
    expect(changes).toEqual(['grace:true', 'grace:false']);
    expect(speaking.isSpeaking('grace')).toBe(false);
  });

  it('ignoresSilenceAndNonsense', () => {
    const { marker: speaking, changes } = marker();
    speaking.level('grace', 0, 0);
    speaking.level('grace', 0.001, 0);
    speaking.level('grace', Number.NaN, 0);
    expect(changes).toEqual([]);
  });

  it('movesTheMark_fromOneSpeakerToAnother', () => {
    const { marker: speaking, changes } = marker();
    speaking.level(null, 0.5, 0);
    speaking.level('grace', 0.5, SPEAKING_HOLD_MILLIS);
    speaking.settle(SPEAKING_HOLD_MILLIS);
    expect(changes).toEqual(['own:true', 'grace:true', 'own:false']);
    expect(speaking.isSpeaking('grace')).toBe(true);
  });

  it('forgetsALeaver_withoutReportingThem', () => {
    const { marker: speaking, changes } = marker();
    speaking.level('grace', 0.5, 0);
    speaking.forget('grace');
    speaking.settle(10 * SPEAKING_HOLD_MILLIS);
    expect(changes).toEqual(['grace:true']);
  });
});
