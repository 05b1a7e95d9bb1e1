// What the CLI can call in the page (window.motionRegistries): a thin adapter over the application session
// (src/app/session.ts). It only decodes arguments, turns errors into data where the CLI reads them as data, and
// handles files: analysis input through a hidden <input type=file> that the CLI fills with Playwright's
// setInputFiles (the browser reads them from disk by path, so no file is copied whole into the page), and made
// clips handed to Node in base64 chunks.
import { emptyInstruction, INSTRUCTION_SCHEMA, type Instruction } from '../core/language/instruction.ts';
import type { Interpretation } from '../core/language/interpret.ts';
import type { ExportProblem } from '../core/registry/export-schema.ts';
import { isAnalysisError, type AnalysisResult } from '../core/report/analysis.ts';
import type { ImportSummary } from '../storage/export.ts';
import type { RegistryCounts } from '../storage/repo-entries.ts';
import type { Diagnostics } from '../core/registry/export-records.ts';
import type { BackfillSummary } from '../loop/backfill.ts';
import { isWorkflow } from '../loop/workflows.ts';
import { syncApi } from './api/sync-api.ts';
import { sendJsonInParts } from './json-batches.ts';
import type { RepairSummary } from '../storage/repair-store.ts';
import { AppSession, type AgreementSnapshot, type CreateRequest, type LoopRunRequest, type LoopRunSummary, type MadeClipResult } from './session.ts';

declare global {
  interface Window {
    /** Set by the CLI (page.exposeFunction) to print analysis progress on stderr. */
    mrAnalyzeProgress?: (name: string, fraction: number) => void;
    /** Set by the CLI to receive a streamed report's frames: one batch as a JSON array, in order; awaited. */
    mrAnalyzeFrames?: (json: string) => Promise<void>;
    /** Set by the CLI to receive a streamed report's windows once the frames are in: one batch as a JSON array, in order; awaited. */
    mrAnalyzeWindows?: (json: string) => Promise<void>;
    /** Set by the CLI to print creation progress on stderr. */
    mrCreateProgress?: (fraction: number) => void;
    /** Set by the CLI to receive the loop's progress lines. */
    mrLoopProgress?: (line: string) => void;
  }
}

/** Windows per batch of a streamed report (a minute of 30 f/s video: ~100 kB of JSON). */
const WINDOW_BATCH = 120;

/** The id of the file input the CLI fills. */
export const ANALYZE_INPUT_ID = 'mr-analyze-input';

let opened: Promise<AppSession> | null = null;

/** The page's session (the registries opened, seeded and upgraded once per page); it shows nothing, so it draws no job pictures. */
function session(): Promise<AppSession> {
  opened ??= AppSession.open(undefined, { jobPictures: false });
  return opened;
}

function input(): HTMLInputElement {
  let el = document.getElementById(ANALYZE_INPUT_ID) as HTMLInputElement | null;
  if (!el) {
    el = document.createElement('input');
    el.type = 'file';
    el.multiple = true;
    el.id = ANALYZE_INPUT_ID;
    el.hidden = true;
    document.body.append(el);
  }
  return el;
}

/** An import's outcome as plain data (errors cross the page boundary by name, message and problems). */
export type ImportResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; error: { name: string; message: string; problems: ExportProblem[] } };

/** What the CLI asks to make: a prompt or a (partial) instruction, and the spec builder's options. */
export type CreateMakeRequest = Omit<CreateRequest, 'instruction' | 'signal' | 'onProgress'> & { instruction?: Partial<Instruction> };

/** A made clip as the CLI sees it: a handle to read its bytes by, and what it was made from. */
export interface CreateResult extends Omit<MadeClipResult, 'mp4'> {
  /** Handle of the MP4 kept in the page until createRelease. */
  id: string;
  bytes: number;
}

