import type { MediaState } from '../call-engine';
import { constraintFor, type DeviceChoice } from '../devices/device-choice';
import type { EngineLifetime } from '../engine-lifetime';
import { namedError } from '../error-messages';

/**
 * The chosen camera and microphone, switched on or off as asked; a stream without tracks when
 * neither is to be used. Rejects with the OpenTok engine's error names.
 */
export async function openCamera(
  media: Readonly<MediaState>,
  devices: DeviceChoice,
  lifetime: EngineLifetime,
): Promise<MediaStream> {
  const audio = constraintFor(devices.microphone);
  const video = constraintFor(devices.camera);
  if (!audio && !video) {
    return new MediaStream();
  }
  let camera: MediaStream;
  try {
    camera = await navigator.mediaDevices.getUserMedia({ audio, video });
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

/** One camera's or microphone's track, to switch to in a call. */
export async function openDevice(kind: 'camera' | 'microphone', deviceId: string): Promise<MediaStreamTrack> {
  const exact = constraintFor(deviceId);
  try {
    const stream = await navigator.mediaDevices.getUserMedia(kind === 'camera' ? { video: exact } : { audio: exact });
    const [track] = stream.getTracks();
    if (!track) {
      throw namedError('OT_NO_DEVICES_FOUND');
    }
    return track;
  } catch (error) {
    throw cameraError(error);
  }
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
