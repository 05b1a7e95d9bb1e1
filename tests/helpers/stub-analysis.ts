import type { AnalysisResult } from '../../src/core/report/analysis.ts';

/**
 * The smallest analysis a stored job keeps: an mp4-analysis/1 shape with no frames or windows. Import
 * refuses a job without one (the store's invariant), so tests that record stub jobs give them this.
 */
export const STUB_ANALYSIS = { schema: 'mp4-analysis/1', frames: [], windows: [] } as unknown as AnalysisResult;
