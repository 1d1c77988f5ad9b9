import { html, type TemplateResult } from 'lit';
import { listDevices, NO_DEVICES, type DeviceLists } from './device-lists';
import { renderDeviceSelect } from './device-select';
import { deviceNote, meterLevel, type DeviceCheckResult, type DeviceStatus } from './device-status';
import { constraintFor, deviceProblem, type DeviceChoice, type DeviceId, type DeviceKind } from './device-choice';

export interface DeviceProbeHost {
  changed(): void;
  checked(result: DeviceCheckResult): void;
}

type Source = 'camera' | 'microphone';

const SOURCES: readonly Source[] = ['camera', 'microphone'];
const METER_EVERY_MILLIS = 100;

/**
 * The check's work, loaded when the person asks for it: opens the chosen camera and microphone
 * (both in one request, so that the browser asks once; each alone when that fails, to learn which
 * works), previews them, and keeps the choice. A device that cannot be used is left out of the
 * choice, so that the person joins with what works.
 */
export class DeviceProbe {
  private readonly host: DeviceProbeHost;
  private readonly stream = new MediaStream();
  private readonly video = document.createElement('video');
  private readonly chosen: Record<Source, DeviceId>;
  private readonly status: Record<Source, DeviceStatus> = { camera: 'off', microphone: 'off' };
  // The newest choice of a kind wins over a slower, older request.
  private readonly requests: Record<Source, number> = { camera: 0, microphone: 0 };
  private lists: DeviceLists = NO_DEVICES;
  private meter?: LevelMeter;
  private level = 0;
  private stopped = false;
  // Until the first answer, there is nothing to choose from.
  private starting = true;

  constructor(choice: DeviceChoice, host: DeviceProbeHost) {
    this.chosen = { camera: choice.camera, microphone: choice.microphone };
    this.host = host;
    this.video.muted = true;
    this.video.autoplay = true;
    this.video.playsInline = true;
    this.video.srcObject = this.stream;
  }

  async start(): Promise<void> {
    const wanted = SOURCES.filter((kind) => this.chosen[kind] !== null);
    if (wanted.length < 2 || !(await this.request(wanted))) {
      for (const kind of wanted) {
        await this.request([kind]);
      }
    }
    this.starting = false;
    await this.refreshLists();
    this.report();
  }

  /** The choice to join with: what the person picked, without what cannot be used. */
  choice(): DeviceChoice {
    const usable = (kind: Source): DeviceId =>
      this.status[kind] === 'on' || this.status[kind] === 'off' ? this.chosen[kind] : null;
    return { camera: usable('camera'), microphone: usable('microphone') };
  }

  stop(): void {
    this.stopped = true;
    this.meter?.stop();
    this.meter = undefined;
    this.stream.getTracks().forEach((track) => track.stop());
    this.video.srcObject = null;
  }

  render(): TemplateResult {
    if (this.starting) {
      return html`<p class="device-note" role="status">Asking the browser for the camera and microphone…</p>`;
    }
    const percent = Math.round(this.level * 100);
    return html`
      <style>
        e2ee-device-check .device-check {
          display: grid;
          gap: var(--lumo-space-s, 0.5rem);
          max-width: 20rem;
        }
        e2ee-device-check .device-preview {
          aspect-ratio: 4 / 3;
          background: #202124;
          color: #fff;
          border-radius: 0.5rem;
          display: grid;
          place-items: center;
          overflow: hidden;
        }
        e2ee-device-check .device-preview video {
          width: 100%;
          height: 100%;
          object-fit: cover;
          transform: scaleX(-1);
        }
        e2ee-device-check .level-meter {
          height: 0.5rem;
          border-radius: 0.25rem;
          background: var(--lumo-contrast-10pct, #eee);
        }
        e2ee-device-check .level-meter span {
          display: block;
          height: 100%;
          border-radius: inherit;
          background: var(--lumo-success-color, #2a7d2e);
        }
        e2ee-device-check .device-choice {
          display: grid;
          gap: 0.25rem;
        }
      </style>
      <div class="device-check">
        <div class="device-preview">${this.status.camera === 'on' ? this.video : html`<span>No camera</span>`}</div>
        <div
          class="level-meter"
          role="meter"
          aria-label="Microphone level"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${percent}
        >
          <span style=${`width: ${percent}%`}></span>
        </div>
        ${renderDeviceSelect('camera', this.lists.camera, this.current('camera'), this.choose, 'No camera')}
        ${renderDeviceSelect('microphone', this.lists.microphone, this.current('microphone'), this.choose, 'No microphone')}
        <p class="device-note" role="status">${deviceNote(this.status)}</p>
      </div>
    `;
  }

