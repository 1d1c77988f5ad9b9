import type { E2eeVideoCall } from '../call/e2ee-video-call';
import type { KeyField } from '../call/key/key-field';
import type { FrameBridge, HostState } from './frame-bridge';

/**
 * `<e2ee-embed-frame>`: the call page's side of `/embed.js`. The server starts it with the origins
 * allowed to frame the app, the call element and the join form's key field. Only when the page is
 * framed does it load the bridge that talks to the framing page; a page on its own loads nothing more.
 */
export class EmbedFrame extends HTMLElement {
  #setup?: { readonly origins: readonly string[]; readonly call: E2eeVideoCall; readonly keyField: KeyField };
  #bridge?: FrameBridge;
  readonly #host: HostState = { opened: false };
  #generation = 0;
  #room = '';
  #name = '';

  /** Starts listening to the framing page, if it is one of `origins`; a second start replaces the first. */
  start(origins: readonly string[], call: E2eeVideoCall, keyField: KeyField): void {
    this.#setup = { origins: [...origins], call, keyField };
    this.#stop();
    if (this.isConnected) {
      this.#run();
    }
  }

  /** The room and own name of the call being joined, for the host's `joined` event. */
  joining(room: string, name: string): void {
    this.#room = room;
    this.#name = name;
  }

  connectedCallback(): void {
    // Vaadin may move the element after starting it: listen again where it is now
    if (this.#bridge === undefined) {
      this.#run();
    }
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  #run(): void {
    const setup = this.#setup;
    if (!setup || window.parent === window || setup.origins.length === 0) {
      return;
    }
    const generation = ++this.#generation;
    void import('./frame-bridge').then(({ FrameBridge }) => {
      if (generation === this.#generation && this.isConnected) {
        this.#bridge = new FrameBridge({
          window,
          origins: setup.origins,
          call: setup.call,
          keyField: setup.keyField,
          server: this,
          ownCall: () => ({ room: this.#room, name: this.#name }),
          newKeyField: () => document.createElement('e2ee-key-field'),
          host: this.#host,
        });
      }
    });
  }

  #stop(): void {
    this.#generation++;
    this.#bridge?.stop();
    this.#bridge = undefined;
  }
}

customElements.define('e2ee-embed-frame', EmbedFrame);

declare global {
  interface HTMLElementTagNameMap {
    'e2ee-embed-frame': EmbedFrame;
  }
}
