/**
 * The short cache of the Solr engine's status changes (src/store/solr/solr-cached-read.ts): a value is served until
 * its time is up or a write invalidates it, a load running across an invalidation is never served after it, and a
 * failed load is not kept. The clock is ours to move.
 */
import { describe, expect, it } from 'vitest';
import { cachedRead } from '../../src/store/solr/solr-cached-read.js';

/** A load that answers its call number, released by hand. */
function counter() {
  let calls = 0;
  const pending: ((n: number) => void)[] = [];
  return {
    calls: () => calls,
    load: () => {
      calls += 1;
      const n = calls;
      return new Promise<number>((resolve) => pending.push(() => resolve(n)));
    },
    release: () => {
      for (const r of pending.splice(0)) r(0);
    },
  };
}

describe('cachedRead', () => {
  it('serves one load until its time is up, sharing it between concurrent reads', async () => {
    let now = 1_000;
    const c = counter();
    const cache = cachedRead(c.load, 5_000, () => now);
    const [a, b] = [cache.read(), cache.read()];
    c.release();
    expect(await a).toBe(1);
    expect(await b).toBe(1);
    now += 4_999;
    expect(await cache.read()).toBe(1);
    now += 1;
    const fresh = cache.read();
    c.release();
    expect(await fresh).toBe(2);
    expect(c.calls()).toBe(2);
  });

  it('loads again after an invalidation, and never serves a load that started before it', async () => {
    const c = counter();
    const cache = cachedRead(c.load, 60_000, () => 0);
    const before = cache.read();
    cache.invalidate();
    const after = cache.read();
    c.release();
    expect(await before).toBe(1);
    expect(await after).toBe(2);
    expect(await cache.read()).toBe(2);
    cache.invalidate();
    const again = cache.read();
    c.release();
    expect(await again).toBe(3);
  });

  it('keeps no failed load', async () => {
    let fail = true;
    const cache = cachedRead(async () => {
      if (fail) throw new Error('no node answers');
      return 'changes';
    }, 60_000);
    await expect(cache.read()).rejects.toThrow('no node answers');
    fail = false;
    expect(await cache.read()).toBe('changes');
  });
});
