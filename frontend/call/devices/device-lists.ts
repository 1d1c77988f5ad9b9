import type { DeviceKind } from './device-choice';

/** One device as the lists show it. */
export interface DeviceOption {
  readonly id: string;
  readonly label: string;
}

export type DeviceLists = Readonly<Record<DeviceKind, readonly DeviceOption[]>>;

export const NO_DEVICES: DeviceLists = { camera: [], microphone: [], speaker: [] };

export const DEVICE_NAMES: Readonly<Record<DeviceKind, string>> = {
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
};

const BROWSER_KINDS: Readonly<Record<MediaDeviceKind, DeviceKind>> = {
  videoinput: 'camera',
  audioinput: 'microphone',
  audiooutput: 'speaker',
};

/**
 * The browser's devices by kind. Labels are empty until the page may use a device of that kind;
 * such devices get a numbered name. Outputs are listed only where the page can choose one.
 */
export function deviceLists(devices: readonly MediaDeviceInfo[], canChooseOutput: boolean): DeviceLists {
  const lists: Record<DeviceKind, DeviceOption[]> = { camera: [], microphone: [], speaker: [] };
  for (const device of devices) {
    const kind = BROWSER_KINDS[device.kind];
    if (!device.deviceId || (kind === 'speaker' && !canChooseOutput)) {
      continue;
    }
    const list = lists[kind];
    list.push({ id: device.deviceId, label: device.label || `${DEVICE_NAMES[kind]} ${list.length + 1}` });
  }
  return lists;
}

export async function listDevices(): Promise<DeviceLists> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return deviceLists(devices, 'setSinkId' in HTMLMediaElement.prototype);
}
