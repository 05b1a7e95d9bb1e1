/** The origin vocabularies of FOUNDATION §3, one module each. */
export * from './colors.ts';
export * from './sounds.ts';
export * from './motion.ts';
export * from './camera.ts';
export * from './gradient.ts';
export * from './lighting.ts';
export * from './sound-time.ts';
export * from './narrative.ts';
