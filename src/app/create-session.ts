// The Create view's part of the application session: the prompt, its reading and chip edits, the made clip, its
// analysis and record, kept here (not in the view) so they survive switching tabs. The work itself is
// src/loop/user-clip.ts; this holds the state, the one cancel, and the person's earlier prompts.
import { plainError } from './plain-error.ts';
import type { Instruction } from '../core/language/instruction.ts';
import type { SpecMode } from '../core/plan/spec.ts';
import { sizePreset, SIZE_PRESETS, type SizeKey } from '../core/create/clip-options.ts';
import { editInstruction, type ChipEdit } from '../core/create/edit-instruction.ts';
import type { RegistriesDb } from '../storage/db.ts';
import { listInterpretations, listLearnedLexicon } from '../storage/repo-language.ts';
import type { JobPipeline } from '../loop/pipeline.ts';
import {
  analyseUserClip, EmptyPromptError, makeUserClip, recordUserClip, USER_CLIP_STEPS,
  type RecordedUserClip, type UserClip, type UserClipAnalysis, type UserClipStep,
} from '../loop/user-clip.ts';
import { Store, type StateSlice } from './session-store.ts';

/** What the Create view is doing: reading the prompt, making, analysing, recording, or nothing. */
export type CreateBusy = 'read' | 'make' | 'analyse' | 'record' | null;

/** Everything the Create view shows. */
export interface CreateState {
  prompt: string;
  seed: string;
  size: SizeKey;
  mode: SpecMode;
  /** The prompt as read (its instruction), null until read. */
  read: { prompt: string; instruction: Instruction } | null;
  /** The reading with the person's chip edits (what Make uses). */
  edited: Instruction | null;
  busy: CreateBusy;
  /** Fraction 0–1 per step of the current or last operation. */
  fractions: Partial<Record<UserClipStep, number>>;
  clip: UserClip | null;
  analysis: UserClipAnalysis | null;
  recorded: RecordedUserClip | null;
  error: string | null;
  /** The person's earlier prompts (interpretation registry, source user), newest first. */
  history: string[];
}

/** The seed a first make uses: the same prompt makes the same clip until "Another take". */
export const FIRST_SEED = '1';
/** How many earlier prompts the history offers. */
export const HISTORY_LIMIT = 30;

const DRAFT_KEY = 'create_draft';
type Draft = Pick<CreateState, 'prompt' | 'seed' | 'size' | 'mode'>;

/** The inputs kept from an earlier visit (localStorage: they are the person's draft, not registry data). */
function readDraft(): Partial<Draft> {
  try {
    const raw = globalThis.localStorage?.getItem(DRAFT_KEY);
    const d = raw ? (JSON.parse(raw) as Partial<Draft>) : {};
    return {
      ...(typeof d.prompt === 'string' ? { prompt: d.prompt } : {}),
      ...(typeof d.seed === 'string' && d.seed !== '' ? { seed: d.seed } : {}),
      ...(SIZE_PRESETS.some((p) => p.key === d.size) ? { size: d.size } : {}),
      ...(d.mode === 'pure' || d.mode === 'blended' ? { mode: d.mode } : {}),
    };
  } catch {
    return {};
  }
}

/** The steps each operation draws. */
const OPERATION_STEPS: Record<Exclude<CreateBusy, null>, readonly UserClipStep[]> = {
  read: ['interpret'], make: ['interpret', 'spec', 'create'], analyse: ['analyze'], record: ['grow', 'record'],
};

const message = plainError;

/** The Create view's state on a first visit: nothing made, the inputs of the last visit's draft. */
export function initialCreateState(): CreateState {
  return {
    prompt: '', seed: FIRST_SEED, size: SIZE_PRESETS[0].key, mode: 'blended', read: null, edited: null, busy: null, fractions: {},
    clip: null, analysis: null, recorded: null, error: null, history: [], ...readDraft(),
  };
}

/**
 * The Create view's session: one operation at a time, each cancellable. Its state is the `create` part of the
 * application session's one SessionState (AppSession passes that slice); alone (tests), a store of its own.
 */
export class CreateSession {
  /** The state the Create view reads (in the app: SessionState.create). */
  readonly store: StateSlice<CreateState>;
  private controller: AbortController | null = null;

  constructor(private readonly db: RegistriesDb, private readonly pipeline: () => Promise<JobPipeline>, state?: StateSlice<CreateState>) {
    this.store = state ?? new Store<CreateState>(initialCreateState());
    let saved = '';
    this.store.subscribe(({ prompt, seed, size, mode }) => {
      const next = JSON.stringify({ prompt, seed, size, mode });
      if (next === saved) return;
      saved = next;
      try {
        globalThis.localStorage?.setItem(DRAFT_KEY, next);
      } catch {
        // Private mode or a full quota: the draft still lives for this session.
      }
    });
  }

  /** The latest state. */
  get state(): Readonly<CreateState> {
    return this.store.state;
  }

  /** Show a refusal that happened before any operation started (a bad chip value, busy) on the error line. */
  showError(message: string): void {
    this.store.update({ error: message });
  }

  /** Keep what the person typed (the reading goes stale until read again). */
  setPrompt(prompt: string): void {
    this.store.update({ prompt });
  }

  /** Seed, size and look of the next make. */
  setOptions(o: { seed?: string; size?: SizeKey; mode?: SpecMode }): void {
    if (o.size !== undefined) sizePreset(o.size);
    if (o.mode !== undefined && o.mode !== 'pure' && o.mode !== 'blended') throw new TypeError(`mode must be pure or blended, got ${JSON.stringify(o.mode)}`);
    this.store.update({ ...(o.seed !== undefined ? { seed: o.seed } : {}), ...(o.size !== undefined ? { size: o.size } : {}), ...(o.mode !== undefined ? { mode: o.mode } : {}) });
  }

