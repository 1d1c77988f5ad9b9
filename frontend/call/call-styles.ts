import { html } from 'lit';

/**
 * The call screen's look. The element renders into the light DOM (so that OpenTok.js's widget styles
 * reach the videos), where a shadow root's styles would not apply; every rule is scoped by the tag
 * name, or by the class names a page puts around the element to fill the window with the call
 * (`call-panel`, `call-status-line`, `call-controls`, as this app's call page does). Loaded with the call screen.
 */
export const callStyles = html`
  <style>
    .call-panel:not([hidden]) {
      position: fixed;
      inset: 0;
      z-index: 10;
      display: flex;
      flex-direction: column;
      gap: var(--lumo-space-s, 0.5rem);
      box-sizing: border-box;
      padding: var(--lumo-space-s, 0.5rem);
      background: var(--lumo-base-color, #fff);
    }
    .call-panel > * {
      flex: none;
    }
    .call-panel > e2ee-video-call {
      flex: 1 1 auto;
      min-height: 0;
    }
    .call-status-line {
      display: flex;
      flex-wrap: wrap;
      column-gap: var(--lumo-space-m, 1rem);
    }
    .call-bottom {
      position: relative;
    }
    /* over the videos, just above the controls: opening it never moves the grid */
    .call-bottom > .key-change:not([hidden]) {
      position: absolute;
      bottom: 100%;
      left: 50%;
      transform: translateX(-50%);
      z-index: 1;
      width: max-content;
      max-width: 100%;
      box-sizing: border-box;
      padding: var(--lumo-space-xs, 0.25rem) var(--lumo-space-m, 1rem);
      border-radius: var(--lumo-border-radius-l, 0.75rem);
      background: var(--lumo-base-color, #fff);
      box-shadow: var(--lumo-box-shadow-m, 0 2px 8px rgba(0, 0, 0, 0.3));
    }
    .call-controls {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: var(--lumo-space-s, 0.5rem);
    }
    @media (max-width: 640px) {
      .call-controls vaadin-button::part(label) {
        display: none;
      }
    }
    e2ee-call-icon {
      display: inline-flex;
    }
    e2ee-video-call {
      display: flex;
      flex-direction: column;
      gap: var(--lumo-space-s, 0.5rem);
      min-height: 18rem;
    }
    e2ee-video-call .device-notice {
      margin: 0;
      color: var(--lumo-warning-text-color, #8a6100);
      font-size: var(--lumo-font-size-s, 0.875rem);
    }
    e2ee-video-call .call-top {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: var(--lumo-space-s, 0.5rem);
    }
    e2ee-video-call .e2ee-badge {
      max-width: 36rem;
      border-radius: var(--lumo-border-radius-m, 0.5rem);
      background: #e6f4ea;
      color: #0d5323;
      font-size: var(--lumo-font-size-s, 0.875rem);
    }
    e2ee-video-call .e2ee-badge summary {
      display: flex;
      align-items: center;
      gap: 0.375rem;
      padding: 0.25rem 0.625rem;
      cursor: pointer;
      font-weight: 600;
    }
    e2ee-video-call .e2ee-badge p {
      margin: 0;
      padding: 0 0.625rem 0.5rem;
    }
    e2ee-video-call .safety-code {
      padding: 0.25rem 0.625rem;
      border-radius: var(--lumo-border-radius-m, 0.5rem);
      background: var(--lumo-contrast-10pct, #e8e8e8);
      font-size: var(--lumo-font-size-s, 0.875rem);
      font-variant-numeric: tabular-nums;
    }
    e2ee-video-call .status {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--lumo-border-radius-m, 0.5rem);
      background: var(--lumo-contrast-5pct, #f0f0f0);
    }
    e2ee-video-call .status.reconnecting {
      background: #fff3cd;
    }
    e2ee-video-call .announcement {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    e2ee-video-call .stage {
      flex: 1 1 auto;
      min-height: 0;
      display: flex;
      flex-direction: column;
      gap: var(--lumo-space-s, 0.5rem);
    }
    e2ee-video-call .stage.spotlight {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(10rem, 16rem);
    }
    e2ee-video-call .stage.spotlight > .grid {
      grid-template-columns: minmax(0, 1fr);
      grid-auto-rows: 9rem;
      align-content: start;
      overflow-y: auto;
    }
    e2ee-video-call .tile.screen .media > div > video,
    e2ee-video-call .tile.screen .media > video {
      width: 100%;
      height: 100%;
      object-fit: contain;
    }
    @media (max-width: 640px) {
      e2ee-video-call .stage.spotlight {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: minmax(0, 1fr) 6.5rem;
      }
      e2ee-video-call .stage.spotlight > .grid {
        grid-template-columns: none;
        grid-auto-flow: column;
        grid-auto-columns: 9rem;
        grid-template-rows: minmax(0, 1fr);
        overflow-x: auto;
        overflow-y: hidden;
      }
    }
    e2ee-video-call .grid {
      flex: 1 1 auto;
      min-height: 0;
      display: grid;
      gap: var(--lumo-space-s, 0.5rem);
      grid-auto-rows: minmax(8rem, 1fr);
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    e2ee-video-call .grid[data-tiles='1'] {
      grid-template-columns: minmax(0, 1fr);
    }
    e2ee-video-call .grid[data-tiles='many'] {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    @media (max-width: 640px) {
      e2ee-video-call .grid[data-tiles='2'] {
        grid-template-columns: minmax(0, 1fr);
      }
      e2ee-video-call .grid[data-tiles='many'] {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        grid-auto-rows: minmax(8rem, 1fr);
        overflow-y: auto;
      }
    }
    e2ee-video-call .tile {
      position: relative;
      isolation: isolate;
      min-height: 0;
      overflow: hidden;
      border-radius: var(--lumo-border-radius-l, 0.75rem);
      background: #202124;
      color: #fff;
    }
    e2ee-video-call .media,
    e2ee-video-call .media > div {
      position: absolute;
      inset: 0;
    }
    e2ee-video-call .media > div > video {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    e2ee-video-call .tile.speaking::after {
      content: '';
      position: absolute;
      inset: 0;
      z-index: 4;
      border: 3px solid #34a853;
      border-radius: inherit;
      pointer-events: none;
    }
    e2ee-video-call .tile.camera-off .media {
      visibility: hidden;
    }
    e2ee-video-call .own .media > div > video {
      transform: scaleX(-1);
    }
    e2ee-video-call .label,
    e2ee-video-call .media-state {
      position: absolute;
      z-index: 3;
      display: flex;
      align-items: center;
      gap: 0.25rem;
      max-width: calc(100% - 1rem);
      overflow: hidden;
      padding: 0.125rem 0.5rem;
      border-radius: 0.25rem;
      background: rgb(0 0 0 / 0.7);
      font-size: var(--lumo-font-size-s, 0.875rem);
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    e2ee-video-call .label {
      left: 0.5rem;
      bottom: 0.5rem;
    }
    e2ee-video-call .media-state {
      top: 0.5rem;
      right: 0.5rem;
    }
    e2ee-video-call .device-panel {
      display: flex;
      flex-wrap: wrap;
      gap: var(--lumo-space-m, 1rem);
      padding: var(--lumo-space-s, 0.5rem) 0;
    }
    e2ee-video-call .device-choice {
      display: grid;
      gap: 0.25rem;
      min-width: min(16rem, 100%);
    }
    e2ee-video-call .device-panel p {
      margin: 0;
      align-self: end;
    }
    e2ee-video-call .mismatch {
      position: absolute;
      inset: 0;
      z-index: 2;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.25rem;
      padding: 1rem;
      text-align: center;
      background: rgb(110 20 20 / 0.9);
    }
  </style>
`;
