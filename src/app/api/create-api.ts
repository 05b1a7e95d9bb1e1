// The creation verbs the CLI calls in the page (window.motionRegistries): make a clip from a prompt or an
// instruction with the registries' knowledge, then hand the MP4 to Node in base64 chunks.
import { emptyInstruction, INSTRUCTION_SCHEMA, type Instruction } from '../../core/language/instruction.ts';
import { buildSpec, type BuildSpecOptions } from '../../core/plan/build-spec.ts';
import type { IntendedTruth } from '../../core/render/intended-truth.ts';
import type { Spec } from '../../core/plan/spec.ts';
import { createClip, type CreatedClip } from '../../media/create-clip.ts';
import { getKnowledge } from '../../storage/repo-entries.ts';
import { listLinguistic } from '../../storage/repo-language.ts';
import { loadInterpret } from '../../loop/default-pipeline.ts';
import { registries } from './registry-api.ts';

declare global {
  interface Window {
    /** Set by the CLI (page.exposeFunction) to print progress on stderr. */
    mrCreateProgress?: (fraction: number) => void;
  }
}

/** What the CLI asks for: a prompt or an instruction, and the spec builder's options. */
export interface CreateRequest extends Omit<BuildSpecOptions, 'seed'> {
  prompt?: string;
  instruction?: Instruction;
  seed: string;
}

export interface CreateResult {
  /** Handle of the MP4 kept in the page until createRelease. */
  id: string;
  bytes: number;
  instruction: Instruction;
  spec: Spec;
  truth: IntendedTruth;
  stats: CreatedClip['stats'];
}

const made = new Map<string, Uint8Array>();
let nextId = 1;

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

export const createApi = {
  /** Interpret (or take) the instruction, build the spec from the registries' knowledge, make the clip. */
  async createMake(req: CreateRequest): Promise<CreateResult> {
    const db = await registries();
    let instruction: Instruction;
    if (req.instruction) instruction = completeInstruction(req.instruction);
    else if (typeof req.prompt === 'string') {
      // The interpreter is loaded only for a prompt (an instruction never needs it), with what the store has learned.
      const learned = (await listLinguistic(db)).filter((m) => m.source === 'learned').map(({ count: _c, ...m }) => m);
      instruction = (await loadInterpret())(req.prompt, learned).instruction;
    } else throw new TypeError('createMake needs a prompt or an instruction');
    const knowledge = await getKnowledge(db);
    const spec = buildSpec(instruction, knowledge, {
      seed: req.seed,
      ...(req.width !== undefined ? { width: req.width } : {}),
      ...(req.height !== undefined ? { height: req.height } : {}),
      ...(req.fps !== undefined ? { fps: req.fps } : {}),
      ...(req.duration_s !== undefined ? { duration_s: req.duration_s } : {}),
      ...(req.mode !== undefined ? { mode: req.mode } : {}),
      ...(req.cellSize !== undefined ? { cellSize: req.cellSize } : {}),
    });
    const clip = await createClip(spec, { onProgress: (f) => window.mrCreateProgress?.(f) });
    const id = `clip-${nextId++}`;
    made.set(id, clip.mp4);
    return { id, bytes: clip.mp4.length, instruction, spec, truth: clip.truth, stats: clip.stats };
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
};
