// The CLI's JSON writer for a streamed mp4-analysis/1 report (issue 18): frames arrive in batches while the file is
// analysed and are written at once, as text, to a temporary file; the rest of the report (the header, whose frame
// count and durations are known only at the end, then windows, tempo, cuts, shots…) arrives last. The output is
// then the head, the frames' text and the tail: byte for byte JSON.stringify(report, null, 2) (or JSON.stringify for
// JSON Lines), without ever holding the frames in memory.
import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Indentation of JSON.stringify(x, null, 2) at depth 1 and 2 (a top-level key; an element of `frames`). */
const IN1 = '  ';
const IN2 = '    ';

/** One frame's text as an element of the report's `frames` array. */
export function frameText(frame, pretty) {
  return pretty ? JSON.stringify(frame, null, 2).replaceAll('\n', `\n${IN2}`) : JSON.stringify(frame);
}

/**
 * The report's text before and after the elements of its `frames` (which must be a key of it; its value is ignored):
 * head + frames + tail is what JSON.stringify writes, with frames as framesBetween builds them.
 */
export function textAroundFrames(report, pretty) {
  const keys = Object.keys(report);
  if (!keys.includes('frames')) throw new TypeError('the report has no frames key');
  const member = (k) => {
    const v = pretty ? JSON.stringify(report[k], null, 2) : JSON.stringify(report[k]);
    // JSON.stringify leaves out keys whose value has no JSON (undefined, functions)
    if (v === undefined) return null;
    return pretty ? `${IN1}${JSON.stringify(k)}: ${v.replaceAll('\n', `\n${IN1}`)}` : `${JSON.stringify(k)}:${v}`;
  };
  const at = keys.indexOf('frames');
  const before = keys.slice(0, at).map(member).filter((m) => m !== null);
  const after = keys.slice(at + 1).map(member).filter((m) => m !== null);
  const sep = pretty ? ',\n' : ',';
  const key = pretty ? `${IN1}"frames": [` : '"frames":[';
  return {
    head: `${pretty ? '{\n' : '{'}${before.map((m) => m + sep).join('')}${key}`,
    tail: `]${after.map((m) => sep + m).join('')}${pretty ? '\n}' : '}'}`,
  };
}

/** The separator written before frame `k` (0-based) of `frames`, and the text closing a non-empty list. */
export function frameSeparator(k, pretty) {
  if (pretty) return k === 0 ? `\n${IN2}` : `,\n${IN2}`;
  return k === 0 ? '' : ',';
}

/** What closes a non-empty frames list before its `]`. */
export function framesClose(pretty) {
  return pretty ? `\n${IN1}` : '';
}

/** A report being received: its frames spooled to a temporary file as they come, written out whole at the end. */
export class StreamedReport {
  /** `pretty`: JSON.stringify(report, null, 2) layout; else one line (JSON Lines). */
  constructor(pretty) {
    this.pretty = pretty;
    this.count = 0;
    this.dir = mkdtempSync(join(tmpdir(), 'mr-report-'));
    this.path = join(this.dir, 'frames.json');
    this.fd = openSync(this.path, 'w');
  }

  /** Appends a batch of frames (in order) as text. */
  addFrames(frames) {
    if (!Array.isArray(frames)) throw new TypeError('a batch of frames must be an array');
    let text = '';
    for (const f of frames) text += frameSeparator(this.count++, this.pretty) + frameText(f, this.pretty);
    writeSync(this.fd, text);
  }

  /**
   * Writes the whole report to `out` (a Writable, left open), then `end` (e.g. a newline): `report` is what the
   * analysis returned, its `frames` empty (they were streamed), or an error report (the frames received are void).
   */
  async writeTo(out, report, end = '') {
    closeSync(this.fd);
    this.fd = null;
    const write = async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain');
    };
    if (!('frames' in report)) {
      await write((this.pretty ? JSON.stringify(report, null, 2) : JSON.stringify(report)) + end);
      return;
    }
    if (report.frames.length !== 0) throw new TypeError('a streamed report comes without its frames');
    const { head, tail } = textAroundFrames(report, this.pretty);
    await write(head);
    if (this.count > 0) {
      for await (const chunk of createReadStream(this.path)) await write(chunk);
      await write(framesClose(this.pretty));
    }
    await write(tail + end);
  }

  /** Writes the report to `path` via a temporary file and a rename (a reader never sees half a file). */
  async writeFile(path, report, end = '') {
    const full = resolve(path);
    mkdirSync(dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    const out = createWriteStream(tmp);
    try {
      await this.writeTo(out, report, end);
      out.end();
      await once(out, 'finish');
    } catch (err) {
      out.destroy();
      rmSync(tmp, { force: true });
      throw err;
    }
    renameSync(tmp, full);
  }

  /** Removes the temporary file. */
  dispose() {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
