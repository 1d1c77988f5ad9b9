import type { FrameCost } from '../../call-engine';

const COST_SAMPLES = 512;

/** The most recent per-frame times, kept in a ring so memory stays bounded however long the call. */
export class CostReservoir {
  private readonly micros = new Float64Array(COST_SAMPLES);
  private count = 0;

  add(millis: number): void {
    this.micros[this.count % COST_SAMPLES] = millis * 1000;
    this.count++;
  }

  summary(): FrameCost {
    const kept = this.micros.slice(0, Math.min(this.count, COST_SAMPLES)).sort();
    if (kept.length === 0) {
      return { p50: 0, p95: 0, mean: 0, count: 0 };
    }
    const rank = (share: number): number => kept[Math.min(kept.length - 1, Math.ceil(share * kept.length) - 1)];
    const mean = kept.reduce((sum, value) => sum + value, 0) / kept.length;
    return { p50: rank(0.5), p95: rank(0.95), mean, count: this.count };
  }
}
