// The app session's part of #14.3/#14.4: a prompt a person interprets is recorded (source user); a taught mapping
// changes the next interpretation and survives export → import into another store.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AppSession } from '../../src/app/session.ts';

let n = 0;
const fresh = () => AppSession.open(`session-teach-${n++}-${Date.now()}`);

describe('session: user interpretations and teach', () => {
  it('records a typed prompt, teaches a word, and both survive export → import', async () => {
    const a = await fresh();
    const typed = await a.interpretAndRecord('a castle at dusk, slow pan left');
    expect(typed.instruction.camera.move).toBe('pan_left');
    expect(await a.interpret('zindleqwop, pan left')).toMatchObject({ motion: { level: null } });
    const taught = await a.teach('zindleqwop', 'motion', 'fast');
    expect(taught.conflicts).toEqual([]);
    expect((await a.interpret('zindleqwop, pan left')).motion.level).toBe('fast');
    await expect(a.teach('red', 'color', 'mauve')).rejects.toThrow(TypeError);

    const text = await a.exportText();
    const exported = JSON.parse(text) as { interpretation: { prompt: string; source: string }[]; linguistic: { span: string; source: string; domain: string; canonical: string }[] };
    expect(exported.interpretation).toContainEqual(expect.objectContaining({ prompt: 'a castle at dusk, slow pan left', source: 'user' }));
    expect(exported.linguistic).toContainEqual(expect.objectContaining({ span: 'zindleqwop', domain: 'motion', canonical: 'fast', source: 'learned' }));
    expect(exported.linguistic).toContainEqual(expect.objectContaining({ span: 'castle', domain: 'setting', canonical: 'castle', source: 'learned' }));

    const b = await fresh();
    expect((await b.interpret('zindleqwop, pan left')).motion.level).toBe(null);
    await b.importText(text);
    expect((await b.interpret('zindleqwop, pan left')).motion.level).toBe('fast');
  });
});
