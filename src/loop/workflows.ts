// The three workflows of the loop (+ `all`): what each grows and how it picks prompts.
import type { GrowthMode } from '../core/registry/growth.ts';

export const WORKFLOWS = ['frame-explorer', 'frame-exploiter', 'window', 'all'] as const;
export type Workflow = (typeof WORKFLOWS)[number];

export interface WorkflowSettings {
  /** Which extraction grows the registries. */
  growth: GrowthMode;
  /** A fixed exploit ratio (explorer 0, exploiter 1), or null: use the loop's setting. */
  exploit: number | null;
  /** One line for the UI and the CLI help. */
  summary: string;
}

export const WORKFLOW_SETTINGS: Record<Workflow, WorkflowSettings> = {
  'frame-explorer': { growth: 'frame', exploit: 0, summary: 'per-frame extraction, new procedural prompts: grows pure colours and sounds' },
  'frame-exploiter': { growth: 'frame', exploit: 1, summary: 'per-frame extraction, prompts from the interpretation registry that found most' },
  window: { growth: 'window', exploit: null, summary: 'per-window extraction: grows blended values, observed narrative and whole-video aggregates' },
  all: { growth: 'all', exploit: null, summary: 'per-frame and per-window extraction: grows every registry' },
};

export function isWorkflow(s: unknown): s is Workflow {
  return typeof s === 'string' && (WORKFLOWS as readonly string[]).includes(s);
}
