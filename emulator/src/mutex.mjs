// A tiny async mutex keyed by string: serializes writes per table so concurrent requests never
// race on one dataset (protocol writes are then applied one after another, in arrival order).

export class KeyedMutex {
  #tails = new Map();

  /**
   * Runs `fn` once every earlier holder of each key has finished (keys are locked in sorted order
   * to avoid deadlocks when one operation needs two tables, e.g. rename).
   * @template T
   * @param {string[]} keys
   * @param {() => Promise<T>} fn
   * @returns {Promise<T>}
   */
  async run(keys, fn) {
    const sorted = [...new Set(keys)].sort();
    const releases = [];
    try {
      for (const key of sorted) releases.push(await this.#acquire(key));
      return await fn();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  async #acquire(key) {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release;
    const current = new Promise((resolve) => { release = resolve; });
    const tail = previous.then(() => current);
    this.#tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    };
  }
}
