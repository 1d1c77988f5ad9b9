/**
 * Waits for one step of joining, or stops waiting (rejecting with the signal's reason) as soon as
 * the engine is released, so a leave during a slow step does not go on to open a camera.
 */
export function untilReleased<T>(work: Promise<T>, released: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (released.aborted) {
      reject(released.reason);
      return;
    }
    const onRelease = () => reject(released.reason);
    released.addEventListener('abort', onRelease, { once: true });
    work.then(resolve, reject).finally(() => released.removeEventListener('abort', onRelease));
  });
}
