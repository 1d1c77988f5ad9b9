import type { E2eeVideoCall } from '../call/e2ee-video-call';
import type { KeyField } from '../call/key-field';
import type { FrameBridge } from './frame-bridge';

/**
 * `<e2ee-embed-frame>`: the call page's side of `/embed.js`. The server starts it with the origins
 * allowed to frame the app, the call element and the join form's key field. Only when the page is
 * framed does it load the bridge that talks to the framing page; a page on its own loads nothing more.
 */
export class EmbedFrame extends HTMLElement {
  #bridge?: FrameBridge;
  #generation = 0;
  #room = '';
  #name = '';

  /** Starts listening to the framing page, if it is one of `origins`; a second start replaces the first. */
  start(origins: readonly string[], call: E2eeVideoCall, keyField: KeyField): void {
    this.stop();
    if (window.parent === window || origins.length === 0) {
      return;
    }
    const generation = this.#generation;
    void import('./frame-bridge').then(({ FrameBridge }) => {
      if (generation === this.#generation && this.isConnected) {
        this.#bridge = new FrameBridge({
          window,
          origins,
          call,
          keyField,
          server: this,
          ownCall: () => ({ room: this.#room, name: this.#name }),
          newKeyField: () => document.createElement('e2ee-key-field'),
        });
      }
    });
  }

  /** The room and own name of the call being joined, for the host's `joined` event. */
  joining(room: string, name: string): void {
    this.#room = room;
    this.#name = name;
  }

  stop(): void {
    this.#generation++;
    this.#bridge?.stop();
    this.#bridge = undefined;
  }

  disconnectedCallback(): void {
    this.stop();
  }
}

customElements.define('e2ee-embed-frame', EmbedFrame);

declare global {
  interface HTMLElementTagNameMap {
    'e2ee-embed-frame': EmbedFrame;
  }
}
