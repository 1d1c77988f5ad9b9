import type OT from '@vonage/client-sdk-video';
import type { CallEngine, CallEvents, CallTicket, MediaState, SentDevices } from '../call-engine';
import type { DeviceChoice } from '../devices/device-choice';
import { EngineLifetime } from '../engine-lifetime';
import { namedError } from '../error-messages';
import { openTokKeyMaterial } from '../safety-code';
import { connectTo, disconnectReason, loadOpenTok, publishTo, startPublisher, type OpenTok } from './join-steps';
import { RemoteStreams, TILE, type AudioLevelEvent } from './remote-streams';
import { canShareScreen, OpenTokScreenShare } from './screen-share';

type SessionDisconnectedEvent = OT.Event<'sessionDisconnected', OT.Session> & { reason: string };

// OT.initSession hands out the same Session again for a session id, still holding the secret it
// was first created with; such a session gets the new key through setEncryptionSecret.
const initialisedSessions = new WeakSet<OT.Session>();

/**
 * The call carried by OpenTok.js, the library itself loaded on the first join only: the session,
 * the own camera's publisher, the shared screen's (`OpenTokScreenShare`), and the others' streams
 * (`RemoteStreams`).
 */
export class OpenTokEngine implements CallEngine {
  private readonly events: CallEvents;
  private readonly lifetime = new EngineLifetime();
  private readonly remotes: RemoteStreams;
  private media: MediaState = { microphone: true, camera: true };
  private session?: OT.Session;
  private publisher?: OT.Publisher;
  private opentok?: OpenTok;
  private ownName = '';
  private sessionId = '';
  private keyVersion = 0;
  private readonly screen = new OpenTokScreenShare(() => this.events.screenShareStopped(null));

  constructor(events: CallEvents) {
    this.events = events;
    this.remotes = new RemoteStreams(events);
  }

  connect(
    ticket: CallTicket,
    key: string,
    ownMedia: HTMLElement,
    media: Readonly<MediaState>,
    devices: DeviceChoice,
  ): Promise<void> {
    this.media = { ...media };
    return this.lifetime.join(
      async () => {
        const opentok = await this.lifetime.step(loadOpenTok());
        this.opentok = opentok;
        this.ownName = ticket.name;
        if (opentok.checkSystemRequirements() !== 1 || !opentok.hasEndToEndEncryptionSupport()) {
          throw namedError('OT_UNSUPPORTED_BROWSER');
        }
        const session = opentok.initSession(ticket.apiKey, ticket.sessionId, { encryptionSecret: key });
        this.session = session;
        this.sessionId = ticket.sessionId;
        this.stretch(key);
        this.listenTo(session);
        if (initialisedSessions.has(session)) {
          await this.lifetime.step(session.setEncryptionSecret(key));
        }
        initialisedSessions.add(session);
        await this.lifetime.step(connectTo(session, ticket.token));
        const sent = { microphone: devices.microphone !== null, camera: devices.camera !== null };
        // With neither, there is nothing to publish: the person sees and hears the others.
        if (sent.microphone || sent.camera) {
          const publisher = await this.lifetime.step(this.startCamera(opentok, ownMedia, ticket.name, devices));
          await this.lifetime.step(publishTo(session, publisher));
        }
        this.events.connected(sent);
      },
      () => this.disconnect(),
    );
  }

  async changeKey(key: string): Promise<void> {
    if (!this.session || this.lifetime.released) {
      throw namedError('NOT_IN_CALL');
    }
    await this.session.setEncryptionSecret(key);
    this.stretch(key);
  }

  /** The safety code's material, stretched as OpenTok.js stretches the key, beside the join rather than in its way. */
  private stretch(key: string): void {
    const version = ++this.keyVersion;
    void openTokKeyMaterial(key, this.sessionId).then((material) => {
      if (version === this.keyVersion && !this.lifetime.released) {
        this.events.keyStretched(material);
      }
    });
  }

  setMicrophone(on: boolean): void {
    this.media.microphone = on;
    this.publisher?.publishAudio(on);
  }

  setCamera(on: boolean): void {
    this.media.camera = on;
    this.publisher?.publishVideo(on);
  }

