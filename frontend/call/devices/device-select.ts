import { html, nothing, type TemplateResult } from 'lit';
import { DEVICE_NAMES, type DeviceOption } from './device-lists';
import type { DeviceKind } from './device-choice';

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
      <span>${DEVICE_NAMES[kind]}</span>
      <select
        aria-label=${DEVICE_NAMES[kind]}
        @change=${(event: Event) => choose(kind, (event.target as HTMLSelectElement).value)}
      >
        ${options.map((option) => html`<option value=${option.id} ?selected=${option.id === current}>${option.label}</option>`)}
        ${none ? html`<option value="" ?selected=${current === null}>${none}</option>` : nothing}
      </select>
    </label>
  `;
}
