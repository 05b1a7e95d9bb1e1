// Entry bundled by scripts/replay-claims.mjs: the claim rules of the current creator applied to a loop export's stored
// specs and truths (no rendering), so a run's own observations can be scored against what would now be claimed.
export { lightingNearThreshold, paletteIsRobust } from '../src/core/render/intended-truth.ts';
export { FLAT_STD } from '../src/core/vision/gradient.ts';
export { complexBlur, rampLumaRange, rampSpread, RAMP_SPREAD_MARGIN, slowTextureTooFaint } from '../src/core/plan/build-spec.ts';
export { PALETTE_MIN_SHARE } from '../src/core/registry/learning.ts';
export { drawsChromaBlocks } from '../src/core/render/frame-field.ts';
