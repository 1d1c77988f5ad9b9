/**
 * The key from an invite link's fragment (`#key=...`), taken when the page's first scripts run,
 * before the router reads the address, and then removed from the address bar so it does not stay
 * in the history. Browsers never send a fragment to the server, and nothing here does either.
 * Loaded with the app shell, so it runs before anything else.
 */
export const INVITE_PREFIX = '#key=';

let invitedKey: string | undefined = readInvitedKey();
dropInviteFragment();
// The router saved the address before this ran and puts it back when its first navigation ends.
window.addEventListener('vaadin-router-location-changed', dropInviteFragment, { once: true });

function readInvitedKey(): string | undefined {
  if (!location.hash.startsWith(INVITE_PREFIX)) {
    return undefined;
  }
  try {
    return decodeURIComponent(location.hash.slice(INVITE_PREFIX.length));
  } catch {
    return undefined;
  }
}

/** Removes an invite fragment from the address bar, if one is there. */
export function dropInviteFragment(): void {
  if (location.hash.startsWith(INVITE_PREFIX)) {
    history.replaceState(history.state, '', location.pathname + location.search);
  }
}

/** The invited key, once: later calls get nothing. */
export function takeInvitedKey(): string | undefined {
  const key = invitedKey;
  invitedKey = undefined;
  return key;
}
