// Colour helpers the growth rules and the spec builder share; the colour science lives in src/core/color.
export { nearestPrimitive } from '../color/nearest-primitive.ts';
/** sRGB 8-bit → OKLab [L, a, b] (the name the spec and growth modules use). */
export { rgbToOklab as oklabOf } from '../color/oklab.ts';
