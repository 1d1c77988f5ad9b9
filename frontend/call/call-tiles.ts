import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { icon } from './call-icons';
import { callStyles } from './call-styles';
import { SpeakingMarker } from './speaking';

export { callStyles, SpeakingMarker };

/** A remote participant's tile: their video, their name, and whether their key differs. */
export interface RemoteTile {
  readonly id: string;
  readonly name: string;
  readonly media: HTMLElement;
  readonly keyMismatch: boolean;
  /** Whether they send sound and video, as they say (their engine reports it). */
  readonly microphone: boolean;
  readonly camera: boolean;
  readonly speaking: boolean;
}

/** A shared screen: shown large (spotlight) to everyone, with the sharer's name. */
export interface ScreenTile {
  /** The sharer's participant id; empty for this browser's own screen. */
  readonly id: string;
  readonly name: string;
  readonly own: boolean;
  readonly media: HTMLElement;
  /** Whether the screen's frames do not open with this browser's key. */
  readonly keyMismatch: boolean;
}

/** What the call screen shows; the element owns it, these functions only draw it. */
export interface CallScreen {
  readonly joining: boolean;
  readonly reconnecting: boolean;
  readonly ownName: string;
  /** Where the engine puts the own camera. */
  readonly ownMedia: HTMLElement;
  readonly safetyCode: string;
  readonly remotes: readonly RemoteTile[];
  readonly microphoneOn: boolean;
  readonly cameraOn: boolean;
  readonly ownSpeaking: boolean;
  readonly screens: readonly ScreenTile[];
  /** The latest change worth announcing to screen readers (a screen shared or stopped). */
  readonly announcement: string;
  /** The device lists, while the person has them open. */
  readonly devices?: TemplateResult;
}

export const E2EE_EXPLANATION =
  'Video and sound are encrypted in your browser with the key you typed, and decrypted only in the browsers ' +
  'of people who typed the same key. Neither this app’s server nor the video service can see or hear them. ' +
  'Compare the safety code aloud: the same code means the same key.';

/**
 * The call screen: the encryption badge and safety code, the joining and reconnecting notes, and a
 * grid of the own tile and one tile per remote participant, laid out for their number.
 */
export function renderCall(screen: CallScreen): TemplateResult {
  const tiles = 1 + screen.remotes.length;
  // Another participant's screen before the own, the newest first.
  const spotlight = [...screen.screens].reverse().find((shared) => !shared.own) ?? screen.screens[0];
  return html`
    ${callStyles}
    <div class="call-top">
      <details class="e2ee-badge">
        <summary>${icon('lock')}<span>End-to-end encrypted</span></summary>
        <p>${E2EE_EXPLANATION}</p>
      </details>
      ${
        screen.safetyCode
          ? html`<span
              class="safety-code"
              title="Read it aloud: the others see the same code when they typed the same key"
              >Safety code ${screen.safetyCode}</span
            >`
          : nothing
      }
    </div>
    ${
      screen.joining
        ? html`<div class="status connecting" role="status">
            <progress aria-label="Connecting"></progress><span>Connecting…</span>
          </div>`
        : nothing
    }
    ${
      screen.reconnecting
        ? html`<div class="status reconnecting" role="status">Connection lost. Reconnecting…</div>`
        : nothing
    }
    <div class="announcement" role="status">${screen.announcement}</div>
    ${screen.devices ?? nothing}
    <div class="stage ${spotlight ? 'spotlight' : ''}">
      ${spotlight ? renderScreen(spotlight) : nothing}
      <div class="grid" role="list" aria-label="Participants" data-tiles=${tiles > 4 ? 'many' : String(tiles)}>
        ${renderOwn(screen)}
        ${repeat(
          screen.remotes,
          (remote) => remote.id,
          (remote) => renderRemote(remote),
        )}
      </div>
    </div>
  `;
}

function renderScreen(screen: ScreenTile): TemplateResult {
  return html`
    <div class="tile screen ${screen.own ? 'own-screen' : ''}" data-participant-id=${screen.id}>
      <div class="media">${screen.media}</div>
      <span class="label">${icon('desktop')}${screen.own ? 'Your screen' : `${screen.name}’s screen`}</span>
      ${screen.keyMismatch ? renderMismatch(screen.name, 'screen') : nothing}
    </div>
  `;
}

function renderOwn(screen: CallScreen): TemplateResult {
  return html`
    <div class="tile own ${screen.ownSpeaking ? 'speaking' : ''}" role="listitem">
      <div class="media">${screen.ownMedia}</div>
      <span class="label">You (${screen.ownName})</span>
      ${renderMediaState(screen.microphoneOn, screen.cameraOn)}
    </div>
  `;
}

function renderRemote(remote: RemoteTile): TemplateResult {
  return html`
    <div
      class="tile remote ${remote.speaking ? 'speaking' : ''} ${remote.camera ? '' : 'camera-off'}"
      role="listitem"
      data-participant-id=${remote.id}
    >
      <div class="media">${remote.media}</div>
      <span class="label">${remote.name}</span>
      ${renderMediaState(remote.microphone, remote.camera)}
      ${remote.keyMismatch ? renderMismatch(remote.name, 'camera') : nothing}
    </div>
  `;
}

function renderMismatch(name: string, what: 'camera' | 'screen'): TemplateResult {
  const lost = what === 'screen' ? `see ${name}’s screen` : `see or hear ${name}`;
  return html`<div class="mismatch" role="status">
    <strong>Encryption key mismatch</strong>
    <span>You cannot ${lost}: ask them to check the key.</span>
  </div>`;
}

/** A mark for a tile whose microphone or camera is off; the speaking mark is a frame only, so it is not announced. */
function renderMediaState(microphoneOn: boolean, cameraOn: boolean): TemplateResult | typeof nothing {
  const text = mediaOffText(microphoneOn, cameraOn);
  if (!text) {
    return nothing;
  }
  return html`<span class="media-state">${microphoneOn ? nothing : icon('mute')}${text}</span>`;
}

function mediaOffText(microphoneOn: boolean, cameraOn: boolean): string {
  if (!microphoneOn && !cameraOn) {
    return 'Microphone and camera off';
  }
  if (!microphoneOn) {
    return 'Microphone off';
  }
  return cameraOn ? '' : 'Camera off';
}
