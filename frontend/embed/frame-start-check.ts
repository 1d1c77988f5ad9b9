import { envelope } from './embed-messages';

/**
 * Runs first in every page of the app, before Vaadin starts. A page in a frame whose browser blocks
 * its cookies and storage cannot keep its session: instead of staying blank, it tells the framing
 * page why (`/embed.js` hands it on as an `error` event). A page on its own does nothing here.
 */

/** The `error` a framing page hears; nothing in it is secret. */
export const STORAGE_BLOCKED = {
  name: 'STORAGE_BLOCKED',
  message:
    'The browser blocks cookies and storage for the call page in this frame: allow them for the call ' +
    'app, or open the call in a tab of its own.',
} as const;

/** Whether this page can keep nothing: cookies off, or storage refused (a SecurityError). */
export function storageBlocked(): boolean {
  if (!navigator.cookieEnabled) {
    return true;
  }
  try {
    return window.sessionStorage === null;
  } catch {
    return true;
  }
}

if (window.parent !== window && storageBlocked()) {
  // To the framing page's origin where the browser tells it; elsewhere to whoever framed the page.
  const target = location.ancestorOrigins?.item(0) ?? '*';
  window.parent.postMessage(envelope({ type: 'event', event: 'error', data: STORAGE_BLOCKED }), target);
}
