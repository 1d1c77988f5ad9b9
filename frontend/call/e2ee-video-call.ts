import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { CallPresence } from './call-presence';
import type { DevicePanel } from './devices/device-panel';
import type { CallEngine, CallEvents, CallTicket, FrameCryptoStats, MediaState } from './call-engine';
import { deviceError, detailOf, screenShareError, type CallEventDetails } from './call-event-details';
import { DEFAULT_DEVICES, isDeviceSource } from './devices/device-choice';
import { hasE2eeSupport } from './e2ee-support';
import { describeError, namedError } from './error-messages';
import type { KeyField } from './key/key-field';
import { LocalEngine } from './local/local-engine';
import { OpenTokEngine } from './opentok/opentok-engine';
import { safetyCodeFrom } from './safety-code';
import type { DeviceChoice } from './devices/device-choice';
import {
  isDeviceFailure,
  missingDevicesNotice,
  problemWith,
  usableDevices,
  type MissingDevices,
} from './devices/usable-devices';

type Phase = 'idle' | 'joining' | 'in-call';

/** The call screen's drawing, loaded on the first join so that the form page does not carry it. */
type CallScreenModule = typeof import('./call-tiles');

/**
 * An end-to-end-encrypted video call: the own camera and one tile per remote participant.
 * Driven from the server through its methods; reports through `e2ee-call-*` events.
 */
@customElement('e2ee-video-call')
export class E2eeVideoCall extends LitElement {
  @state() private phase: Phase = 'idle';
  @state() private reconnecting = false;
  @state() private ownName = '';
  @state() private safetyCode = '';
  private safetyCodeVersion = 0;
  @state() private microphoneOn = true;
  @state() private cameraOn = true;
  @state() private screen?: CallScreenModule;
  @state() private devicePanel?: DevicePanel;
  // What the running call went without and how to get it back; empty when it has both.
  @state() private deviceNotice = '';
  private missing: MissingDevices = {};
  // Counts joins and leaves, so that a join retried without a device never outlives a leave.
  private attempt = 0;
  // Whether the running call has a microphone and a camera at all.
  private sent: MediaState = { microphone: true, camera: true };
  private speaker?: string;
  private readonly presence = new CallPresence(this);

  private engine?: CallEngine;
  // The engine puts the own camera in here; kept across joins.
  private readonly ownMedia = document.createElement('div');
  // The engine shows the own shared screen in here.
  private readonly ownScreen = document.createElement('div');

  private readonly onPageHide = (): void => {
    this.attempt++;
    this.release();
  };

