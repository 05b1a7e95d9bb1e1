// The Create flow in Node (fake-indexeddb, the loop's media steps replaced by data): make → analyse → record
// writes one job (prompt mode user, interpretation source user) with its learning and discovery records through
// the loop's recordJob; empty, unreadable and cancelled makes store nothing; the same seed makes the same clip.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { interpret } from '../../src/core/language/interpret.ts';
import { counts, openRegistries } from '../../src/storage/repo-entries.ts';
import { diagnostics } from '../../src/storage/repo-runs.ts';
import { listInterpretations } from '../../src/storage/repo-language.ts';
import { CreateSession, FIRST_SEED } from '../../src/app/create-session.ts';
import { EmptyPromptError, NothingUnderstoodError, USER_CLIP_STEPS, USER_WORKFLOW } from '../../src/loop/user-clip.ts';
import type { JobPipeline } from '../../src/loop/pipeline.ts';
import { dataPipeline } from './loop-data-pipeline.ts';

let n = 0;
const fresh = () => openRegistries(`create-session-${n++}-${Date.now()}`);
const PROMPT = 'teal light, pan left, tone 300 hz';

/** The data pipeline, with the real interpreter for prompts it does not speak (gibberish). */
function pipeline(extra: Partial<JobPipeline> = {}): JobPipeline {
  const data = dataPipeline();
  return { ...data, interpret: (p, learned) => (p.includes(' light, ') ? data.interpret(p, learned) : interpret(p, { learned })), ...extra };
}

async function stored(db: Awaited<ReturnType<typeof fresh>>) {
  const c = await counts(db);
  return { jobs: c.jobs, learning: c.learning, discovery: c.discovery, interpretation: c.interpretation, linguistic: c.linguistic };
}

