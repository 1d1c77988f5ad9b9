import { constraintFor, deviceProblem, type DeviceChoice, type DeviceId, type DeviceProblem } from './device-choice';

/** The kinds a call went without, and why. */
export interface MissingDevices {
  readonly camera?: DeviceProblem;
  readonly microphone?: DeviceProblem;
}

export type MediaKind = 'camera' | 'microphone';

// The names both engines give getUserMedia's failures (see error-messages.ts).
const DEVICE_FAILURES = new Set(['OT_USER_MEDIA_ACCESS_DENIED', 'OT_NO_DEVICES_FOUND', 'OT_HARDWARE_UNAVAILABLE']);

/** Whether a join failed for want of the camera or the microphone, so that it can go on without one. */
export function isDeviceFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && DEVICE_FAILURES.has(String(error.name));
}

/**
 * Asks for each kind on its own, after a request for both failed: the choice with what works (none
 * for what does not) and why the rest does not. A new request each time, so the browser asks again
 * where it may.
 */
export async function usableDevices(choice: DeviceChoice): Promise<{ choice: DeviceChoice; missing: MissingDevices }> {
  const camera = await problemWith('camera', choice.camera);
  const microphone = await problemWith('microphone', choice.microphone);
  return {
    choice: { camera: camera ? null : choice.camera, microphone: microphone ? null : choice.microphone },
    missing: { camera, microphone },
  };
}

/** Why one kind cannot be had now; `undefined` when it can (its tracks are stopped at once). */
export async function problemWith(kind: MediaKind, id: DeviceId = undefined): Promise<DeviceProblem | undefined> {
  const constraint = constraintFor(id);
  if (constraint === false) {
    return undefined;
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia(
      kind === 'camera' ? { video: constraint } : { audio: constraint },
    );
    stream.getTracks().forEach((track) => track.stop());
    return undefined;
  } catch (error) {
    return deviceProblem(error);
  }
}

const NAMES: Record<MediaKind, string> = { camera: 'camera', microphone: 'microphone' };
const TOGGLES: Record<MediaKind, string> = { camera: 'No camera', microphone: 'No microphone' };

/** The sentence shown in the call about what it went without and how to get it back; empty when nothing. */
export function missingDevicesNotice(missing: MissingDevices): string {
  const kinds = (['camera', 'microphone'] as const).filter((kind) => missing[kind] !== undefined);
  const [first, second] = kinds;
  if (!first) {
    return '';
  }
  if (second && missing.camera === missing.microphone) {
    const toggles = `press ${TOGGLES.camera} or ${TOGGLES.microphone} to try again`;
    switch (missing.camera) {
      case 'denied':
        return `The browser did not allow the camera and the microphone: you see and hear the others. Allow them in the site settings (the icon beside the address), then ${toggles}.`;
      case 'missing':
        return `No camera or microphone was found: you see and hear the others. Connect one, then ${toggles}.`;
      default:
        return `The camera and the microphone are in use by another application: you see and hear the others. Close it, then ${toggles}.`;
    }
  }
  return kinds.map((kind) => sentence(kind, missing[kind] ?? 'busy')).join(' ');
}

function sentence(kind: MediaKind, problem: DeviceProblem): string {
  const retry = `then press ${TOGGLES[kind]} to try again`;
  switch (problem) {
    case 'denied':
      return `The browser did not allow the ${NAMES[kind]}: allow it in the site settings (the icon beside the address), ${retry}.`;
    case 'missing':
      return `No ${NAMES[kind]} was found: connect one, ${retry}.`;
    default:
      return `The ${NAMES[kind]} is in use by another application: close it, ${retry}.`;
  }
}
