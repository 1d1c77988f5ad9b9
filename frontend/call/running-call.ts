import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallEngine, CallEvents, CallTicket, MediaState } from './call-engine';
import { callEvent, type CallEventDetails, type CallEventType } from './call-events';
import type { CallPresence } from './call-presence';
import { reportsTo } from './call-reports';
import type { CallDevices } from './devices/call-devices';
import type { DeviceChoice } from './devices/device-choice';
import { isDeviceFailure, usableDevices, type MissingDevices } from './devices/usable-devices';
import { engineLoader, type EngineFactory } from './engines';
import { describeError, namedError } from './error-messages';
import { safetyCodeFrom } from './safety-code';

export type Phase = 'idle' | 'joining' | 'in-call';

/** The call screen's drawing, loaded on the first join so that the form page does not carry it. */
export type CallScreenModule = typeof import('./call-tiles');

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The call `<e2ee-video-call>` runs, from join to release: loads the engine the ticket names and
 * the call screen, connects (again without a device the browser refused), takes the engine's
 * reports, and ends it on leave, when the element leaves the page, and when the page goes.
 * Changes redraw the element.
 */
export class RunningCall implements ReactiveController {
  phase: Phase = 'idle';
  reconnecting = false;
  ownName = '';
  safetyCode = '';
  screen?: CallScreenModule;
  // The engine puts the own camera in here; kept across joins.
  readonly ownMedia = document.createElement('div');
  // The engine shows the own shared screen in here.
  readonly ownScreen = document.createElement('div');
  private readonly host: Host;
  private readonly presence: CallPresence;
  private readonly devices: CallDevices;
  // Whether the person wants the microphone and camera on, as the call starts.
  private readonly wanted: () => MediaState;
  private current?: CallEngine;
  // Counts joins and leaves, so that a join retried without a device never outlives a leave.
  private attempt = 0;
  private safetyCodeVersion = 0;

  constructor(host: Host, presence: CallPresence, devices: CallDevices, wanted: () => MediaState) {
    this.host = host;
    this.presence = presence;
    this.devices = devices;
    this.wanted = wanted;
    host.addController(this);
  }

  /** The engine of the running call, joining or in it. */
  get engine(): CallEngine | undefined {
    return this.current;
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.end);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.end);
    this.end();
  }

  /** Joins with `key` and the devices chosen; a join during a call replaces that call. */
  join(ticket: CallTicket, key: string, choice: DeviceChoice): Promise<void> {
    return this.start(ticket, key, choice, {}, ++this.attempt);
  }

  /** Ends the call, if one runs or is joined; whether there was one. */
  leave(): boolean {
    this.attempt++;
    // while the engine loads, the call is joining without one
    if (!this.current && this.phase === 'idle') {
      return false;
    }
    this.release();
    return true;
  }

  fire<K extends CallEventType>(type: K, detail: CallEventDetails[K]): void {
    this.host.dispatchEvent(callEvent(type, detail));
  }

  private readonly end = (): void => {
    this.attempt++;
    this.release();
  };

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
    const loadEngine = engineLoader(ticket.engine);
    if (!loadEngine) {
      this.fire('e2ee-call-error', describeError({ name: 'UNSUPPORTED_ENGINE' }));
      return;
    }
    this.release();
    this.ownName = ticket.name;
    this.phase = 'joining';
    this.host.requestUpdate();
    let Engine: EngineFactory;
    try {
      [Engine, this.screen] = await Promise.all([loadEngine(), this.screen ?? import('./call-tiles')]);
    } catch {
      if (attempt === this.attempt) {
        this.release();
        this.fire('e2ee-call-error', describeError(namedError('CALL_SCREEN_LOAD_FAILED')));
      }
      return;
    }
    // The styles stay once loaded, whatever became of this join.
    this.host.requestUpdate();
    // unless the person left, or joined again, meanwhile
    if (attempt !== this.attempt) {
      return;
    }
    const engine = new Engine(this.reports());
    this.current = engine;
    this.presence.watchSpeaking(this.screen.SpeakingMarker);
    // The own tile has to be in the page before the camera is put into it.
    await this.host.updateComplete;
    if (this.current !== engine) {
      return;
    }
    try {
      await engine.connect(ticket, key, this.ownMedia, this.wanted(), choice);
      if (this.current === engine) {
        this.devices.joinedWithout(missing);
      }
    } catch (error) {
      if (this.current !== engine) {
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

  private reports(): CallEvents {
    return reportsTo({
      element: this.host,
      presence: this.presence,
      ownName: () => this.ownName,
      connected: (sent) => {
        this.phase = 'in-call';
        this.devices.connected(sent);
        this.host.requestUpdate();
      },
      reconnecting: (on) => {
        this.reconnecting = on;
        this.host.requestUpdate();
      },
      ended: () => {
        this.current = undefined;
        this.clear();
      },
      keyStretched: (material) => {
        if (this.current) {
          void this.showSafetyCode(material, this.current);
        }
      },
    });
  }

  /** Derives the code for the key now in use, unless another call or key took over meanwhile. */
  private async showSafetyCode(material: CryptoKey, engine: CallEngine): Promise<void> {
    this.safetyCode = '';
    this.host.requestUpdate();
    const version = ++this.safetyCodeVersion;
    const code = await safetyCodeFrom(material);
    if (this.current === engine && version === this.safetyCodeVersion) {
      this.safetyCode = code;
      this.host.requestUpdate();
    }
  }

  /** Ends whatever call runs, without telling anyone: camera, microphone, session, handlers, tiles. */
  private release(): void {
    const engine = this.current;
    this.current = undefined;
    engine?.disconnect();
    this.clear();
  }

  private clear(): void {
    this.devices.clear();
    this.phase = 'idle';
    this.safetyCode = '';
    this.reconnecting = false;
    this.presence.clear();
    this.ownMedia.replaceChildren();
    this.ownScreen.replaceChildren();
    this.host.requestUpdate();
  }
}
