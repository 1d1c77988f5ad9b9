import type { MediaState } from '../call-engine';
import type { EngineLifetime } from '../engine-lifetime';
import { namedError } from '../error-messages';

/** Camera and microphone, switched on or off as asked; rejects with the OpenTok engine's error names. */
export async function openCamera(media: Readonly<MediaState>, lifetime: EngineLifetime): Promise<MediaStream> {
  let camera: MediaStream;
  try {
    camera = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  } catch (error) {
    throw cameraError(error);
  }
  // Leaving while the browser asked for permission: the tracks must not stay on.
  if (lifetime.released) {
    camera.getTracks().forEach((track) => track.stop());
    throw lifetime.signal.reason;
  }
  camera.getAudioTracks().forEach((track) => (track.enabled = media.microphone));
  camera.getVideoTracks().forEach((track) => (track.enabled = media.camera));
  return camera;
}

/** Shows the own camera (or shared screen) in `target`, muted so that nobody hears themselves. */
export function showCamera(target: HTMLElement, camera: MediaStream): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.srcObject = camera;
  target.append(video);
  return video;
}

/** Whether this browser has what a local call needs before anything else: camera access and Web Crypto. */
export function hasMediaAndCrypto(): boolean {
  return typeof navigator.mediaDevices?.getUserMedia === 'function' && crypto.subtle !== undefined;
}

/** getUserMedia's errors under the names the OpenTok engine reports for the same causes. */
function cameraError(error: unknown): unknown {
  if (!(error instanceof DOMException)) {
    return error;
  }
  switch (error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return namedError('OT_USER_MEDIA_ACCESS_DENIED');
    case 'NotFoundError':
    case 'OverconstrainedError':
      return namedError('OT_NO_DEVICES_FOUND');
    case 'NotReadableError':
    case 'AbortError':
      return namedError('OT_HARDWARE_UNAVAILABLE');
    default:
      return error;
  }
}
