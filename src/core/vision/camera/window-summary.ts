// FOUNDATION §3.4: the window's camera report from its frame pairs' global motion (the move, its raw numbers in
// FOUNDATION units, shake, and a confidence).
import type { CameraReport } from '../../report/analysis.ts';
import { CAMERA_THRESHOLDS, classifyCameraMove, type CameraMove, type CameraRaw } from '../../vocab/camera.ts';
import type { GlobalMotion } from './global-motion.ts';
import type { SpanMotion } from './window-span.ts';

/** One frame pair's motion as kept for the window: the global motion, or null for pairs across a cut or flash. */
export type PairMotion = Pick<GlobalMotion, 'tx' | 'ty' | 'zoom' | 'roll' | 'confidence'>;

/** Shake: translations reverse direction in at least this share of consecutive pairs … */
export const SHAKE_MIN_REVERSALS = 0.35;
/** … the per-pair translation speed's spread (RMS about the mean) is at least this many translation thresholds … */
export const SHAKE_MIN_JITTER = 3;
/** … and the net translation is below the threshold or below this share of the jitter. */
export const SHAKE_NET_SHARE = 0.25;
/** Fewest measured pairs a window's move is read from (all of them when the window holds fewer pairs). */
export const MIN_MEASURED_PAIRS = 3;
/** The window's one-fit span (window-span.ts) gives its numbers when its fit is at least this confident. */
export const SPAN_MIN_CONFIDENCE = 0.3;

/**
 * The window's camera report from its frame pairs' motion (pairs across cuts and flashes left out): means of the
 * raw numbers in FOUNDATION units (diagonals/s, ln-scale/s, °/s) over the pairs that were measured (confidence > 0;
 * a pair the fit could not explain is no evidence of stillness), the move by classifyCameraMove, or `shake` by the
 * rule above. Confidence = mean pair confidence over all the pairs × how clearly the move is what it is
 * (moveClearance). `span` (the window measured in one fit, window-span.ts), when it covers exactly these pairs and is
 * at least SPAN_MIN_CONFIDENCE, gives the numbers instead of the pairs' mean, and its confidence when larger.
 */
