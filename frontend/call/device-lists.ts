import { html, nothing, type TemplateResult } from 'lit';
import type { DeviceKind } from './devices';

/** One device as the lists show it. */
export interface DeviceOption {
  readonly id: string;
  readonly label: string;
}

export type DeviceLists = Readonly<Record<DeviceKind, readonly DeviceOption[]>>;

export const NO_DEVICES: DeviceLists = { camera: [], microphone: [], speaker: [] };

const NAMES: Readonly<Record<DeviceKind, string>> = { camera: 'Camera', microphone: 'Microphone', speaker: 'Speaker' };

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
    list.push({ id: device.deviceId, label: device.label || `${NAMES[kind]} ${list.length + 1}` });
  }
  return lists;
}

export async function listDevices(): Promise<DeviceLists> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return deviceLists(devices, 'setSinkId' in HTMLMediaElement.prototype);
}

/**
 * A labelled list to pick one device of a kind; with `none`, an entry (value '') to use none of them.
 * Nothing when the kind has no device and no `none` entry.
 */
export function renderDeviceSelect(
  kind: DeviceKind,
  options: readonly DeviceOption[],
  current: string | null | undefined,
  choose: (kind: DeviceKind, id: string) => void,
  none?: string,
): TemplateResult | typeof nothing {
  if (options.length === 0 && !none) {
    return nothing;
  }
  // The list inside its label, without ids, which the form's check and the call's panel would share;
  // named by aria-label, as a wrapping label's name would take in the selected option's text.
  return html`
    <label class="device-choice">
      <span>${NAMES[kind]}</span>
      <select aria-label=${NAMES[kind]} @change=${(event: Event) => choose(kind, (event.target as HTMLSelectElement).value)}>
        ${options.map((option) => html`<option value=${option.id} ?selected=${option.id === current}>${option.label}</option>`)}
        ${none ? html`<option value="" ?selected=${current === null}>${none}</option>` : nothing}
      </select>
    </label>
  `;
}