/** A whole instruction from a partial one read from a file: missing fields are empty (asks for nothing). */
function completeInstruction(x: Partial<Instruction>): Instruction {
  const base = emptyInstruction(typeof x.prompt === 'string' ? x.prompt : '');
  if (x.schema !== undefined && x.schema !== INSTRUCTION_SCHEMA) throw new TypeError(`instruction schema is ${JSON.stringify(x.schema)}, expected "${INSTRUCTION_SCHEMA}"`);
  return {
    ...base,
    ...x,
    schema: INSTRUCTION_SCHEMA,
    palette: { ...base.palette, ...x.palette },
    motion: { ...base.motion, ...x.motion },
    camera: { ...base.camera, ...x.camera },
    gradient: { ...base.gradient, ...x.gradient },
    sound: { ...base.sound, ...x.sound },
    narrative: { ...base.narrative, ...x.narrative },
  };
}

const made = new Map<string, Uint8Array>();
let nextClip = 1;

/** The verbs of window.motionRegistries. */
export const headlessApi = {
  /** Liveness check. */
  ping: () => 'pong',

  /** The whole store as `motion-registries/1` JSON text (2-space indented). */
  async exportJson(): Promise<string> {
    return (await session()).exportText();
  },
  /** Validate and merge an export file's text; nothing changes unless the whole file is valid. */
  async importJson(text: string): Promise<ImportResult> {
    try {
      return { ok: true, summary: await (await session()).importText(text) };
    } catch (err) {
      const e = err as Error & { problems?: ExportProblem[] };
      return { ok: false, error: { name: e.name ?? 'Error', message: e.message ?? String(err), problems: e.problems ?? [] } };
    }
  },
  /** Repair records older versions could leave (orphans, unrunnable interpretations, colours without depth). */
  async repairStore(): Promise<RepairSummary> {
    return (await session()).repair();
  },
  /** Records per registry. */
  async counts(): Promise<RegistryCounts> {
    return (await session()).counts();
  },
  /** §10 diagnostics: jobs, missing learning/discovery records, accuracy. */
  async diagnostics(): Promise<Diagnostics> {
    return (await (await session()).diagnostics()).diagnostics;
  },

  /** Interpret a prompt with what the store has learned and record it (interpretation registry, source user). */
  async interpretRecord(prompt: string): Promise<Interpretation> {
    if (typeof prompt !== 'string') throw new TypeError('prompt must be a string');
    return (await session()).interpretAndRecord(prompt);
  },

  /** Run `runs` jobs of a workflow through the loop runner; each is recorded whole or not at all. */
  async loopRun(req: LoopRunRequest): Promise<LoopRunSummary> {
    if (!isWorkflow(req.workflow)) throw new TypeError(`unknown workflow ${JSON.stringify(req.workflow)}`);
    if (!(Number.isInteger(req.runs) && req.runs > 0)) throw new TypeError('runs must be a positive integer');
    if (req.exploit !== undefined && !(req.exploit >= 0 && req.exploit <= 1)) throw new TypeError('exploit must be a number 0–1');
    if (req.duration_s !== undefined && !(req.duration_s > 0 && req.duration_s <= 60)) throw new TypeError('duration_s must be a number of seconds, 0–60');
    return (await session()).runLoop(req, (line) => window.mrLoopProgress?.(line));
  },
  /** Repair jobs missing a learning or discovery record. */
  async loopBackfill(): Promise<BackfillSummary> {
    return (await session()).backfill();
  },
  /** Mean agreement per field and its series over jobs. */
  async loopAgreement(): Promise<AgreementSnapshot> {
    return (await session()).agreement();
  },

  /** Creates the file input (if needed) and returns its CSS selector for setInputFiles. */
  analyzePrepareInput(): string {
    return `#${input().id}`;
  },
  /** How many files the input holds. */
  analyzeInputCount(): number {
    return input().files?.length ?? 0;
  },
  /**
   * Analyse file `index` of the input (streamed from disk); progress goes to window.mrAnalyzeProgress when the CLI set
   * it. `parallel` false: in one worker (the speed benchmark's reference); default by core count. `ranges`: the second
   * worker measures a frame range of its own instead of every frame's colours (the speed benchmark compares them).
   */
  async analyzeInputFile(index: number, parallel?: boolean, ranges?: boolean): Promise<AnalysisResult> {
    const file = input().files?.[index];
    if (!file) throw new RangeError(`no file at index ${index}`);
    const done = await (await session()).analyze(file, { track: false, onProgress: (f) => window.mrAnalyzeProgress?.(file.name, f), ...(parallel !== undefined ? { parallel } : {}), ...(ranges !== undefined ? { ranges } : {}) });
    return done.result;
  },
  /**
   * Analyse file `index` of the input with its report streamed (issue 18): the frames go to window.mrAnalyzeFrames
   * in batches as they are measured, then the windows to window.mrAnalyzeWindows in batches, and the rest of the
   * report comes back as JSON text with `frames` and `windows` empty (an error report whole); nothing of the file is
   * kept here. Text, not an object: an object returned through CDP is serialised value by value, ~14× its JSON.
   */
  async analyzeInputFileStreamed(index: number): Promise<string> {
    const file = input().files?.[index];
    if (!file) throw new RangeError(`no file at index ${index}`);
    const frames = window.mrAnalyzeFrames;
    const windows = window.mrAnalyzeWindows;
    if (!frames || !windows) throw new TypeError('window.mrAnalyzeFrames and window.mrAnalyzeWindows must be set: nothing would receive the report');
    const { result } = await (await session()).analyze(file, {
      track: false,
      onProgress: (f) => window.mrAnalyzeProgress?.(file.name, f),
      onFrames: (batch) => sendJsonInParts(batch, frames),
    });
    if (isAnalysisError(result)) return JSON.stringify(result);
    for (let k = 0; k < result.windows.length; k += WINDOW_BATCH) await sendJsonInParts(result.windows.slice(k, k + WINDOW_BATCH), windows);
    return JSON.stringify({ ...result, windows: [] });
  },
  /** Analyse bytes given as base64 (small files, tests); `sound_alongside`: the sound in the sound worker, as the pipelined loop does (the bench's warm-up). */
  async analyzeBase64(base64: string, name: string, opts: { sound_alongside?: boolean } = {}): Promise<AnalysisResult> {
    const bin = atob(base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return (await (await session()).analyze(new Blob([bytes]), { name, track: false, ...(opts.sound_alongside ? { soundAlongside: true } : {}) })).result;
  },

  /** Interpret (or take) the instruction, build the spec from the registries' knowledge, make the clip; keep its MP4 under a handle. */
  async createMake(req: CreateMakeRequest): Promise<CreateResult> {
    const { instruction, ...rest } = req;
    const clip = await (await session()).create({
      ...rest,
      ...(instruction ? { instruction: completeInstruction(instruction) } : {}),
      onProgress: (f) => window.mrCreateProgress?.(f),
    });
    const id = `clip-${nextClip++}`;
    made.set(id, clip.mp4);
    const { mp4, ...described } = clip;
    return { id, bytes: mp4.length, ...described };
  },
  /** Bytes [offset, offset + length) of a made clip, base64 (the CLI reads a clip in ~1 MB chunks). */
  createReadChunk(id: string, offset: number, length: number): string {
    const mp4 = made.get(id);
    if (!mp4) throw new RangeError(`no clip ${id}`);
    const part = mp4.subarray(offset, Math.min(mp4.length, offset + length));
    let bin = '';
    for (let i = 0; i < part.length; i += 0x8000) bin += String.fromCharCode(...part.subarray(i, i + 0x8000));
    return btoa(bin);
  },
  /** Forget a made clip. */
  createRelease(id: string): void {
    made.delete(id);
  },

  ...syncApi(session),
};
