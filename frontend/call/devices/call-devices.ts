import type { ReactiveControllerHost } from 'lit';
import type { CallEngine, MediaState } from '../call-engine';
import type { DevicePanel, DevicePanelHost } from './device-panel';
import { missingDevicesNotice, problemWith, type MissingDevices } from './usable-devices';

/**
 * The running call's devices as the element shows them: whether it has a microphone and a camera
 * at all, what it went without and how to get it back (the notice), and the list to switch
 * devices in, with the speaker chosen there. Changes redraw the element.
 */
export class CallDevices {
  /** What the running call went without and how to get it back; empty when it has both. */
  notice = '';
  /** The device lists, while the person has them open. */
  panel?: DevicePanel;
  private readonly host: ReactiveControllerHost;
  // Whether the running call has a microphone and a camera at all.
  private sentKinds: MediaState = { microphone: true, camera: true };
  private missing: MissingDevices = {};
  private speaker?: string;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
  }

  get sent(): Readonly<MediaState> {
    return this.sentKinds;
  }

  /** The call is in: `sent` says which of microphone and camera it has. */
  connected(sent: Readonly<MediaState>): void {
    this.sentKinds = { ...sent };
  }

  /** The call joined without what is `missing`: the notice says so. */
  joinedWithout(missing: MissingDevices): void {
    this.missing = missing;
    this.notice = missingDevicesNotice(missing);
    this.host.requestUpdate();
  }

  /**
   * Asks the browser again for a device the call went without: `true` when it can be had now;
   * otherwise the notice says why not.
   */
  async retry(kind: 'camera' | 'microphone'): Promise<boolean> {
    const problem = await problemWith(kind);
    this.missing = { ...this.missing, [kind]: problem };
    // emptied first, so that the same sentence is drawn, and announced, again
    this.notice = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.notice = missingDevicesNotice(this.missing);
    this.host.requestUpdate();
    return problem === undefined;
  }

  /** Opens the list for `engine`, unless `current` says the call changed while it loaded. */
  async openPanel(
    engine: CallEngine,
    current: () => boolean,
    reports: Omit<DevicePanelHost, 'changed'>,
  ): Promise<void> {
    const { DevicePanel } = await import('./device-panel');
    if (!current() || this.panel) {
      return;
    }
    this.panel = new DevicePanel(engine, this.sentKinds, this.speaker, {
      changed: () => this.host.requestUpdate(),
      switched: reports.switched,
      failed: reports.failed,
    });
    this.host.requestUpdate();
  }

  closePanel(): void {
    this.speaker = this.panel?.chosenSpeaker ?? this.speaker;
    this.panel?.close();
    this.panel = undefined;
    this.host.requestUpdate();
  }

  /** No call: nothing missing, no list, the next call starts from the default speaker. */
  clear(): void {
    this.closePanel();
    this.speaker = undefined;
    this.sentKinds = { microphone: true, camera: true };
    this.notice = '';
    this.missing = {};
    this.host.requestUpdate();
  }
}
