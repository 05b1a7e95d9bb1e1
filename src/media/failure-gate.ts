// Waiting on a piece of work while a failure elsewhere (a helper worker's crash) may end the wait first, without the
// leak of `Promise.race([work, failed])` in a loop: a race adds a reaction to `failed` every call, and while `failed`
// stays pending (the usual case: nothing crashes) every reaction keeps its race's result alive — in the colour worker's
// loop that was every frame's measures, ~1.9 kB a frame (~34 MB over a 10-minute file, measured; docs/extraction.md, issue 18).
// Here each wait registers its reject in a set and removes it when the work settles, so nothing outlives its wait.

/** Waits that a failure can end early; see the file's comment. */
export class FailureGate {
  private failure: { err: unknown } | null = null;
  private readonly waiting = new Set<(err: unknown) => void>();

  /** Waits for `work`; rejects with the failure instead if it comes first (or came before). */
  wait<T>(work: Promise<T>): Promise<T> {
    if (this.failure) {
      work.catch(() => undefined); // its own outcome no longer matters
      return Promise.reject(this.failure.err);
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      work.then(
        (value) => {
          this.waiting.delete(reject);
          resolve(value);
        },
        (err: unknown) => {
          this.waiting.delete(reject);
          reject(err);
        },
      );
    });
  }

  /** Fails every wait pending now and every later one with `err` (the first failure wins). */
  fail(err: unknown): void {
    if (this.failure) return;
    this.failure = { err };
    for (const reject of this.waiting) reject(err);
    this.waiting.clear();
  }

  /** Waits pending now (a test hook: it must return to zero as work settles). */
  get pending(): number {
    return this.waiting.size;
  }
}
