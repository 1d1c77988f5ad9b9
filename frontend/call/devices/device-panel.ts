import { html, type TemplateResult } from 'lit';
import type { CallEngine, MediaState, SentDevices } from '../call-engine';
import { listDevices, NO_DEVICES, type DeviceLists } from './device-lists';
import { renderDeviceSelect } from './device-select';
import type { DeviceKind } from './device-choice';

export interface DevicePanelHost {
  /** Something to draw changed. */
  changed(): void;
  /** A device was switched. */
  switched(kind: DeviceKind): void;
  /** A switch failed; the device in use so far stays. */
  failed(error: unknown): void;
}

/**
 * The call's device choice: camera, microphone and, where the browser can choose one, speaker.
 * Loaded when first opened. Follows devices being plugged in or out while it shows.
 */
export class DevicePanel {
  private readonly engine: CallEngine;
  private readonly sent: Readonly<MediaState>;
  private readonly host: DevicePanelHost;
  private readonly listeners = new AbortController();
  private lists: DeviceLists = NO_DEVICES;
  private current: SentDevices = {};
  private speaker?: string;

  constructor(engine: CallEngine, sent: Readonly<MediaState>, speaker: string | undefined, host: DevicePanelHost) {
    this.engine = engine;
    this.sent = sent;
    this.speaker = speaker;
    this.host = host;
    navigator.mediaDevices.addEventListener('devicechange', () => void this.refresh(), {
      signal: this.listeners.signal,
    });
    void this.refresh();
  }

  /** The output chosen in this panel, kept for the next time it opens in the same call. */
  get chosenSpeaker(): string | undefined {
    return this.speaker;
  }

  render(): TemplateResult {
    return html`
      <section class="device-panel" aria-label="Devices">
        ${
          this.sent.camera
            ? renderDeviceSelect('camera', this.lists.camera, this.current.camera, this.choose)
            : html`<p>No camera in this call.</p>`
        }
        ${
          this.sent.microphone
            ? renderDeviceSelect('microphone', this.lists.microphone, this.current.microphone, this.choose)
            : html`<p>No microphone in this call.</p>`
        }
        ${renderDeviceSelect('speaker', this.lists.speaker, this.speaker ?? 'default', this.choose)}
      </section>
    `;
  }

  close(): void {
    this.listeners.abort();
  }

  private readonly choose = async (kind: DeviceKind, id: string): Promise<void> => {
    try {
      if (kind === 'speaker') {
        await this.engine.setSpeaker(id);
        this.speaker = id;
      } else {
        await this.engine.useDevice(kind, id);
      }
      this.host.switched(kind);
    } catch (error) {
      this.host.failed(error);
    }
    await this.refresh();
  };

  private async refresh(): Promise<void> {
    try {
      this.lists = await listDevices();
    } catch {
      this.lists = NO_DEVICES;
    }
    if (!this.listeners.signal.aborted) {
      this.current = this.engine.currentDevices();
      this.host.changed();
    }
  }
}
