import { checkKey } from '../call/key/encryption-key';
import type { KeyField } from '../call/key/key-field';
import { dropInviteFragment, INVITE_PREFIX, takeInvitedKey } from './invite-fragment';
import { randomKey } from './random-key';

/**
 * Key helpers for the join form: generate a key, fill it in from an invite link, copy an invite
 * link. All of it happens in the browser; the server only learns what happened, never the key.
 */
export class KeyTools extends HTMLElement {
  /** Fills the field with a new random key; the field's eye button shows it. */
  generateKey(keyField: KeyField): void {
    keyField.value = randomKey();
  }

  /** Puts the key from the invite link the page was opened with into the field; false when there was none. */
  fillFromInvite(keyField: KeyField): boolean {
    // in case a router put back the address it saw when the page started
    dropInviteFragment();
    const key = takeInvitedKey();
    if (key === undefined || !checkKey(key).valid) {
      return false;
    }
    keyField.value = key;
    return true;
  }

  /** Copies `<origin>/room/<room>#key=<key>` to the clipboard: 'copied', 'no-key' or 'failed'. */
  async copyInviteLink(keyField: KeyField, room: string): Promise<'copied' | 'no-key' | 'failed'> {
    const key = keyField.value;
    if (!checkKey(key).valid) {
      return 'no-key';
    }
    const link = `${location.origin}/room/${encodeURIComponent(room)}${INVITE_PREFIX}${encodeURIComponent(key)}`;
    try {
      await navigator.clipboard.writeText(link);
      return 'copied';
    } catch {
      return 'failed';
    }
  }
}

customElements.define('e2ee-key-tools', KeyTools);

declare global {
  interface HTMLElementTagNameMap {
    'e2ee-key-tools': KeyTools;
  }
}
