import type { NamedError } from './call-engine';
import { KEY_LENGTH_MESSAGE, KEY_MAX_LENGTH, KEY_MIN_LENGTH } from './key/encryption-key';

// Keyed by OpenTok.js error names (their numeric codes are deprecated), the local engine's and the element's own names.
const MESSAGES = new Map<string, string>([
  ['INVALID_KEY_LENGTH', KEY_LENGTH_MESSAGE],
  [
    'OT_AUTHENTICATION_ERROR',
    'The video service refused this call ticket or it has expired. Go back and join the room again.',
  ],
  ['OT_CONNECT_FAILED', 'Could not reach the video service. Check your internet connection and try again.'],
  [
    'OT_INVALID_ENCRYPTION_SECRET',
    `The encryption key was not accepted. It must be ${KEY_MIN_LENGTH} to ${KEY_MAX_LENGTH} characters.`,
  ],
  [
    'OT_USER_MEDIA_ACCESS_DENIED',
    'The browser did not allow the camera and microphone. Allow them for this site and try again, or use Check camera and microphone to join without them.',
  ],
  [
    'OT_NO_DEVICES_FOUND',
    'No camera or microphone was found. Connect one and try again, or use Check camera and microphone to join without them.',
  ],
  [
    'OT_HARDWARE_UNAVAILABLE',
    'The camera or microphone is in use by another application. Close it and try again, or use Check camera and microphone to join without them.',
  ],
  [
    'OT_UNSUPPORTED_BROWSER',
    'This browser cannot take part in end-to-end-encrypted calls. Use a current Chrome, Edge or Safari.',
  ],
  ['OT_INVALID_SESSION_ID', 'This call room is no longer valid. Go back and join the room again.'],
  ['OT_CONNECTION_LIMIT_EXCEEDED', 'This call is full. Try again later.'],
  [
    'OT_STREAM_CREATE_FAILED',
    'Your camera and microphone could not be sent to the call. Leave the call and join again.',
  ],
  [
    'OT_UNABLE_TO_SUBSCRIBE',
    'The video of another participant could not be received. Ask them to leave and join again.',
  ],
  ['OPENTOK_LOAD_FAILED', 'The video library could not be loaded. Check your internet connection and reload the page.'],
  ['CALL_SCREEN_LOAD_FAILED', 'The call screen could not be loaded. Check your connection and reload the page.'],
  [
    'SCREEN_SHARE_NOT_STARTED',
    'Screen sharing did not start: the choice was cancelled or the browser did not allow it.',
  ],
  ['LOCAL_ROOM_FULL', 'This room is full in local mode (4 people).'],
  ['LOCAL_SIGNALLING_REFUSED', 'The server did not let this browser into the call. Go back and join the room again.'],
  ['LOCAL_SIGNALLING_TIMEOUT', 'The server did not answer. Check your connection and join again.'],
  ['LOCAL_PEER_CONNECTION_FAILED', 'The connection to another participant failed. Ask them to leave and join again.'],
  ['LOCAL_ENCRYPTION_FAILED', 'The encryption could not start in this browser. Reload the page and join again.'],
  ['DEVICE_NOT_SWITCHED', 'The browser could not switch to that device; the one in use so far stays on.'],
  [
    'DEVICE_NOT_IN_CALL',
    'This call has no camera or microphone of that kind to switch. Leave and join again to add one.',
  ],
  ['UNSUPPORTED_ENGINE', 'This kind of call is not available yet.'],
  ['NOT_IN_CALL', 'Join the call before changing the encryption key.'],
]);

const FALLBACK = 'Something went wrong with the call. Leave the call and join again.';

export function userMessage(name: string): string {
  return MESSAGES.get(name) ?? FALLBACK;
}

/** An error carrying one of the names above, thrown where the library gives none. */
export function namedError(name: string): Error {
  const error = new Error(userMessage(name));
  error.name = name;
  return error;
}

/** The `{name, message}` an `e2ee-call-error` event carries: the cause's name, a sentence for the user. */
export function describeError(error: unknown): NamedError {
  const name = hasName(error) ? error.name : 'UNKNOWN_ERROR';
  return { name, message: userMessage(name) };
}

function hasName(error: unknown): error is { name: string } {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string';
}

/** The browser's refusal (the person cancelled the choice, or sharing is not allowed) under one name. */
export function screenShareError(error: unknown): unknown {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'NotAllowedError' ||
    name === 'OT_USER_MEDIA_ACCESS_DENIED' ||
    name === 'OT_SCREEN_SHARING_NOT_SUPPORTED'
    ? namedError('SCREEN_SHARE_NOT_STARTED')
    : error;
}

/** A device the browser would not switch to, under one name; the one in use stays. */
export function deviceError(error: unknown): unknown {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'DEVICE_NOT_IN_CALL' || name === 'NOT_IN_CALL' ? error : namedError('DEVICE_NOT_SWITCHED');
}
