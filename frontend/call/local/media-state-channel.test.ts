import { describe, expect, it } from 'vitest';
import { parseMediaState } from './media-state-channel';

describe('parseMediaState', () => {
  it('readsBothSwitches', () => {
    expect(parseMediaState('{"microphone":false,"camera":true}')).toEqual({
      microphone: false,
      camera: true,
      screen: false,
    });
    expect(parseMediaState('{"microphone":true,"camera":true,"screen":true}')).toEqual({
      microphone: true,
      camera: true,
      screen: true,
    });
  });

  it('keepsOnlyTheTwoSwitches', () => {
    expect(parseMediaState('{"microphone":true,"camera":false,"screen":"yes","name":"<img>"}')).toEqual({
      microphone: true,
      camera: false,
      screen: false,
    });
  });

  it.each([
    ['not JSON', 'microphone off'],
    ['a string value', '{"microphone":"false","camera":true}'],
    ['a missing switch', '{"microphone":false}'],
    ['null', 'null'],
    ['an array', '[false,true]'],
    ['too long', `{"microphone":false,"camera":true,"x":"${'a'.repeat(300)}"}`],
  ])('refuses %s', (_label, data) => {
    expect(parseMediaState(data)).toBeUndefined();
  });

  it('refusesBinaryData', () => {
    expect(parseMediaState(new ArrayBuffer(4))).toBeUndefined();
  });
});
