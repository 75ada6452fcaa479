/**
 * Searches being answered, so shutdown can wait for them before the index closes: a search that awaits its lexical
 * thread must not find the store closed under it, even when its client has already gone.
 */
export class InFlight {
  private active = 0;
  private waiters: (() => void)[] = [];

  async track<T>(work: Promise<T>): Promise<T> {
    this.active++;
    try {
      return await work;
    } finally {
      if (--this.active === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  idle(): Promise<void> {
    return this.active === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
