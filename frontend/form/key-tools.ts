import { hasValidKeyLength, type KeyField } from '../call/encryption-key';
import { dropInviteFragment, INVITE_PREFIX, takeInvitedKey } from './invite-fragment';

/** Readable symbols without look-alikes (no l, o, 0, 1); 32 of them, so 5 random bits each. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const KEY_SYMBOLS = 28; // 140 bits

/** A strong key as readable text: 28 symbols of 5 random bits in groups of 4. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(KEY_SYMBOLS));
  // 256 is a multiple of 32, so the low 5 bits of each byte are uniform
  const symbols = Array.from(bytes, (byte) => ALPHABET[byte & 31]);
  return Array.from({ length: KEY_SYMBOLS / 4 }, (_, group) => symbols.slice(group * 4, group * 4 + 4).join('')).join('-');
}

/**
 * Key helpers for the join form: generate a key, fill it in from an invite link, copy an invite
 * link. All of it happens in the browser; the server only learns what happened, never the key.
 */
export class KeyTools extends HTMLElement {
  /** Fills the field with a new random key; the field's eye button shows it. */
  generateKey(keyField: KeyField): void {
    keyField.value = randomKey();
    keyField.invalid = false;
  }

  /** Puts the key from the invite link the page was opened with into the field; false when there was none. */
  fillFromInvite(keyField: KeyField): boolean {
    // in case a router put back the address it saw when the page started
    dropInviteFragment();
    const key = takeInvitedKey();
    if (key === undefined || !hasValidKeyLength(key)) {
      return false;
    }
    keyField.value = key;
    keyField.invalid = false;
    return true;
  }

  /** Copies `<origin>/room/<room>#key=<key>` to the clipboard: 'copied', 'no-key' or 'failed'. */
  async copyInviteLink(keyField: KeyField, room: string): Promise<'copied' | 'no-key' | 'failed'> {
    const key = keyField.value ?? '';
    if (!hasValidKeyLength(key)) {
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
