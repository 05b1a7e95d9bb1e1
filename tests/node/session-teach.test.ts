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

  it('lists the language registries by source and removes a learned mapping: the next interpretation no longer knows it', async () => {
    const a = await fresh();
    await a.interpretAndRecord('red waves in the castle, pan left');
    await a.teach('zindleqwop', 'motion', 'fast');
    expect((await a.interpret('zindleqwop, pan left')).motion.level).toBe('fast');

    const all = await a.linguisticPage();
    expect(all.total).toBe(all.rows.length);
    expect(all.bySource.learned).toBe(2); // castle (learned from WordNet on use) and the taught word
    expect(all.bySource.origin).toBeGreaterThan(0); // red, pan left…
    const learned = await a.linguisticPage({ source: 'learned' });
    // In the store's key order (span, domain, canonical).
    expect(learned.rows.map((r) => [r.span, r.domain, r.canonical, r.count])).toEqual([['castle', 'setting', 'castle', 1], ['zindleqwop', 'motion', 'fast', 1]]);
    expect((await a.linguisticPage({ search: 'ZIND' })).rows.map((r) => r.span)).toEqual(['zindleqwop']);
    expect((await a.linguisticPage({ source: 'learned', limit: 1, offset: 1 })).rows.length).toBe(1);
    await expect(a.linguisticPage({ source: 'taught' as never })).rejects.toThrow(TypeError);
    const prompts = await a.interpretationPage({ source: 'user' });
    expect(prompts.rows.map((r) => r.prompt)).toEqual(['red waves in the castle, pan left']);
    expect((await a.interpretationPage({ source: 'procedural' })).matched).toBe(0);

    // Origin words cannot be removed; nothing changes.
    const red = all.rows.find((r) => r.span === 'red' && r.source === 'origin');
    expect(red).toBeDefined();
    await expect(a.removeLearned({ span: 'red', domain: 'color', canonical: 'red' })).rejects.toThrow(/starting words/);
    await expect(a.removeLearned({ span: 'nope', domain: 'motion', canonical: 'fast' })).rejects.toThrow(/not in the linguistic registry/);
    expect((await a.linguisticPage()).total).toBe(all.total);

    // The current interpretation is read again at once; the next ones too.
    const removed = await a.removeLearned({ span: 'zindleqwop', domain: 'motion', canonical: 'fast' });
    expect(removed).toMatchObject({ span: 'zindleqwop', source: 'learned' });
    expect(a.store.state.interpretation?.instruction?.motion.level).toBe(null);
    expect((await a.interpret('zindleqwop, pan left')).motion.level).toBe(null);
    expect((await a.linguisticPage({ source: 'learned' })).rows.map((r) => r.span)).toEqual(['castle']);
    expect(JSON.parse(await a.exportText()).linguistic.some((m: { span: string }) => m.span === 'zindleqwop')).toBe(false);
  });
});