  /** The person's earlier prompts, newest first (refreshes the state's history too). */
  async loadHistory(): Promise<string[]> {
    const records = (await listInterpretations(this.db)).filter((r) => r.source === 'user');
    records.sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0));
    const history = [...new Set(records.map((r) => r.prompt))].slice(0, HISTORY_LIMIT);
    this.store.update({ history });
    return history;
  }

  /** Read the prompt (with what the store has learned): its instruction becomes the chips' starting point. */
  async read(prompt = this.state.prompt): Promise<Instruction> {
    this.claim('read');
    try {
      const instruction = await this.interpret(prompt);
      this.store.update({ prompt, read: { prompt, instruction }, edited: instruction, busy: null });
      return instruction;
    } catch (err) {
      this.fail(err);
      throw err;
    }
  }

  /** Change one chip of the reading. */
  edit(edit: ChipEdit): Instruction {
    const { edited } = this.state;
    if (!edited) throw new TypeError('read the prompt before editing its chips');
    const next = editInstruction(edited, edit);
    this.store.update({ edited: next, error: null });
    return next;
  }

  /** Undo every chip edit: back to the prompt as read. */
  resetEdits(): void {
    this.store.update({ edited: this.state.read?.instruction ?? null });
  }

  /** Make the clip of the current prompt (read first when the reading is missing or stale) with the edited instruction. */
  async make(): Promise<UserClip> {
    const s = this.state;
    if (s.prompt.trim() === '') {
      const err = new EmptyPromptError();
      this.store.update({ error: err.message });
      throw err;
    }
    const signal = this.claim('make');
    try {
      let instruction = s.edited;
      if (!s.read || s.read.prompt !== s.prompt) {
        instruction = await this.interpret(s.prompt);
        this.store.update({ read: { prompt: s.prompt, instruction }, edited: instruction });
      }
      const size = sizePreset(s.size);
      const clip = await makeUserClip(this.db, await this.pipeline(), {
        prompt: s.prompt, seed: s.seed, mode: s.mode, width: size.width, height: size.height, signal,
        ...(instruction ? { instruction } : {}),
        onProgress: (step, f) => this.progress(step, f),
      });
      this.store.update({ clip, analysis: null, recorded: null, busy: null });
      return clip;
    } catch (err) {
      this.fail(err);
      throw err;
    }
  }

  /** A new seed, then make: another clip from the same prompt and chips. */
  anotherTake(): Promise<UserClip> {
    const [a = 0] = crypto.getRandomValues(new Uint32Array(1));
    this.store.update({ seed: a.toString(36) });
    return this.make();
  }

  /** Analyse the made clip and compare it with what it was made to be. */
  async analyse(): Promise<UserClipAnalysis> {
    const clip = this.state.clip;
    if (!clip) throw new TypeError('make a clip before analysing it');
    const signal = this.claim('analyse');
    try {
      const analysis = await analyseUserClip(await this.pipeline(), clip, { signal, onProgress: (f) => this.progress('analyze', f) });
      this.store.update({ analysis, busy: null });
      return analysis;
    } catch (err) {
      this.fail(err);
      throw err;
    }
  }

  /** Record the made clip as a job (analysing it first if needed), with its learning and discovery records. */
  async record(): Promise<RecordedUserClip> {
    const { clip, recorded } = this.state;
    if (!clip) throw new TypeError('make a clip before recording it');
    if (recorded && recorded.job.id === clip.id) throw new TypeError(`this clip is already recorded as ${clip.id}`);
    const analysis = this.state.analysis ?? (await this.analyse());
    this.claim('record');
    try {
      const done = await recordUserClip(this.db, clip, analysis, { onProgress: (step, f) => this.progress(step, f) });
      this.store.update({ recorded: done, busy: null });
      await this.loadHistory();
      return done;
    } catch (err) {
      this.fail(err);
      throw err;
    }
  }

  /** Stop the current make or analysis (nothing is kept from it). */
  cancel(): void {
    this.controller?.abort(new DOMException('cancelled by the person', 'AbortError'));
  }

  private async interpret(prompt: string): Promise<Instruction> {
    if (prompt.trim() === '') throw new EmptyPromptError();
    return (await this.pipeline()).interpret(prompt.trim(), await listLearnedLexicon(this.db)).instruction;
  }

  /** Start an operation: refuse a second one, reset the bars it draws, and give it a fresh signal. */
  private claim(busy: Exclude<CreateBusy, null>): AbortSignal {
    if (this.state.busy) throw new TypeError(`wait: already busy (${this.state.busy})`);
    this.controller = new AbortController();
    const fractions = { ...this.state.fractions };
    // A make starts a new clip: every bar empties; analysing or recording again empties only its own bars.
    for (const step of busy === 'make' ? USER_CLIP_STEPS : OPERATION_STEPS[busy]) fractions[step] = 0;
    this.store.update({ busy, error: null, fractions });
    return this.controller.signal;
  }

  private progress(step: UserClipStep, fraction: number): void {
    const fractions = { ...this.state.fractions };
    const steps = this.state.busy ? OPERATION_STEPS[this.state.busy] : [];
    // The steps of this operation before the one reporting are complete.
    for (const s of steps.slice(0, Math.max(0, steps.indexOf(step)))) fractions[s] = 1;
    fractions[step] = fraction;
    this.store.update({ fractions });
  }

  private fail(err: unknown): void {
    const aborted = (err as Error)?.name === 'AbortError';
    this.store.update({ busy: null, error: message(err), ...(aborted ? { fractions: {} } : {}) });
  }
}
