import { namedError } from './error-messages';

/**
 * What both engines share about one join's life: joining step by step, stopping at once when the
 * engine is released (so a leave during a slow step does not go on to open a camera), and
 * releasing everything when a step fails.
 */
export class EngineLifetime {
  private readonly controller = new AbortController();

  /** Whether the engine was released; it reports nothing after that. */
  get released(): boolean {
    return this.controller.signal.aborted;
  }

  /** Aborted on release, for listeners that should go with the engine. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Runs the join. When a step fails, `release` runs and the error goes on to the caller; when
   * the engine was released meanwhile, the join just ends.
   */
  async join(steps: () => Promise<void>, release: () => void): Promise<void> {
    try {
      await steps();
    } catch (error) {
      if (this.released) {
        return;
      }
      release();
      throw error;
    }
  }

  /** Waits for one joining step, or rejects as soon as the engine is released. */
  step<T>(work: Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    return new Promise<T>((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      const onRelease = (): void => reject(signal.reason);
      signal.addEventListener('abort', onRelease, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onRelease));
    });
  }

  /** Marks the engine released; false when it already was, so that releasing runs once. */
  release(): boolean {
    if (this.released) {
      return false;
    }
    this.controller.abort(namedError('NOT_IN_CALL'));
    return true;
  }
}
