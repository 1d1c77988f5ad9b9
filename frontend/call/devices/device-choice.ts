/**
 * Which camera and microphone a call uses. Small on purpose: it loads with the form; the check and
 * the in-call choice, which draw the lists, load when asked for.
 */

/** A device id to use; `undefined` for the browser's default; `null` for none (denied, missing or declined). */
export type DeviceId = string | null | undefined;

/** The camera and microphone to join with. */
export interface DeviceChoice {
  readonly camera: DeviceId;
  readonly microphone: DeviceId;
}

/** What the browser picks by itself, and what a call joins with when nobody checked. */
export const DEFAULT_DEVICES: DeviceChoice = { camera: undefined, microphone: undefined };

/** What can be switched in a call: the sources sent, and where the others' sound plays. */
export type DeviceKind = 'camera' | 'microphone' | 'speaker';

/** Something on the page that knows the person's device choice, such as the camera and microphone check. */
export interface DeviceSource {
  /** The choice to join with; stops any preview, so that the call can open the devices itself. */
  takeChoice(): DeviceChoice;
}

/** getUserMedia's constraint for one kind: false for none, `true` for the default, else that exact device. */
export function constraintFor(id: DeviceId): boolean | MediaTrackConstraints {
  if (id === null) {
    return false;
  }
  return id === undefined ? true : { deviceId: { exact: id } };
}

/** Why a device cannot be used, from getUserMedia's error names. */
export type DeviceProblem = 'denied' | 'missing' | 'busy';

export function deviceProblem(error: unknown): DeviceProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'OT_USER_MEDIA_ACCESS_DENIED':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'OT_NO_DEVICES_FOUND':
      return 'missing';
    default:
      return 'busy';
  }
}

/** The element the page hands to `join`, when it is a device source. */
export function isDeviceSource(value: unknown): value is DeviceSource {
  return (
    typeof value === 'object' && value !== null && typeof (value as Partial<DeviceSource>).takeChoice === 'function'
  );
}
