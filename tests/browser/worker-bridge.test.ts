// The worker bridge (src/media/worker-bridge.ts) on a real worker: lazy start, one task at a time, terminate on
// abort (or a cooperative cancel that keeps the worker), idle shutdown, and a crash reported by name.
import { expect } from 'chai';
import { WorkerBridge } from '../../src/media/worker-bridge.ts';
import type { BridgeProbeApi } from './workers/bridge-probe.worker.ts';

const probe = (idleS = 5) => new WorkerBridge<BridgeProbeApi>(() => new Worker(new URL('./workers/bridge-probe.worker.ts', import.meta.url), { type: 'module' }), idleS);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('worker bridge', () => {
  it('starts the worker on the first task and keeps it for the next', async () => {
    const b = probe();
    expect(b.running).to.equal(false);
    const a = await b.run((api) => api.id());
    expect(b.running).to.equal(true);
    expect(await b.run((api) => api.id())).to.equal(a);
    b.terminate();
    expect(b.running).to.equal(false);
    expect(await b.run((api) => api.id())).to.not.equal(a);
    b.terminate();
  });

  it('runs tasks one at a time, in call order', async () => {
    const b = probe();
    const [x, y, z] = await Promise.all([b.run((api) => api.wait(120)), b.run((api) => api.wait(30)), b.run((api) => api.wait(30))]);
    expect(y[0]).to.be.at.least(x[1]);
    expect(z[0]).to.be.at.least(y[1]);
    b.terminate();
  });

  it('an abort ends a busy worker at once; the next task gets a fresh one', async () => {
    const b = probe();
    const first = await b.run((api) => api.id());
    const ac = new AbortController();
    const t0 = performance.now();
    const spun = b.run((api) => api.spin(3000), { signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    const err = await spun.catch((e: unknown) => e);
    expect((err as Error).name).to.equal('AbortError');
    expect(performance.now() - t0).to.be.below(2000);
    expect(await b.run((api) => api.id())).to.not.equal(first);
    b.terminate();
  });

  it('with a cancel hook, an abort asks the worker to stop and keeps it; an already aborted signal never starts', async () => {
    const b = probe();
    const first = await b.run((api) => api.id());
    const ac = new AbortController();
    const waiting = b.run((api) => api.wait(5000), { signal: ac.signal, cancel: (api) => api.cancel() });
    setTimeout(() => ac.abort(), 50);
    expect(((await waiting.catch((e: unknown) => e)) as Error).name).to.equal('AbortError');
    expect(await b.run((api) => api.id())).to.equal(first);
    const none = await b.run((api) => api.wait(10), { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((none as Error).name).to.equal('AbortError');
    b.terminate();
  });

  it('a cancel the worker cannot hear ends it after the grace period', async () => {
    const b = probe();
    const first = await b.run((api) => api.id());
    const ac = new AbortController();
    const spun = b.run((api) => api.spin(3000), { signal: ac.signal, cancel: (api) => api.cancel(), graceMs: 100 });
    setTimeout(() => ac.abort(), 50);
    expect(((await spun.catch((e: unknown) => e)) as Error).name).to.equal('AbortError');
    const t0 = performance.now();
    expect(await b.run((api) => api.id())).to.not.equal(first);
    expect(performance.now() - t0).to.be.below(2000);
    b.terminate();
  });

  it('shuts the worker down after the idle time', async () => {
    const b = probe(0.2);
    await b.run((api) => api.id());
    expect(b.running).to.equal(true);
    await sleep(450);
    expect(b.running).to.equal(false);
    await b.run((api) => api.wait(300));
    expect(b.running, 'not shut down while busy').to.equal(true);
  });

  it('a crashed worker rejects its task with WorkerCrashError and is replaced', async () => {
    const b = probe();
    const first = await b.run((api) => api.id());
    const err = await b.run(async (api) => {
      await api.crash();
      return api.wait(2000);
    }).catch((e: unknown) => e);
    expect((err as Error).name).to.equal('WorkerCrashError');
    expect(await b.run((api) => api.id())).to.not.equal(first);
    b.terminate();
  });
});
