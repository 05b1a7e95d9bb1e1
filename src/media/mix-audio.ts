// Mix a sound plan with an OfflineAudioContext (main thread only: workers have no Web Audio): each
// component is a buffer source through a gain node automated per segment, summed two by two to the destination.
import { rampSpan, type SoundPlan } from '../core/render/sound-plan.ts';

/** Render the plan to mono PCM (Float32, plan.sample_rate). Rejects with AbortError when `signal` aborts. */
export async function mixAudio(plan: SoundPlan, signal?: AbortSignal): Promise<Float32Array> {
  signal?.throwIfAborted();
  const sr = plan.sample_rate;
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: Math.max(1, plan.length), sampleRate: sr });
  const voices: AudioNode[] = [];
  for (const c of plan.components) {
    const buffer = ctx.createBuffer(1, Math.max(1, plan.length), sr);
    buffer.copyToChannel(c.signal as Float32Array<ArrayBuffer>, 0);
    const src = new AudioBufferSourceNode(ctx, { buffer });
    const gain = new GainNode(ctx, { gain: c.gains[0] ?? 0 });
    gain.gain.setValueAtTime(c.gains[0] ?? 0, 0);
    for (let s = 1; s < plan.segment_starts.length; s++) {
      const prev = c.gains[s - 1]!;
      const g = c.gains[s]!;
      if (prev === g) continue;
      // The same ramp the truth integrates (sound-plan.ts gainCurve): inside the louder segment.
      const [r0, r1] = rampSpan(plan, c, s);
      gain.gain.setValueAtTime(prev, r0 / sr);
      gain.gain.linearRampToValueAtTime(g, r1 / sr);
    }
    src.connect(gain);
    voices.push(gain);
    src.start(0);
  }
  sumInPairs(ctx, voices)?.connect(ctx.destination);
  // An offline render cannot be stopped part-way; it is short (≈ 50× real time), so abort is checked after it.
  const rendered = await ctx.startRendering();
  signal?.throwIfAborted();
  return rendered.getChannelData(0).slice(0, plan.length);
}

/**
 * One node carrying the sum of `nodes`, no input summing more than two: Chromium sums an input's connections in the
 * order of a pointer-keyed hash set, which changes from run to run, and float addition of three or more terms depends
 * on the order (8 components mixed twice in one page: 25–29 thousand of 48,000 samples differed by an ulp or so, and
 * a 60 s clip's AAC bytes with them). Two terms add the same either way, and a gain of 1 is exact.
 */
function sumInPairs(ctx: BaseAudioContext, nodes: AudioNode[]): AudioNode | null {
  let level = nodes;
  while (level.length > 1) {
    const next: AudioNode[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const [a, b] = [level[i], level[i + 1]];
      if (a && b) {
        const sum = new GainNode(ctx, { gain: 1 });
        a.connect(sum);
        b.connect(sum);
        next.push(sum);
      } else if (a) next.push(a);
    }
    level = next;
  }
  return level[0] ?? null;
}
