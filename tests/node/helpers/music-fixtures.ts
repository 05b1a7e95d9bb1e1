// The committed music fixture folders (tests/fixtures/real/music-*/, each made by its make.mjs with fluidsynth): every
// clip's truth from the folder's truth.json and its onset envelope, the clip decoded by ffmpeg to mono.
import { readFileSync } from 'node:fs';
import { createOnsetEnvelope, type OnsetEnvelope } from '../../../src/core/audio/onset-envelope.ts';
import { decodeMono } from './decode.ts';

/** The truth of a drumless fixture clip: the MIDI's tapped beat, its metre and its recipe's kind. */
export interface MeterTruth {
  bpm: number;
  meter: string;
  kind: string;
}

/** The clips of tests/fixtures/real/`folder`/ in truth.json's order, each pushed whole through one onset envelope at `sampleRate`. */
export function musicFixtureClips<T = MeterTruth>(folder: string, sampleRate = 44100): { name: string; t: T; onset: OnsetEnvelope }[] {
  const dir = new URL(`../../fixtures/real/${folder}/`, import.meta.url);
  const truth = JSON.parse(readFileSync(new URL('truth.json', dir), 'utf8')) as Record<string, T>;
  return Object.entries(truth).map(([name, t]) => {
    const onset = createOnsetEnvelope(sampleRate);
    onset.push(decodeMono(new URL(name, dir).pathname, sampleRate));
    return { name, t, onset };
  });
}
