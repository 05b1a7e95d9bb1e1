// Plain-language names for what the app shows, with the technical name kept as secondary text: a person new to the
// app reads "Sound presence" and can still match it to `dynamic.sound.presence` in an export or the CLI.
import type { ValueRegistry } from '../core/registry/entry.ts';
import type { Workflow } from '../loop/workflows.ts';

/** A plain name per value registry. */
export const REGISTRY_LABELS: Record<ValueRegistry, string> = {
  'static.colors': 'Colours',
  'static.sound': 'Sounds',
  'dynamic.colors': 'Colour changes',
  'dynamic.motion': 'Motion',
  'dynamic.camera': 'Camera moves',
  'dynamic.gradient': 'Gradients',
  'dynamic.lighting': 'Lighting',
  'dynamic.sound.tempo': 'Tempo',
  'dynamic.sound.mood': 'Sound mood',
  'dynamic.sound.presence': 'Sound presence',
  'dynamic.sound.melody': 'Melody',
  'dynamic.sound.speech': 'Speech',
  'dynamic.blends': 'Blends',
};

/** A plain name per other counted table (the keys of RegistryCounts besides `entries`). */
export const TABLE_LABELS = {
  jobs: 'Clips made',
  learning: 'Learning records',
  discovery: 'Discovery records',
  narrative_intended: 'Stories asked for',
  narrative_observed: 'Stories seen',
  interpretation: 'Prompts understood',
  linguistic: 'Words learned',
} as const;

/** What each workflow grows, in plain words. */
export const WORKFLOW_LABELS: Record<Workflow, string> = {
  'frame-explorer': 'Explore new colours and sounds',
  'frame-exploiter': 'Repeat the prompts that found most',
  window: 'Blends, moves and stories',
  all: 'Everything',
};

/** Explanations of the loop's settings, shown under their labels. */
export const LOOP_SETTING_HELP = {
  workflow: 'What the loop tries to grow: it picks the prompts and how each clip is measured.',
  exploit: 'Share of jobs that reuse a prompt which already found something (0 = always new prompts, 1 = always reuse).',
  seed: 'Same seed, same prompts and clips: change it for a different run.',
  runs: 'How many clips to make; empty runs until you stop it.',
} as const;
