import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { icon } from './call-icons';
import { callStyles } from './call-styles';

export { callStyles };

/** A remote participant's tile: their video, their name, and whether their key differs. */
export interface RemoteTile {
  readonly id: string;
  readonly name: string;
  readonly media: HTMLElement;
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
  return html`
    ${callStyles}
    <div class="call-top">
      <details class="e2ee-badge">
        <summary>${icon('lock')}<span>End-to-end encrypted</span></summary>
        <p>${E2EE_EXPLANATION}</p>
      </details>
      ${screen.safetyCode
        ? html`<span class="safety-code" title="Read it aloud: the others see the same code when they typed the same key"
            >Safety code ${screen.safetyCode}</span
          >`
        : nothing}
    </div>
    ${screen.joining
      ? html`<div class="status connecting" role="status">
          <progress aria-label="Connecting"></progress><span>Connecting…</span>
        </div>`
      : nothing}
    ${screen.reconnecting
      ? html`<div class="status reconnecting" role="status">Connection lost. Reconnecting…</div>`
      : nothing}
    <div class="grid" role="list" aria-label="Participants" data-tiles=${tiles > 4 ? 'many' : String(tiles)}>
      ${renderOwn(screen)}
      ${repeat(
        screen.remotes,
        (remote) => remote.id,
        (remote) => renderRemote(remote),
      )}
    </div>
  `;
}

function renderOwn(screen: CallScreen): TemplateResult {
  const mediaOff = mediaOffText(screen.microphoneOn, screen.cameraOn);
  return html`
    <div class="tile own" role="listitem">
      <div class="media">${screen.ownMedia}</div>
      <span class="label">You (${screen.ownName})</span>
      ${mediaOff ? html`<span class="media-state">${mediaOff}</span>` : nothing}
    </div>
  `;
}

function renderRemote(remote: RemoteTile): TemplateResult {
  return html`
    <div class="tile remote" role="listitem" data-participant-id=${remote.id}>
      <div class="media">${remote.media}</div>
      <span class="label">${remote.name}</span>
      ${remote.keyMismatch
        ? html`<div class="mismatch" role="status">
            <strong>Encryption key mismatch</strong>
            <span>You cannot see or hear ${remote.name}: ask them to check the key.</span>
          </div>`
        : nothing}
    </div>
  `;
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
