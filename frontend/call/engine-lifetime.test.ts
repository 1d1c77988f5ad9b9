import { describe, expect, it, vi } from 'vitest';
import { EngineLifetime } from './engine-lifetime';

/** A step that finishes only when the test says so. */
function pending<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('EngineLifetime', () => {
  it('step_resolvesWithTheStepsValue', async () => {
    const lifetime = new EngineLifetime();

    await expect(lifetime.step(Promise.resolve(42))).resolves.toBe(42);
  });

  it('step_rejectsWithTheStepsError', async () => {
    const lifetime = new EngineLifetime();

    await expect(lifetime.step(Promise.reject(new Error('camera busy')))).rejects.toThrow('camera busy');
  });

  it('releaseDuringAStep_rejectsTheStepAtOnce_withNotInCall', async () => {
    const lifetime = new EngineLifetime();
    const slow = pending<string>();
    const step = lifetime.step(slow.promise);

    lifetime.release();

    await expect(step).rejects.toMatchObject({ name: 'NOT_IN_CALL' });
    // the step finishing later changes nothing
    slow.resolve('too late');
    await expect(step).rejects.toMatchObject({ name: 'NOT_IN_CALL' });
  });

  it('stepAfterRelease_rejectsWithoutWaiting', async () => {
    const lifetime = new EngineLifetime();
    lifetime.release();

    await expect(lifetime.step(new Promise<never>(() => {}))).rejects.toMatchObject({ name: 'NOT_IN_CALL' });
  });

  it('release_isTrueOnce_andAbortsTheSignal', () => {
    const lifetime = new EngineLifetime();
    const aborted = vi.fn();
    lifetime.signal.addEventListener('abort', aborted);

    expect(lifetime.release()).toBe(true);
    expect(lifetime.release()).toBe(false);
    expect(lifetime.released).toBe(true);
    expect(aborted).toHaveBeenCalledOnce();
  });

  it('failedJoin_releasesOnce_andPassesTheErrorOn', async () => {
    const lifetime = new EngineLifetime();
    const release = vi.fn(() => {
      lifetime.release();
    });

    const joined = lifetime.join(async () => {
      await lifetime.step(Promise.resolve());
      throw new Error('no camera');
    }, release);

    await expect(joined).rejects.toThrow('no camera');
    expect(release).toHaveBeenCalledOnce();
  });

  it('releaseDuringJoin_endsTheJoinQuietly_withoutReleasingAgain', async () => {
    const lifetime = new EngineLifetime();
    const release = vi.fn();
    const slow = pending<void>();
    const laterStep = vi.fn();

    const joined = lifetime.join(async () => {
      await lifetime.step(slow.promise);
      laterStep();
    }, release);
    lifetime.release();

    await expect(joined).resolves.toBeUndefined();
    expect(release).not.toHaveBeenCalled();
    expect(laterStep).not.toHaveBeenCalled();
  });

  it('successfulJoin_neverReleases', async () => {
    const lifetime = new EngineLifetime();
    const release = vi.fn();

    await lifetime.join(() => lifetime.step(Promise.resolve()), release);

    expect(release).not.toHaveBeenCalled();
    expect(lifetime.released).toBe(false);
  });
});
