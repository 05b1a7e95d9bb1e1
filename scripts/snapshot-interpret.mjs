// Snapshot of the interpreter's full output (instruction, spans, uses, learned entries, conflicts) over every
// human-written prompt, the example prompts, 3,000 generated prompts and 2,000 seeded fuzz prompts (fixed seeds),
// some with learned entries or mechanisms off; every prompt is interpreted twice (second pass with every cache
// warm) and both passes must agree. For speed work that must not change any output: write a snapshot before a
// change, check it after.
// Run: node scripts/snapshot-interpret.mjs write /tmp/before.jsonl, then node scripts/snapshot-interpret.mjs check /tmp/before.jsonl
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { importTs } from './bench/_bundle.mjs';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'write' && mode !== 'check') || !file) {
  console.error('usage: node scripts/snapshot-interpret.mjs write|check FILE');
  process.exit(2);
}
const E = await importTs('scripts/bench/_interpret-entry.mjs');
const human = [...E.humanPrompts(), ...E.roundSevenPrompts()];
const learned = [
  { span: 'zonk', canonical: 'high', domain: 'intensity', variant: 'slang', source: 'learned' },
  { span: 'glimmery', canonical: 'high_key', domain: 'lighting', variant: 'slang', source: 'learned' },
  { span: 'pan', canonical: 'pan_left', domain: 'camera', variant: 'slang', source: 'learned' },
];
// Round 8's place and mood switches (their own line: two helpers add switches here).
const PLACE_OFF = ['placeNames', 'placeFrames'];
const OFF = ['wordnet', 'spelling', 'implied', 'syntax', 'hedges', 'places', 'idioms', 'compounds', 'manner', 'negatedVerbs', 'artificialLight', 'names', 'compoundPlaces', 'dialect', 'weatherLight', 'cameraVerbs', 'speedAttach', 'cameraClause', 'sceneEnergy', 'soundPresence', 'lightWords', 'paletteWords', ...PLACE_OFF];
/** [label, prompt, options] in a fixed order. */
const runs = [];
for (const p of human) runs.push(['human', p, undefined]);
for (const p of E.examplePrompts()) runs.push(['example', p, undefined]);
for (const p of E.generatedPrompts(3000, 'snapshot')) runs.push(['generated', p, undefined]);
for (const p of E.fuzzPrompts(2000, 'snapshot-fuzz')) runs.push(['fuzz', p, undefined]);
for (const p of [...human.slice(0, 150), 'zonk fast pan left', 'the pan sizzles on a stove, zonk gloomy glimmery']) runs.push(['learned', p, { learned }]);
for (const [k, m] of OFF.entries()) for (const p of human.slice(k * 20, k * 20 + 40)) runs.push([`off ${m}`, p, { off: [m] }]);
for (const p of human.slice(0, 100)) runs.push(['all off', p, { off: OFF }]);

const t0 = performance.now();
const first = runs.map(([, p, o]) => JSON.stringify(E.interpret(p, o)));
const t1 = performance.now();
const second = runs.map(([, p, o]) => JSON.stringify(E.interpret(p, o)));
let unstable = 0;
for (let k = 0; k < runs.length; k++) {
  if (first[k] === second[k]) continue;
  if (unstable++ < 5) console.log(`UNSTABLE (second pass differs): ${JSON.stringify(runs[k][1])}`);
}
const lines = runs.map(([label, p], k) => JSON.stringify([label, p, JSON.parse(first[k])]));
const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
console.log(`${runs.length} interpretations, first pass ${(t1 - t0).toFixed(0)} ms, sha256 ${hash.slice(0, 16)}`);
if (mode === 'write') {
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`written ${file}`);
} else {
  const want = readFileSync(file, 'utf8').trimEnd().split('\n');
  let diff = 0;
  if (want.length !== lines.length) console.log(`line count differs: ${want.length} vs ${lines.length}`);
  for (let k = 0; k < Math.min(want.length, lines.length); k++) {
    if (want[k] === lines[k]) continue;
    if (diff++ < 5) console.log(`DIFF ${k}:\n  want ${want[k].slice(0, 600)}\n  got  ${lines[k].slice(0, 600)}`);
  }
  console.log(diff === 0 && want.length === lines.length && unstable === 0 ? 'IDENTICAL' : `${diff} differences, ${unstable} unstable`);
  if (diff || unstable || want.length !== lines.length) process.exit(1);
}
