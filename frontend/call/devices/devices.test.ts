import { describe, expect, it } from 'vitest';
import { deviceLists } from './device-lists';
import { deviceNote, meterLevel } from './device-status';
import { constraintFor, deviceProblem, isDeviceSource } from './device-choice';

function device(kind: MediaDeviceKind, deviceId: string, label = ''): MediaDeviceInfo {
  return { kind, deviceId, label, groupId: '', toJSON: () => ({}) };
}

function namedError(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

describe('constraintFor', () => {
  it('asksForNothing_theDefault_orExactlyTheChosenDevice', () => {
    expect(constraintFor(null)).toBe(false);
    expect(constraintFor(undefined)).toBe(true);
    expect(constraintFor('cam-2')).toEqual({ deviceId: { exact: 'cam-2' } });
  });
});

describe('deviceProblem', () => {
  it('tellsDeniedFromMissingFromBusy_forTheBrowsersAndOpenTokNames', () => {
    expect(deviceProblem(namedError('NotAllowedError'))).toBe('denied');
    expect(deviceProblem(namedError('SecurityError'))).toBe('denied');
    expect(deviceProblem(namedError('OT_USER_MEDIA_ACCESS_DENIED'))).toBe('denied');
    expect(deviceProblem(namedError('NotFoundError'))).toBe('missing');
    expect(deviceProblem(namedError('OverconstrainedError'))).toBe('missing');
    expect(deviceProblem(namedError('OT_NO_DEVICES_FOUND'))).toBe('missing');
    expect(deviceProblem(namedError('NotReadableError'))).toBe('busy');
    expect(deviceProblem('not an error')).toBe('busy');
  });
});

describe('isDeviceSource', () => {
  it('takesOnlySomethingThatHandsOverAChoice', () => {
    expect(isDeviceSource({ takeChoice: () => ({ camera: null, microphone: undefined }) })).toBe(true);
    expect(isDeviceSource(undefined)).toBe(false);
    expect(isDeviceSource(null)).toBe(false);
    expect(isDeviceSource({ takeChoice: 'camera' })).toBe(false);
  });
});

describe('deviceLists', () => {
  it('sortsByKind_andNamesDevicesWhoseLabelsTheBrowserHides', () => {
    const lists = deviceLists(
      [
        device('videoinput', 'cam-1', 'Front camera'),
        device('videoinput', 'cam-2'),
        device('audioinput', 'mic-1', 'Headset'),
        device('audiooutput', 'out-1', 'Speakers'),
        // before any permission, some browsers list devices without ids
        device('audioinput', ''),
      ],
      true,
    );
    expect(lists.camera).toEqual([
      { id: 'cam-1', label: 'Front camera' },
      { id: 'cam-2', label: 'Camera 2' },
    ]);
    expect(lists.microphone).toEqual([{ id: 'mic-1', label: 'Headset' }]);
    expect(lists.speaker).toEqual([{ id: 'out-1', label: 'Speakers' }]);
  });

  it('listsNoSpeaker_whereThePageCannotChooseTheOutput', () => {
    expect(deviceLists([device('audiooutput', 'out-1', 'Speakers')], false).speaker).toEqual([]);
  });
});

describe('deviceNote', () => {
  it('saysBothWork', () => {
    expect(deviceNote({ camera: 'on', microphone: 'on' })).toBe(
      'Camera and microphone work; they are used when you enter.',
    );
  });

  it('saysWhyADeviceCannotBeUsed_andThatTheOtherIsUsedAlone', () => {
    expect(deviceNote({ camera: 'denied', microphone: 'on' })).toContain('not allowed to use the camera');
    expect(deviceNote({ camera: 'denied', microphone: 'on' })).toContain('join without video');
    expect(deviceNote({ camera: 'off', microphone: 'on' })).toBe('The microphone works; you enter with it alone.');
    expect(deviceNote({ camera: 'on', microphone: 'missing' })).toContain('No microphone was found');
  });

  it('saysThePersonCanStillJoin_whenNeitherWorks', () => {
    const note = deviceNote({ camera: 'missing', microphone: 'busy' });
    expect(note).toContain('No camera was found');
    expect(note).toContain('The microphone could not start');
    expect(note).toMatch(/You can still join to see and hear the others\.$/);
  });
});

describe('meterLevel', () => {
  it('isZeroInSilence_andGrowsWithLoudness_upToOne', () => {
    expect(meterLevel(new Float32Array(512))).toBe(0);
    const quiet = meterLevel(new Float32Array(512).fill(0.02));
    const loud = meterLevel(new Float32Array(512).fill(0.1));
    expect(quiet).toBeGreaterThan(0);
    expect(loud).toBeGreaterThan(quiet);
    expect(meterLevel(new Float32Array(512).fill(1))).toBe(1);
  });
});
