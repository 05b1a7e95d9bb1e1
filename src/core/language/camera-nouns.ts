// The nouns that name the camera or its picture ("camera", "cam", "footage", "shot", "pov"): one list for every pass
// that asks whether a clause is about the camera (a shaking adjective before one, an oscillation said of one), so
// the passes cannot disagree about what names the camera.

/** Nouns that name the camera, its picture or its point of view. */
export const CAMERA_NOUNS: ReadonlySet<string> = new Set(['camera', 'cam', 'camerawork', 'footage', 'shot', 'shots', 'lens', 'handheld', 'framing', 'frame', 'pov', 'drone']);
