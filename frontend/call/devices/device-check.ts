import { LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { callEvent } from '../call-events';
import type { DeviceProbe } from './device-probe';
import { DEFAULT_DEVICES, type DeviceChoice, type DeviceSource } from './device-choice';

/**
 * The camera and microphone check of the join form: a preview, a level meter and the device lists,
 * shown only when asked for (`open()`), so that the form asks for no permission and carries none of
 * it until then. Hands the choice to `<e2ee-video-call>`'s join; reports `e2ee-device-checked`
 * with what works, never a device id.
 */
@customElement('e2ee-device-check')
export class DeviceCheck extends LitElement implements DeviceSource {
  @state() private probe?: DeviceProbe;
  private choice: DeviceChoice = DEFAULT_DEVICES;
  // Counts opens, so that a close while the check still loads wins.
  private opening = 0;

  // Light DOM, so that the page's styles and labels apply.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Opens camera and microphone (the browser may ask) and shows what they give. */
  async open(): Promise<void> {
    if (this.probe) {
      return;
    }
    const opening = ++this.opening;
    const { DeviceProbe } = await import('./device-probe');
    if (opening !== this.opening || this.probe) {
      return;
    }
    const probe = new DeviceProbe(this.choice, {
      changed: () => this.requestUpdate(),
      checked: (result) => this.dispatchEvent(callEvent('e2ee-device-checked', result)),
    });
    this.probe = probe;
    await probe.start();
  }

  /** Stops the preview and releases camera and microphone; the choice stays for the join. */
  close(): void {
    this.opening++;
    const probe = this.probe;
    if (probe) {
      this.choice = probe.choice();
      probe.stop();
      this.probe = undefined;
    }
  }

  takeChoice(): DeviceChoice {
    this.close();
    return this.choice;
  }

  override disconnectedCallback(): void {
    this.close();
    super.disconnectedCallback();
  }

  protected override render(): TemplateResult | typeof nothing {
    return this.probe?.render() ?? nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e2ee-device-check': DeviceCheck;
  }
}
