// The three workflows of the loop (+ `all`): what each grows and how it picks prompts.
import type { GrowthMode } from '../core/registry/growth.ts';

/** The loop's workflows, in the order the UI lists them. */
export const WORKFLOWS = ['frame-explorer', 'frame-exploiter', 'window', 'all'] as const;
/** One of WORKFLOWS. */
export type Workflow = (typeof WORKFLOWS)[number];

/** What a workflow grows and how it picks prompts. */
export interface WorkflowSettings {
  /** Which extraction grows the registries. */
  growth: GrowthMode;
  /** A fixed exploit ratio (explorer 0, exploiter 1), or null: use the loop's setting. */
  exploit: number | null;
  /** One line for the UI and the CLI help. */
  summary: string;
}

/** Each workflow's settings. */
export const WORKFLOW_SETTINGS: Record<Workflow, WorkflowSettings> = {
  'frame-explorer': { growth: 'frame', exploit: 0, summary: 'per-frame extraction, new procedural prompts: grows pure colours and sounds' },
  'frame-exploiter': { growth: 'frame', exploit: 1, summary: 'per-frame extraction, prompts from the interpretation registry that found most' },
  window: { growth: 'window', exploit: null, summary: 'per-window extraction: grows blended values, observed narrative and whole-video aggregates' },
  all: { growth: 'all', exploit: null, summary: 'per-frame and per-window extraction: grows every registry' },
};

/** Whether a value names a workflow (argument checks at the CLI and page doors). */
export function isWorkflow(s: unknown): s is Workflow {
  return typeof s === 'string' && (WORKFLOWS as readonly string[]).includes(s);
}