  // Light DOM, so that the OpenTok.js widget styles reach the videos.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.onPageHide);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    this.attempt++;
    this.release();
    super.disconnectedCallback();
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
      this.fire('e2ee-call-error', describeError({ name: 'INVALID_KEY_LENGTH' }));
      return;
    }
    await this.start(ticket, key, choice, {}, ++this.attempt);
  }

  /**
   * Asks the browser again for a device the call went without (its toggle was pressed): `true` when
   * it can be had now, so that the page joins again with it; otherwise the notice says why not.
   */
  async retryDevice(kind: 'camera' | 'microphone'): Promise<boolean> {
    const problem = await problemWith(kind);
    this.missing = { ...this.missing, [kind]: problem };
    // emptied first, so that the same sentence is drawn, and announced, again
    this.deviceNotice = '';
    await this.updateComplete;
    this.deviceNotice = missingDevicesNotice(this.missing);
    return problem === undefined;
  }

  /**
   * Connects with the devices chosen; when the browser refuses them, joins with what works (the
   * microphone alone, or neither) and says what is missing.
   */
  private async start(
    ticket: CallTicket,
    key: string,
    choice: DeviceChoice,
    missing: MissingDevices,
    attempt: number,
  ): Promise<void> {
    const engine = this.createEngine(ticket.engine);
    if (!engine) {
      this.fire('e2ee-call-error', describeError({ name: 'UNSUPPORTED_ENGINE' }));
      return;
    }
    // A join during a call replaces that call.
    this.release();
    this.engine = engine;
    this.ownName = ticket.name;
    this.phase = 'joining';
    try {
      this.screen ??= await import('./call-tiles');
    } catch {
      if (this.engine === engine) {
        this.release();
        this.fire('e2ee-call-error', describeError(namedError('CALL_SCREEN_LOAD_FAILED')));
      }
      return;
    }
    if (this.engine !== engine) {
      return;
    }
    this.presence.watchSpeaking(this.screen.SpeakingMarker);
    // The own tile has to be in the page before the camera is put into it.
    await this.updateComplete;
    if (this.engine !== engine) {
      return;
    }
    try {
      await engine.connect(
        ticket,
        key,
        this.ownMedia,
        { microphone: this.microphoneOn, camera: this.cameraOn },
        choice,
      );
      if (this.engine === engine) {
        this.missing = missing;
        this.deviceNotice = missingDevicesNotice(missing);
      }
    } catch (error) {
      if (this.engine !== engine) {
        return;
      }
      this.release();
      const usable = isDeviceFailure(error) ? await usableDevices(choice) : undefined;
      if (!usable || (usable.missing.camera === undefined && usable.missing.microphone === undefined)) {
        this.fire('e2ee-call-error', describeError(error));
        return;
      }
      // unless the person left, or joined again, meanwhile
      if (attempt === this.attempt) {
        await this.start(ticket, key, usable.choice, usable.missing, attempt);
      }
    }
  }

  async changeKey(keyField: KeyField): Promise<void> {
    const key = keyField.takeKey();
    if (key === undefined) {
      this.fire('e2ee-call-error', describeError({ name: 'INVALID_KEY_LENGTH' }));
      return;
    }
    try {
      if (!this.engine || this.phase !== 'in-call') {
        throw namedError('NOT_IN_CALL');
      }
      await this.engine.changeKey(key);
      this.fire('e2ee-call-key-changed', {});
    } catch (error) {
      this.fire('e2ee-call-error', describeError(error));
    } finally {
      keyField.clear();
    }
  }

  leave(): void {
    this.attempt++;
    if (!this.engine) {
      return;
    }
    this.release();
    this.fire('e2ee-call-left', {});
  }

  setMicrophoneOn(on: boolean): void {
    this.microphoneOn = on;
    this.engine?.setMicrophone(on);
  }

  setCameraOn(on: boolean): void {
    this.cameraOn = on;
    this.engine?.setCamera(on);
  }

  /**
   * Starts sharing a screen the person picks (the browser asks), or stops sharing. Ends in an
   * `e2ee-call-screen-share-started` or `-stopped` event, or an `e2ee-call-error` (also when the person
   * cancelled the browser's choice).
   */
  async setScreenSharing(on: boolean): Promise<void> {
    const engine = this.engine;
    if (!on) {
      engine?.stopScreenShare();
      return;
    }
    try {
      if (!engine || this.phase !== 'in-call') {
        throw namedError('NOT_IN_CALL');
      }
      await engine.startScreenShare(this.ownScreen);
    } catch (error) {
      if (this.engine === engine) {
        this.fire('e2ee-call-error', describeError(screenShareError(error)));
      }
    }
  }

  /** Whether a screen can be shared in the running call; `false` outside a call. */
  async checkScreenSharing(): Promise<boolean> {
    return this.engine && this.phase === 'in-call' ? this.engine.canShareScreen() : false;
  }

  /** Shows or hides the list of cameras, microphones and speakers to switch to; only in a call. */
  async setDevicesShown(shown: boolean): Promise<void> {
    const engine = this.engine;
    this.closeDevicePanel();
    if (!shown || !engine || this.phase !== 'in-call') {
      return;
    }
    const { DevicePanel } = await import('./devices/device-panel');
    if (this.engine !== engine || this.devicePanel) {
      return;
    }
    this.devicePanel = new DevicePanel(engine, this.sent, this.speaker, {
      changed: () => this.requestUpdate(),
      switched: (kind) => this.fire('e2ee-call-device-changed', { kind }),
      failed: (error) => this.fire('e2ee-call-error', describeError(deviceError(error))),
    });
  }

  /** A signalling message from the server for the running call; ignored when no call signals through the server. */
  receiveSignal(message: unknown): void {
    this.engine?.receiveSignal?.(message);
  }

  /**
   * What encrypting and decrypting one frame costs in this browser, for benchmarks; `null` when the
   * running call (if any) does not encrypt frames itself. Nothing of it is sent anywhere.
   */
  async localEngineStats(): Promise<FrameCryptoStats | null> {
    return (await this.engine?.frameCryptoStats?.()) ?? null;
  }

  private createEngine(kind: CallTicket['engine']): CallEngine | undefined {
    switch (kind) {
      case 'opentok':
        return new OpenTokEngine(this.callEvents());
      case 'local':
        return new LocalEngine(this.callEvents());
      default:
        return undefined;
    }
  }

  private callEvents(): CallEvents {
    return {
      connected: (sent) => {
        this.phase = 'in-call';
        this.sent = { ...sent };
        this.fire('e2ee-call-connected', { microphone: sent.microphone, camera: sent.camera });
      },
      participantJoined: (participant) => {
        this.presence.joined(participant);
        this.fire('e2ee-call-participant-joined', detailOf(participant));
      },
      participantLeft: (participant) => {
        this.presence.left(participant);
        this.fire('e2ee-call-participant-left', detailOf(participant));
      },
      keyMismatch: (participant) => {
        this.presence.keyMismatch(participant.id, true);
        this.fire('e2ee-call-key-mismatch', detailOf(participant));
      },
      keyMatch: (participant) => {
        this.presence.keyMismatch(participant.id, false);
        this.fire('e2ee-call-key-match', detailOf(participant));
      },
      reconnecting: () => {
        this.reconnecting = true;
        this.fire('e2ee-call-reconnecting', {});
      },
      reconnected: () => {
        this.reconnecting = false;
        this.fire('e2ee-call-reconnected', {});
      },
      disconnected: (reason) => {
        this.engine = undefined;
        this.clearCall();
        this.fire('e2ee-call-disconnected', { reason });
      },
      error: (error) => this.fire('e2ee-call-error', describeError(error)),
      sendSignal: (message) => this.fire('e2ee-call-signal', message),
      remoteMedia: (participant, media) => this.presence.media(participant.id, media),
      audioLevel: (id, level) => this.presence.level(id, level),
      screenShareStarted: (participant, media) => {
        const tile = this.presence.screenStarted(participant, media, this.ownName);
        this.fire('e2ee-call-screen-share-started', { id: tile.id, name: tile.name, own: tile.own });
      },
      screenShareStopped: (participant) => {
        const tile = this.presence.screenStopped(participant);
        if (tile) {
          this.fire('e2ee-call-screen-share-stopped', { id: tile.id, name: tile.name, own: tile.own });
        }
      },
      keyStretched: (material) => {
        if (this.engine) {
          void this.showSafetyCode(material, this.engine);
        }
      },
    };
  }

  /** Derives the code for the key now in use, unless another call or key took over meanwhile. */
  private async showSafetyCode(material: CryptoKey, engine: CallEngine): Promise<void> {
    this.safetyCode = '';
    const version = ++this.safetyCodeVersion;
    const code = await safetyCodeFrom(material);
    if (this.engine === engine && version === this.safetyCodeVersion) {
      this.safetyCode = code;
    }
  }

  /** Ends whatever call runs, without telling anyone: camera, microphone, session, handlers, tiles. */
  private release(): void {
    const engine = this.engine;
    this.engine = undefined;
    engine?.disconnect();
    this.clearCall();
  }

  private closeDevicePanel(): void {
    this.speaker = this.devicePanel?.chosenSpeaker ?? this.speaker;
    this.devicePanel?.close();
    this.devicePanel = undefined;
  }

  private clearCall(): void {
    this.closeDevicePanel();
    this.speaker = undefined;
    this.sent = { microphone: true, camera: true };
    this.phase = 'idle';
    this.safetyCode = '';
    this.deviceNotice = '';
    this.missing = {};
    this.reconnecting = false;
    this.presence.clear();
    this.ownMedia.replaceChildren();
    this.ownScreen.replaceChildren();
  }

  private fire<K extends keyof CallEventDetails>(type: K, detail: CallEventDetails[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  protected override render(): TemplateResult {
    const screen = this.screen;
    if (!screen) {
      return html``;
    }
    // The styles stay once loaded: the page keeps the call's frame around a lost call's Rejoin.
    return html`
      ${screen.callStyles}
      ${
        this.phase !== 'idle' && this.deviceNotice
          ? html`<p class="device-notice" role="status">${this.deviceNotice}</p>`
          : nothing
      }
      ${
        this.phase === 'idle'
          ? nothing
          : screen.renderCall({
              joining: this.phase === 'joining',
              reconnecting: this.reconnecting,
              ownName: this.ownName,
              ownMedia: this.ownMedia,
              safetyCode: this.safetyCode,
              remotes: this.presence.remotes,
              // a device the call went without is off, whatever its toggle says
              microphoneOn: this.microphoneOn && this.sent.microphone,
              cameraOn: this.cameraOn && this.sent.camera,
              ownSpeaking: this.presence.ownSpeaking,
              screens: this.presence.screens,
              announcement: this.presence.announcement,
              devices: this.devicePanel?.render(),
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
