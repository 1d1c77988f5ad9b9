import type { DeviceProblem } from './device-choice';

/** How a device of the check stands: in use, declined by the person ('off'), or why it cannot be used. */
export type DeviceStatus = 'on' | 'off' | DeviceProblem;

/** What the check found, as the `e2ee-device-checked` event reports it. */
export interface DeviceCheckResult {
  readonly camera: DeviceStatus;
  readonly microphone: DeviceStatus;
}

type Source = 'camera' | 'microphone';

const SOURCES: readonly Source[] = ['camera', 'microphone'];

/** A level for the meter: speech at a normal distance fills about half of it. */
export function meterLevel(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) {
    sum += sample * sample;
  }
  const rms = Math.sqrt(sum / Math.max(samples.length, 1));
  return Math.min(1, rms * 5);
}

const PROBLEMS: Readonly<Record<Source, Readonly<Record<DeviceProblem, string>>>> = {
  camera: {
    denied:
      'The browser is not allowed to use the camera: allow it in the site settings (in the address bar), or join without video.',
    missing: 'No camera was found. You can join without video.',
    busy: 'The camera could not start; another application may be using it. You can join without video.',
  },
  microphone: {
    denied:
      'The browser is not allowed to use the microphone: allow it in the site settings (in the address bar), or join without sound.',
    missing: 'No microphone was found. You can join without sound and still hear the others.',
    busy: 'The microphone could not start; another application may be using it. You can join without sound.',
  },
};

/** What the person should know about the check's outcome, in one or two sentences. */
export function deviceNote(status: Readonly<Record<Source, DeviceStatus>>): string {
  const problems = SOURCES.flatMap((kind) => {
    const state = status[kind];
    return state === 'on' || state === 'off' ? [] : [PROBLEMS[kind][state]];
  });
  if (status.camera !== 'on' && status.microphone !== 'on') {
    problems.push('You can still join to see and hear the others.');
  } else if (problems.length === 0) {
    const used = SOURCES.filter((kind) => status[kind] === 'on');
    problems.push(
      used.length === 2
        ? 'Camera and microphone work; they are used when you enter.'
        : `The ${used[0]} works; you enter with it alone.`,
    );
  }
  return problems.join(' ');
}
