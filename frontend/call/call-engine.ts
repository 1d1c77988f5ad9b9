import type { DeviceChoice } from './devices/device-choice';

/**
 * The seam between `<e2ee-video-call>` and the library that carries the media. The element only
 * knows this interface, so a second engine (peer-to-peer WebRTC) can replace OpenTok.js.
 */

/** What the server hands out for joining a call. It never holds the encryption key. */
export interface CallTicket {
  readonly engine: 'opentok' | 'local';
  readonly apiKey: string;
  readonly sessionId: string;
  readonly token: string;
  readonly room: string;
  readonly name: string;
  /**
   * STUN/TURN servers for peer-to-peer calls, a TURN server with the username and credential it
   * admits; empty for OpenTok and for calls on one machine or network.
   */
  readonly iceServers: readonly IceServer[];
  /** 'relay': peer-to-peer calls go only through TURN servers, so no address of a participant is shared. */
  readonly icePolicy: 'all' | 'relay';
}

/** A STUN or TURN server as the server hands it out: null where a server needs no credentials. */
export interface IceServer {
  readonly urls: string;
  readonly username?: string | null;
  readonly credential?: string | null;
}

export interface Participant {
  readonly id: string;
  readonly name: string;
}

/** A remote participant together with the element the engine shows their video in. */
export interface RemoteParticipant extends Participant {
  readonly media: HTMLElement;
}

/** The ids of the devices a call sends from; absent where none is sent or the browser does not say. */
export interface SentDevices {
  readonly camera?: string;
  readonly microphone?: string;
}

/** Whether the own microphone and camera are sent. */
export interface MediaState {
  microphone: boolean;
  camera: boolean;
}

export type DisconnectReason = 'clientDisconnected' | 'forceDisconnected' | 'networkDisconnected';

/** Errors cross the seam by name; the element turns the name into a sentence for the user. */
export interface NamedError {
  readonly name: string;
  readonly message: string;
}

/**
 * A message between an engine and this app's server, which the element relays as JSON. The
 * engine that uses them checks their shape; they never hold the key.
 */
export type ServerMessage = Readonly<Record<string, unknown>>;

/** Per-frame times in microseconds over the most recent frames. */
export interface FrameCost {
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  /** Frames handled since the call started; the other figures cover at most the last 512. */
  readonly count: number;
}

/** What encrypting own frames and decrypting received ones costs; only successfully opened frames count. */
export interface FrameCryptoStats {
  readonly encryptMicros: FrameCost;
  readonly decryptMicros: FrameCost;
  /**
   * Whether the browser coarsens the clock (to 100 µs in Chromium) because the page is not
   * cross-origin isolated: then p50 and p95 come in such steps, and the mean is the sharper figure.
   */
  readonly coarseClock: boolean;
}

/** What an engine reports. After `disconnect()` an engine reports nothing any more. */
export interface CallEvents {
  /** In the call; `sent` says which of microphone and camera the call has at all (joining without one is allowed). */
  connected(sent: Readonly<MediaState>): void;
  participantJoined(participant: RemoteParticipant): void;
  participantLeft(participant: Participant): void;
  keyMismatch(participant: Participant): void;
  keyMatch(participant: Participant): void;
  reconnecting(): void;
  reconnected(): void;
  /** The call ended without `disconnect()`; the engine has already released everything. */
  disconnected(reason: DisconnectReason): void;
  /** Something failed that does not end the call, such as receiving one participant. */
  error(error: NamedError): void;
  /** A message for this app's server, from engines that signal through it. Never holds the key. */
  sendSignal(message: ServerMessage): void;
  /** A remote participant's microphone or camera was turned on or off (also reported when they arrive). */
  remoteMedia(participant: Participant, media: Readonly<MediaState>): void;
  /** How loud a participant's sound is, 0 to 1; `null` for this browser's own microphone. */
  audioLevel(participantId: string | null, level: number): void;
  /** A shared screen arrived, shown in `media`: another participant's, or (`null`) this browser's own. */
  screenShareStarted(participant: Participant | null, media: HTMLElement): void;
  /** A shared screen went: stopped, ended from the browser's own control, or its sharer left. */
  screenShareStopped(participant: Participant | null): void;
  /**
   * The key in use was stretched (on joining and on each key change): `material` is an HKDF key
   * that cannot be exported, as costly to reach from a guess as the media key; the safety code
   * comes from it.
   */
  keyStretched(material: CryptoKey): void;
}

/** One engine serves one join; a new join gets a new engine. */
export interface CallEngine {
  /**
   * Joins the call and starts sending the own camera into `ownMedia`. Resolves once publishing
   * has started; rejects with a `NamedError` after releasing everything; resolves without
   * reporting `connected` if `disconnect()` was called meanwhile.
   */
  connect(
    ticket: CallTicket,
    key: string,
    ownMedia: HTMLElement,
    media: Readonly<MediaState>,
    devices: DeviceChoice,
  ): Promise<void>;
  /** Switches the key for everything sent and received from now on; rejects with a `NamedError`. */
  changeKey(key: string): Promise<void>;
  setMicrophone(on: boolean): void;
  setCamera(on: boolean): void;
  /** The ids of the camera and microphone being sent, where the browser tells them. */
  currentDevices(): SentDevices;
  /**
   * Sends another camera or microphone from now on, without leaving the call; only a kind the call
   * joined with can be switched. Rejects with a `NamedError`, the old device still sent.
   */
  useDevice(kind: 'camera' | 'microphone', deviceId: string): Promise<void>;
  /** Plays the others' sound on this output device (where the browser can choose one). */
  setSpeaker(deviceId: string): Promise<void>;
  /** Whether this browser can share its screen in the running call. */
  canShareScreen(): Promise<boolean>;
  /**
   * Asks the browser for a screen (the person chooses, or cancels) and sends it to everyone, encrypted
   * like the camera, with a preview in `preview`; reports `screenShareStarted(null, preview)`. Rejects
   * with a `NamedError`, or the browser's `NotAllowedError` when the person cancelled.
   */
  startScreenShare(preview: HTMLElement): Promise<void>;
  /** Stops sharing and reports `screenShareStopped(null)`; nothing when no screen is shared. */
  stopScreenShare(): void;
  /** Stops camera and microphone, leaves the call and drops all handlers. Safe to call again. */
  disconnect(): void;
  /** Takes a message the server relays; only engines that signal through this app's server have it. */
  receiveSignal?(message: unknown): void;
  /** Per-frame encryption cost; only engines that encrypt frames themselves have it. `undefined` once stopped. */
  frameCryptoStats?(): Promise<FrameCryptoStats | undefined>;
}
