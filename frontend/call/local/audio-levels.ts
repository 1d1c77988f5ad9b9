/** Running totals of one audio stream in WebRTC's statistics. */
interface EnergyTotals {
  readonly energy: number;
  readonly seconds: number;
}

/**
 * How loud a sent or received audio stream was since the last look, from WebRTC's statistics
 * (`totalAudioEnergy` over `totalSamplesDuration`, the root mean square level, 0 to 1). Unlike a
 * single sample of the level, it counts short sounds between two looks.
 */
export class AudioLevels {
  private readonly last = new WeakMap<RTCRtpReceiver | RTCRtpSender, EnergyTotals>();

  /** The level since the last call for this receiver or sender; `undefined` the first time or without sound. */
  async since(source: RTCRtpReceiver | RTCRtpSender): Promise<number | undefined> {
    const totals = energyIn(await source.getStats(), source instanceof RTCRtpReceiver ? 'inbound-rtp' : 'media-source');
    if (!totals) {
      return undefined;
    }
    const before = this.last.get(source);
    this.last.set(source, totals);
    return before ? levelBetween(before, totals) : undefined;
  }
}

export function levelBetween(before: EnergyTotals, after: EnergyTotals): number | undefined {
  const seconds = after.seconds - before.seconds;
  const energy = after.energy - before.energy;
  return seconds > 0 && energy >= 0 ? Math.sqrt(energy / seconds) : undefined;
}

function energyIn(report: RTCStatsReport, type: 'inbound-rtp' | 'media-source'): EnergyTotals | undefined {
  for (const stats of report.values() as IterableIterator<Record<string, unknown>>) {
    const { energy, seconds } = { energy: stats['totalAudioEnergy'], seconds: stats['totalSamplesDuration'] };
    if (
      stats['type'] === type &&
      stats['kind'] === 'audio' &&
      typeof energy === 'number' &&
      typeof seconds === 'number'
    ) {
      return { energy, seconds };
    }
  }
  return undefined;
}

/** The audio a peer link sends and receives. */
export interface AudioRoute {
  readonly participantId: string;
  readonly receiver?: RTCRtpReceiver;
  readonly sender?: RTCRtpSender;
}

const LOOK_EVERY_MILLIS = 300;

/**
 * Reports every participant's level, and the own microphone's (`null`) from the first link that
 * sends it, a few times a second until stopped.
 */
export class LevelWatch {
  private readonly levels = new AudioLevels();
  private timer?: ReturnType<typeof setInterval>;

  start(routes: () => Iterable<AudioRoute>, report: (participantId: string | null, level: number) => void): void {
    this.stop();
    this.timer = setInterval(() => {
      let ownSeen = false;
      for (const route of routes()) {
        if (route.receiver) {
          void this.look(route.receiver, (level) => report(route.participantId, level));
        }
        if (route.sender && !ownSeen) {
          ownSeen = true;
          void this.look(route.sender, (level) => report(null, level));
        }
      }
    }, LOOK_EVERY_MILLIS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async look(source: RTCRtpReceiver | RTCRtpSender, report: (level: number) => void): Promise<void> {
    try {
      const level = await this.levels.since(source);
      if (level !== undefined && this.timer !== undefined) {
        report(level);
      }
    } catch {
      // A closed connection has no statistics; the link is being removed.
    }
  }
}
