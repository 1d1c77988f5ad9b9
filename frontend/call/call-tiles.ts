import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

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

/** The own tile and one tile per remote participant, with the joining and reconnecting notes. */
export function renderCall(screen: CallScreen): TemplateResult {
  const mediaOff = mediaOffText(screen.microphoneOn, screen.cameraOn);
  return html`
    ${screen.joining
      ? html`<div class="status connecting" role="status">
          <progress aria-label="Connecting"></progress><span>Connecting…</span>
        </div>`
      : nothing}
    ${screen.reconnecting
      ? html`<div class="status reconnecting" role="status">Connection lost. Reconnecting…</div>`
      : nothing}
    <div class="grid" role="list" aria-label="Participants">
      <div class="tile own" role="listitem">
        <div class="media">${screen.ownMedia}</div>
        <span class="label">You (${screen.ownName})</span>
        ${screen.safetyCode
          ? html`<span class="safety-code" title="Read it aloud: the others see the same code when they typed the same key"
              >Safety code ${screen.safetyCode}</span
            >`
          : nothing}
        ${mediaOff ? html`<span class="media-state">${mediaOff}</span>` : nothing}
      </div>
      ${repeat(
        screen.remotes,
        (remote) => remote.id,
        (remote) => renderRemote(remote),
      )}
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
