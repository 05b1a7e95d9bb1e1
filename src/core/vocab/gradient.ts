/** FOUNDATION §3.5: gradient type per window, fitted on the window's mean frame in OKLab. */
export const GRADIENT_TYPES = ['flat', 'linear_horizontal', 'linear_vertical', 'linear_diagonal', 'radial', 'complex'] as const;
/** One of FOUNDATION §3.5's gradient types. */
export type GradientType = (typeof GRADIENT_TYPES)[number];

/** Direction of increasing OKLab lightness in degrees: 0 = rightwards, 90 = downwards. */
export type GradientDirectionDeg = number;