describe('CreateSession', () => {
  it('make → analyse → record writes one user job with its learning and discovery records', async () => {
    const db = await fresh();
    const s = new CreateSession(db, async () => pipeline());
    s.setPrompt(PROMPT);
    const read = await s.read();
    expect(read.palette.primitives).toEqual(['teal']);
    s.edit({ field: 'camera', value: 'zoom_in' });
    const seen: string[] = [];
    s.store.subscribe((st) => {
      for (const [k, v] of Object.entries(st.fractions)) if (v === 1 && !seen.includes(k)) seen.push(k);
    });
    const clip = await s.make();
    expect(clip.instruction.camera.move).toBe('zoom_in');
    expect(clip.interpreted.camera.move).toBe('pan_left');
    expect(await stored(db)).toMatchObject({ jobs: 0, learning: 0, discovery: 0 });
    const a = await s.analyse();
    expect(a.learning.job_id).toBe(clip.id);
    // The edit reached the spec: the data clip is made with (and measured as) the edited move.
    expect(clip.spec.camera.move).toBe('zoom_in');
    expect(a.learning.fields.camera).toMatchObject({ intended: 'zoom_in', observed: 'zoom_in', agreement: 1 });
    const before = await stored(db);
    const r = await s.record();
    expect(seen).toEqual([...USER_CLIP_STEPS]);
    expect(r.job).toMatchObject({ id: clip.id, prompt: PROMPT, prompt_mode: 'user', workflow: USER_WORKFLOW, growth: 'all', seed: FIRST_SEED });
    expect(r.job.mp4.sha256).toBe(clip.sha256);
    expect(await diagnostics(db)).toMatchObject({ jobs: 1, missing_learning: 0, missing_discovery: 0, accuracy: a.learning.agreement });
    const after = await stored(db);
    expect(after.jobs - before.jobs).toBe(1);
    expect(after.learning - before.learning).toBe(1);
    expect(after.discovery - before.discovery).toBe(1);
    expect(r.discovery.new.length).toBeGreaterThan(0);
    const interp = (await listInterpretations(db)).find((i) => i.prompt === PROMPT);
    // The interpretation registry keeps the prompt as read, not the chip edit.
    expect(interp).toMatchObject({ source: 'user', status: 'done' });
    expect(interp?.instruction?.camera.move).toBe('pan_left');
    expect(s.state.history).toEqual([PROMPT]);
    await expect(s.record()).rejects.toThrow(/already recorded/);
    expect((await stored(db)).jobs).toBe(1);
    db.close();
  });

  it('the same seed makes the same clip; another take re-seeds', async () => {
    const db = await fresh();
    const s = new CreateSession(db, async () => pipeline());
    s.setPrompt(PROMPT);
    const one = await s.make();
    const two = await s.make();
    expect(two.sha256).toBe(one.sha256);
    expect(two.spec).toEqual(one.spec);
    expect(two.id).not.toBe(one.id);
    const take = await s.anotherTake();
    expect(take.seed).not.toBe(FIRST_SEED);
    expect(take.sha256).not.toBe(one.sha256);
    expect(take.spec.seed).toBe(take.seed);
    db.close();
  });

  it('an empty prompt, an unreadable prompt and a bad chip value each say what is wrong and store nothing', async () => {
    const db = await fresh();
    const s = new CreateSession(db, async () => pipeline());
    const empty = await stored(db);
    s.setPrompt('   ');
    await expect(s.make()).rejects.toBeInstanceOf(EmptyPromptError);
    expect(s.state.error).toMatch(/^Type a prompt first/);
    s.setPrompt('xqzt blorf');
    await expect(s.make()).rejects.toBeInstanceOf(NothingUnderstoodError);
    expect(s.state.error).toMatch(/Nothing in “xqzt blorf” was understood \(not understood: xqzt, blorf\)/);
    expect(s.state.clip).toBeNull();
    // A chip makes the same prompt ask for something: then it can be made.
    expect(() => s.edit({ field: 'lighting', value: 'dusky' as 'flat' })).toThrow(/lighting must be one of/);
    s.edit({ field: 'palette', op: 'add', value: 'orange' });
    const clip = await s.make();
    expect(clip.instruction.palette.primitives).toEqual(['orange']);
    expect(await stored(db)).toEqual(empty);
    db.close();
  });

  it('cancel stops a make and keeps nothing', async () => {
    const db = await fresh();
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const slow = pipeline({
      async createClip(_spec, { signal, onProgress }) {
        onProgress(0.3);
        started();
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        throw new Error('unreachable');
      },
    });
    const s = new CreateSession(db, async () => slow);
    s.setPrompt(PROMPT);
    const made = s.make();
    await running;
    expect(s.state.busy).toBe('make');
    expect(s.state.fractions.create).toBe(0.3);
    s.cancel();
    await expect(made).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.state).toMatchObject({ busy: null, clip: null, error: 'Cancelled: nothing was kept.' });
    expect((await stored(db)).jobs).toBe(0);
    db.close();
  });
});

describe('the Create state in the one SessionState', () => {
  it('lives in session.store.state.create: one store, one subscription, the same state the creation acts on', async () => {
    const { AppSession } = await import('../../src/app/session.ts');
    const session = await AppSession.open(`create-in-session-${Date.now()}`);
    const seen: string[] = [];
    const stop = session.store.subscribe((s) => seen.push(s.create.prompt));
    session.creation.setPrompt('a teal sea at dusk');
    session.creation.setOptions({ seed: '9', mode: 'pure' });
    expect(session.store.state.create).toMatchObject({ prompt: 'a teal sea at dusk', seed: '9', mode: 'pure' });
    expect(session.creation.state).toBe(session.store.state.create);
    expect(seen.at(-1)).toBe('a teal sea at dusk');
    // Other parts of the state change beside it without touching it.
    const create = session.store.state.create;
    session.setDrafts({ interpretPrompt: 'slow pan left' });
    expect(session.store.state.create).toBe(create);
    await expect(session.creation.record()).rejects.toThrow(/make a clip before recording it/);
    stop();
    session.close();
  });
});
