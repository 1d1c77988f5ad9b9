import type OT from '@vonage/client-sdk-video';
import type { DisconnectReason } from '../call-engine';
import { namedError } from '../error-messages';

/** OpenTok.js itself: the default export of its package. */
export type OpenTok = typeof OT;

/** The steps of joining an OpenTok session, OpenTok.js's callbacks made promises. */

// A separate chunk, so that the form page does not carry OpenTok.js.
export async function loadOpenTok(): Promise<OpenTok> {
  try {
    return (await import('@vonage/client-sdk-video')).default;
  } catch {
    throw namedError('OPENTOK_LOAD_FAILED');
  }
}

export function connectTo(session: OT.Session, token: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    session.connect(token, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Starts the camera and microphone into `target`; resolves once they run. `started` gets the
 * publisher at once, so that leaving while the camera starts still stops it.
 */
export function startPublisher(
  opentok: OpenTok,
  target: HTMLElement,
  properties: OT.PublisherProperties,
  started: (publisher: OT.Publisher) => void,
): Promise<OT.Publisher> {
  return new Promise<OT.Publisher>((resolve, reject) => {
    // OpenTok.js calls back once the camera runs, always after initPublisher has returned.
    const publisher = opentok.initPublisher(target, properties, (error) =>
      error ? reject(error) : resolve(publisher),
    );
    started(publisher);
  });
}

export function publishTo(session: OT.Session, publisher: OT.Publisher): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    session.publish(publisher, (error) => (error ? reject(error) : resolve()));
  });
}

// OpenTok.js names three reasons; anything else is treated as a lost connection.
export function disconnectReason(reason: string): DisconnectReason {
  return reason === 'clientDisconnected' || reason === 'forceDisconnected' ? reason : 'networkDisconnected';
}
