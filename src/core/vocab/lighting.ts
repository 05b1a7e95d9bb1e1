/** FOUNDATION §3.6: lighting per window, from Rec. 709 luma on 0–1. */
export const LIGHTING_TYPES = ['low_key', 'high_key', 'flat', 'balanced'] as const;
/** One of FOUNDATION §3.6's lighting types. */
export type Lighting = (typeof LIGHTING_TYPES)[number];

/** Luma (Rec. 709, 0–1) bounds: mean below lowKeyMean is low key, above highKeyMean high key; standard deviation below flatStd is flat. */
export const LIGHTING_THRESHOLDS = { lowKeyMean: 0.3, highKeyMean: 0.7, flatStd: 0.1 } as const;

/** First match in the order low_key, high_key, flat, balanced. */
export function classifyLighting(lumaMean: number, lumaStd: number): Lighting {
  if (lumaMean < LIGHTING_THRESHOLDS.lowKeyMean) return 'low_key';
  if (lumaMean > LIGHTING_THRESHOLDS.highKeyMean) return 'high_key';
  if (lumaStd < LIGHTING_THRESHOLDS.flatStd) return 'flat';
  return 'balanced';
}