  currentDevices(): SentDevices {
    const publisher = this.publisher;
    if (!publisher || this.lifetime.released) {
      return {};
    }
    return {
      camera: publisher.getVideoSource().deviceId ?? undefined,
      microphone: publisher.getAudioSource()?.getSettings().deviceId,
    };
  }

  async useDevice(kind: 'camera' | 'microphone', deviceId: string): Promise<void> {
    const publisher = this.publisher;
    if (!publisher || this.lifetime.released) {
      throw namedError('DEVICE_NOT_IN_CALL');
    }
    if (kind === 'camera') {
      await publisher.setVideoSource(deviceId);
    } else {
      await publisher.setAudioSource(deviceId);
    }
  }

  async setSpeaker(deviceId: string): Promise<void> {
    if (!this.opentok || this.lifetime.released) {
      throw namedError('NOT_IN_CALL');
    }
    await this.opentok.setAudioOutputDevice(deviceId);
  }

  async canShareScreen(): Promise<boolean> {
    return this.opentok && !this.lifetime.released ? canShareScreen(this.opentok) : false;
  }

  async startScreenShare(preview: HTMLElement): Promise<void> {
    const { opentok, session } = this;
    if (!opentok || !session || this.lifetime.released) {
      throw namedError('NOT_IN_CALL');
    }
    if (this.screen.sharing) {
      return;
    }
    await this.screen.start(opentok, session, preview, this.ownName);
    if (this.lifetime.released) {
      this.screen.stop(undefined);
      return;
    }
    this.events.screenShareStarted(null, preview);
  }

  stopScreenShare(): void {
    if (this.screen.sharing) {
      this.screen.stop(this.session);
      this.events.screenShareStopped(null);
    }
  }

  disconnect(): void {
    if (!this.lifetime.release()) {
      return;
    }
    this.screen.stop(this.session);
    const session = this.session;
    const publisher = this.publisher;
    this.session = undefined;
    this.publisher = undefined;
    this.remotes.close();
    if (publisher) {
      if (session && publisher.session) {
        session.unpublish(publisher);
      }
      // Stops the camera and microphone tracks.
      publisher.destroy();
    }
    if (session) {
      // Only our own handlers: a bare session.off() would also drop the once-listeners OpenTok.js
      // itself registers, such as the one that settles disconnect()'s promise.
      this.stopListeningTo(session);
      session.disconnect().catch(() => {
        // The socket is closed either way; there is nothing left to release.
      });
    }
  }

  private startCamera(
    opentok: OpenTok,
    target: HTMLElement,
    name: string,
    devices: DeviceChoice,
  ): Promise<OT.Publisher> {
    const properties: OT.PublisherProperties = {
      ...TILE,
      name,
      publishAudio: this.media.microphone,
      publishVideo: this.media.camera,
      // OpenTok.js takes a missing source as the default device, and null as none.
      ...(devices.microphone === undefined ? {} : { audioSource: devices.microphone }),
      ...(devices.camera === undefined ? {} : { videoSource: devices.camera }),
      // Microphone and camera are switched from the page, so the widget shows no buttons of its own.
      style: { nameDisplayMode: 'off', buttonDisplayMode: 'off' },
    };
    return startPublisher(opentok, target, properties, (publisher) => {
      this.publisher = publisher;
      publisher.on('audioLevelUpdated', this.onOwnAudioLevel);
    });
  }

  private listenTo(session: OT.Session): void {
    this.remotes.watch(session);
    session.on('sessionReconnecting', this.onReconnecting);
    session.on('sessionReconnected', this.onReconnected);
    session.on('sessionDisconnected', this.onDisconnected);
  }

  private stopListeningTo(session: OT.Session): void {
    session.off('sessionReconnecting', this.onReconnecting);
    session.off('sessionReconnected', this.onReconnected);
    session.off('sessionDisconnected', this.onDisconnected);
  }

  private readonly onOwnAudioLevel = (event: AudioLevelEvent): void => this.events.audioLevel(null, event.audioLevel);

  private readonly onReconnecting = (): void => this.events.reconnecting();

  private readonly onReconnected = (): void => this.events.reconnected();

  private readonly onDisconnected = (event: SessionDisconnectedEvent): void => {
    this.disconnect();
    this.events.disconnected(disconnectReason(event.reason));
  };
}
