import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CallEngine, CallTicket, FrameCryptoStats } from './call-engine';
import { CallPresence } from './call-presence';
import { CallDevices } from './devices/call-devices';
import { DEFAULT_DEVICES, isDeviceSource } from './devices/device-choice';
import { hasE2eeSupport } from './e2ee-support';
import { describeError, deviceError, namedError, screenShareError } from './error-messages';
import type { KeyField } from './key/key-field';
import { RunningCall } from './running-call';

/**
 * An end-to-end-encrypted video call: the own camera and one tile per remote participant.
 * Driven from the server through its methods; reports through `e2ee-call-*` events
 * (`call-events.ts`). Knows the engines only through their contract (`call-engine.ts`): the call
 * it runs (`running-call.ts`) loads the one a ticket names on joining (`engines.ts`).
 */
@customElement('e2ee-video-call')
export class E2eeVideoCall extends LitElement {
  @state() private microphoneOn = true;
  @state() private cameraOn = true;
  private readonly presence = new CallPresence(this);
  private readonly devices = new CallDevices(this);
  private readonly call = new RunningCall(this, this.presence, this.devices, () => ({
    microphone: this.microphoneOn,
    camera: this.cameraOn,
  }));

  // Light DOM, so that the OpenTok.js widget styles reach the videos.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Whether this browser can join an encrypted call; does not load OpenTok.js. */
  checkSupport(): boolean {
    return hasE2eeSupport();
  }

  /**
   * Joins the call with the key in `keyField`, and the camera and microphone `devices` (the form's
   * check, if any) chose; the browser's default ones otherwise.
   */
  async join(ticket: CallTicket, keyField: KeyField, devices?: unknown): Promise<void> {
    const choice = isDeviceSource(devices) ? devices.takeChoice() : DEFAULT_DEVICES;
    const key = keyField.takeKey();
    if (key === undefined) {
      this.call.fire('e2ee-call-error', describeError({ name: 'INVALID_KEY_LENGTH' }));
      return;
    }
    await this.call.join(ticket, key, choice);
  }

  /**
   * Asks the browser again for a device the call went without (its toggle was pressed): `true` when
   * it can be had now, so that the page joins again with it; otherwise the notice says why not.
   */
  retryDevice(kind: 'camera' | 'microphone'): Promise<boolean> {
    return this.devices.retry(kind);
  }

  async changeKey(keyField: KeyField): Promise<void> {
    const key = keyField.takeKey();
    if (key === undefined) {
      this.call.fire('e2ee-call-error', describeError({ name: 'INVALID_KEY_LENGTH' }));
      return;
    }
    try {
      const engine = this.inCall();
      if (!engine) {
        throw namedError('NOT_IN_CALL');
      }
      await engine.changeKey(key);
      this.call.fire('e2ee-call-key-changed', {});
    } catch (error) {
      this.call.fire('e2ee-call-error', describeError(error));
    } finally {
      keyField.clear();
    }
  }

  leave(): void {
    if (this.call.leave()) {
      this.call.fire('e2ee-call-left', {});
    }
  }

  setMicrophoneOn(on: boolean): void {
    this.microphoneOn = on;
    this.call.engine?.setMicrophone(on);
  }

  setCameraOn(on: boolean): void {
    this.cameraOn = on;
    this.call.engine?.setCamera(on);
  }

  /**
   * Starts sharing a screen the person picks (the browser asks), or stops sharing. Ends in an
   * `e2ee-call-screen-share-started` or `-stopped` event, or an `e2ee-call-error` (also when the person
   * cancelled the browser's choice).
   */
  async setScreenSharing(on: boolean): Promise<void> {
    const engine = this.call.engine;
    if (!on) {
      engine?.stopScreenShare();
      return;
    }
    try {
      if (!engine || this.call.phase !== 'in-call') {
        throw namedError('NOT_IN_CALL');
      }
      await engine.startScreenShare(this.call.ownScreen);
    } catch (error) {
      if (this.call.engine === engine) {
        this.call.fire('e2ee-call-error', describeError(screenShareError(error)));
      }
    }
  }

  /** Whether a screen can be shared in the running call; `false` outside a call. */
  async checkScreenSharing(): Promise<boolean> {
    return this.inCall()?.canShareScreen() ?? false;
  }

  /** Shows or hides the list of cameras, microphones and speakers to switch to; only in a call. */
  async setDevicesShown(shown: boolean): Promise<void> {
    const engine = this.inCall();
    this.devices.closePanel();
    if (!shown || !engine) {
      return;
    }
    await this.devices.openPanel(engine, () => this.call.engine === engine, {
      switched: (kind) => this.call.fire('e2ee-call-device-changed', { kind }),
      failed: (error) => this.call.fire('e2ee-call-error', describeError(deviceError(error))),
    });
  }

  /** A signalling message from the server for the running call; ignored when no call signals through the server. */
  receiveSignal(message: unknown): void {
    this.call.engine?.receiveSignal?.(message);
  }

  /**
   * What encrypting and decrypting one frame costs in this browser, for benchmarks; `null` when the
   * running call (if any) does not encrypt frames itself. Nothing of it is sent anywhere.
   */
  async localEngineStats(): Promise<FrameCryptoStats | null> {
    return (await this.call.engine?.frameCryptoStats?.()) ?? null;
  }

  /** The engine, once the call is in. */
  private inCall(): CallEngine | undefined {
    return this.call.phase === 'in-call' ? this.call.engine : undefined;
  }

  protected override render(): TemplateResult {
    const { screen, phase } = this.call;
    if (!screen) {
      return html``;
    }
    const sent = this.devices.sent;
    // The styles stay once loaded: the page keeps the call's frame around a lost call's Rejoin.
    return html`
      ${screen.callStyles}
      ${
        phase !== 'idle' && this.devices.notice
          ? html`<p class="device-notice" role="status">${this.devices.notice}</p>`
          : nothing
      }
      ${
        phase === 'idle'
          ? nothing
          : screen.renderCall({
              joining: phase === 'joining',
              reconnecting: this.call.reconnecting,
              ownName: this.call.ownName,
              ownMedia: this.call.ownMedia,
              safetyCode: this.call.safetyCode,
              remotes: this.presence.remotes,
              // a device the call went without is off, whatever its toggle says
              microphoneOn: this.microphoneOn && sent.microphone,
              cameraOn: this.cameraOn && sent.camera,
              ownSpeaking: this.presence.ownSpeaking,
              screens: this.presence.screens,
              announcement: this.presence.announcement,
              devices: this.devices.panel?.render(),
            })
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'e2ee-video-call': E2eeVideoCall;
  }
}
