import { html } from 'lit';

/**
 * The call element's look. It renders into the light DOM (so that OpenTok.js's widget styles reach
 * the videos), where a shadow root's styles would not apply; every rule is scoped by the tag name.
 */
export const callStyles = html`
  <style>
    e2ee-video-call {
      display: block;
    }
    e2ee-video-call .status {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--lumo-border-radius-m, 0.5rem);
      background: var(--lumo-contrast-5pct, #f0f0f0);
    }
    e2ee-video-call .status.reconnecting {
      background: var(--lumo-warning-color-10pct, #fff3cd);
    }
    e2ee-video-call .grid {
      display: grid;
      gap: var(--lumo-space-s, 0.5rem);
      grid-template-columns: repeat(auto-fit, minmax(min(240px, 100%), 1fr));
    }
    e2ee-video-call .tile {
      position: relative;
      isolation: isolate;
      aspect-ratio: 16 / 9;
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
    e2ee-video-call .own .media > div > video {
      transform: scaleX(-1);
    }
    e2ee-video-call .label,
    e2ee-video-call .media-state {
      position: absolute;
      z-index: 3;
      max-width: calc(100% - 1rem);
      overflow: hidden;
      padding: 0.125rem 0.5rem;
      border-radius: 0.25rem;
      background: rgb(0 0 0 / 0.6);
      font-size: var(--lumo-font-size-s, 0.875rem);
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    e2ee-video-call .safety-code {
      position: absolute;
      z-index: 3;
      top: 0.5rem;
      left: 0.5rem;
      padding: 0.125rem 0.5rem;
      border-radius: 0.25rem;
      background: rgb(0 0 0 / 0.6);
      font-size: var(--lumo-font-size-s, 0.875rem);
      font-variant-numeric: tabular-nums;
    }
    e2ee-video-call .label {
      left: 0.5rem;
      bottom: 0.5rem;
    }
    e2ee-video-call .media-state {
      top: 0.5rem;
      right: 0.5rem;
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
      background: rgb(110 20 20 / 0.88);
    }
  </style>
`;