export function summarizeCamera(pairs: PairMotion[], fps: number, diagonal: number, span: SpanMotion | null = null): CameraReport {
  const n = pairs.length;
  if (n === 0) return { move: 'static', dx: 0, dy: 0, zoom: 0, roll: 0, confidence: 0 };
  let conf = 0;
  for (const p of pairs) conf += p.confidence;
  // an unmeasured pair (confidence 0) is no evidence of stillness: averaging its zeros in read a smooth picture's
  // tilt, measured on every other pair, as static (issue #13, footage-3's tilt over the Radioactive art)
  const measured = pairs.filter((p) => p.confidence > 0);
  const m = measured.length;
  // the span covers exactly these pairs (none left out at a cut or flash) and its fit holds: its numbers are the window's
  const useSpan = span !== null && span.pairs === n && span.confidence >= SPAN_MIN_CONFIDENCE;
  // one or two measured pairs among many unmeasured ones are noise, not a move (a lone pair at 0.05 read pan_left)
  if (!useSpan && m < Math.min(MIN_MEASURED_PAIRS, n)) return { move: 'static', dx: 0, dy: 0, zoom: 0, roll: 0, confidence: 0 };
  let tx = 0;
  let ty = 0;
  let zoom = 0;
  let roll = 0;
  for (const p of measured) {
    tx += p.tx;
    ty += p.ty;
    zoom += p.zoom;
    roll += p.roll;
  }
  const k = fps / m;
  const ks = useSpan ? fps / span.pairs : 0;
  const raw = useSpan
    ? { dx: (span.tx * ks) / diagonal, dy: (span.ty * ks) / diagonal, zoom: span.zoom * ks, roll: span.roll * ks }
    : { dx: (tx * k) / diagonal, dy: (ty * k) / diagonal, zoom: zoom * k, roll: roll * k };
  let move = classifyCameraMove(raw);
  // shake: frame-to-frame translation reversals with a jitter much larger than the net move
  const mtx = m ? tx / m : 0;
  const mty = m ? ty / m : 0;
  let jit = 0;
  let reversals = 0;
  for (let i = 0; i < m; i++) {
    const p = measured[i]!;
    jit += (p.tx - mtx) ** 2 + (p.ty - mty) ** 2;
    if (i > 0) {
      const q = measured[i - 1]!;
      if (p.tx * q.tx + p.ty * q.ty < 0) reversals++;
    }
  }
  const jitter = m ? (Math.sqrt(jit / m) * fps) / diagonal : 0; // diagonals/s
  const net = Math.hypot(raw.dx, raw.dy);
  const T = CAMERA_THRESHOLDS;
  const otherMove = Math.abs(raw.zoom) > T.zoom || Math.abs(raw.roll) > T.roll;
  if (
    m >= 3 &&
    !otherMove &&
    reversals / (m - 1) >= SHAKE_MIN_REVERSALS &&
    jitter >= SHAKE_MIN_JITTER * T.translation &&
    (net < T.translation || net < SHAKE_NET_SHARE * jitter)
  ) {
    move = 'shake';
  }
  // the span's fit is one measurement of the whole window's move: as confident as the pairs' mean, or as its own fit;
  // but stillness (static, shake) is a claim about every frame between the ends, which only the pairs measure (a shake
  // whose ends meet read static at 0.53 on the span's confidence, 0.43 on the pairs')
  const moved = move !== 'static' && move !== 'shake';
  const fitConf = useSpan && moved ? Math.max(conf / n, span.confidence) : conf / n;
  return { move, dx: raw.dx, dy: raw.dy, zoom: raw.zoom, roll: raw.roll, confidence: fitConf * moveClearance(move, raw, jitter) };
}

/**
 * How clearly the measured numbers say `move` (0–1), the factor the window's confidence carries besides the fits'
 * quality: `static` loses confidence as its largest component, or its frame-to-frame jitter against the shake rule's,
 * nears its threshold (frames that jitter at half the shake threshold are not confidently still); a roll loses it as its turning point
 * leaves the centre; other moves keep it.
 */
export function moveClearance(move: CameraMove, raw: CameraRaw, jitter: number): number {
  const T = CAMERA_THRESHOLDS;
  const shares = [Math.hypot(raw.dx, raw.dy) / T.translation, Math.abs(raw.zoom) / T.zoom, Math.abs(raw.roll) / T.roll];
  if (move === 'static') return Math.max(0, 1 - Math.max(...shares, jitter / (SHAKE_MIN_JITTER * T.translation)));
  if (move === 'roll_cw' || move === 'roll_ccw') {
    // A camera rolls about its optical centre. A picture turning about a point near its edge is a still part (a
    // logo, a "LIVE" box) against a moving rest, which one similarity fits as a rotation about the still part
    // (footage-3's flat navy art with bubbles sliding in under a static box read roll_ccw at 0.66): the further the
    // turning point from the centre (in half-diagonals: where translation + zoom + turn leave the content still),
    // the less the roll is the camera's.
    const pivot = (2 * Math.hypot(raw.dx, raw.dy)) / Math.hypot(raw.zoom, (raw.roll * Math.PI) / 180);
    return Math.min(1, Math.max(0, (ROLL_PIVOT_OFF - pivot) / (ROLL_PIVOT_OFF - ROLL_PIVOT_CENTRAL)));
  }
  return 1;
}

/** A roll whose turning point is within this many half-diagonals of the frame centre keeps full confidence … */
export const ROLL_PIVOT_CENTRAL = 0.4;
/** … and none at this distance (the frame's corner). */
export const ROLL_PIVOT_OFF = 1;