  private current(kind: Source): string | null {
    const track = this.track(kind);
    return track?.getSettings().deviceId ?? (this.status[kind] === 'on' ? (this.chosen[kind] ?? null) : null);
  }

  private readonly choose = async (kind: DeviceKind, id: string): Promise<void> => {
    if (kind === 'speaker') {
      return;
    }
    if (id === '') {
      this.requests[kind]++;
      this.chosen[kind] = null;
      this.status[kind] = 'off';
      this.drop(kind);
    } else {
      this.chosen[kind] = id;
      await this.request([kind]);
    }
    this.host.changed();
    this.report();
  };

  /** Asks for these kinds; puts what the browser gives in the preview, or notes why it gave nothing. */
  private async request(kinds: readonly Source[]): Promise<boolean> {
    const requests = new Map(kinds.map((kind) => [kind, ++this.requests[kind]]));
    const current = (kind: Source): boolean => !this.stopped && this.requests[kind] === requests.get(kind);
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        video: kinds.includes('camera') && constraintFor(this.chosen.camera),
        audio: kinds.includes('microphone') && constraintFor(this.chosen.microphone),
      });
      for (const track of media.getTracks()) {
        if (current(sourceOf(track))) {
          this.put(track);
        } else {
          track.stop();
        }
      }
      return true;
    } catch (error) {
      if (kinds.length === 1 && current(kinds[0])) {
        const kind = kinds[0];
        this.drop(kind);
        this.status[kind] = deviceProblem(error);
      }
      return false;
    } finally {
      if (!this.stopped) {
        // Labels come with the first permission; a device may have gone.
        await this.refreshLists();
      }
    }
  }

  private put(track: MediaStreamTrack): void {
    const kind = sourceOf(track);
    this.drop(kind);
    this.stream.addTrack(track);
    this.status[kind] = 'on';
    if (kind === 'microphone') {
      this.meter = new LevelMeter(track, (level) => {
        this.level = level;
        this.host.changed();
      });
    }
  }

  private drop(kind: Source): void {
    const track = this.track(kind);
    if (track) {
      this.stream.removeTrack(track);
      track.stop();
    }
    if (kind === 'microphone') {
      this.meter?.stop();
      this.meter = undefined;
      this.level = 0;
    }
  }

  private track(kind: Source): MediaStreamTrack | undefined {
    return (kind === 'camera' ? this.stream.getVideoTracks() : this.stream.getAudioTracks())[0];
  }

  private async refreshLists(): Promise<void> {
    try {
      const lists = await listDevices();
      this.lists = { ...lists, speaker: [] };
    } catch {
      this.lists = NO_DEVICES;
    }
    this.host.changed();
  }

  private report(): void {
    if (!this.stopped) {
      this.host.checked({ camera: this.status.camera, microphone: this.status.microphone });
    }
  }
}

/** How loud the microphone is, 0 to 1, from its samples' root mean square, ten times a second. */
class LevelMeter {
  private readonly context = new AudioContext();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(track: MediaStreamTrack, report: (level: number) => void) {
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 1024;
    this.context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    this.context.resume().catch(() => {
      // Without a gesture the browser may keep it suspended: the meter then stays at zero.
    });
    this.timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      report(meterLevel(samples));
    }, METER_EVERY_MILLIS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.context.close().catch(() => {
      // Already closed.
    });
  }
}

function sourceOf(track: MediaStreamTrack): Source {
  return track.kind === 'video' ? 'camera' : 'microphone';
}
