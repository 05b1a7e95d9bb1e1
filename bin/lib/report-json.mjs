// The CLI's JSON writer for a streamed mp4-analysis/1 report (issue 18): frames arrive in batches while the file is
// analysed, windows in batches once it is, and each batch is written at once, as text, to a temporary file of its
// list; the rest of the report (the header, whose frame count and durations are known only at the end, then tempo,
// cuts, shots…) arrives last with those lists empty. The output is then the text between the lists and each list's
// text: byte for byte JSON.stringify(report, null, 2) (or JSON.stringify for JSON Lines), without ever holding the
// frames or the windows in memory.
// Nor does the writing leave garbage that grows with them (the CLI's peak memory at 10 minutes, issue 18): a batch's
// text goes out in parts well under V8's large-object size (a string over ~128 kB lives outside the young generation
// until a full GC), and a spooled list is copied through one reused buffer (a fresh 64 kB buffer a read, as a
// ReadStream gives, is external memory that only a GC frees: copying 10 minutes of frames piled up 30 MB of them).
import { once } from 'node:events';
import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Indentation of JSON.stringify(x, null, 2) at depth 1 and 2 (a top-level key; an element of a top-level list). */
const IN1 = '  ';
const IN2 = '    ';

/** A batch's text is written in parts of at most about this many characters (far under V8's large-object size). */
export const WRITE_PART_CHARS = 16 * 1024;

/** Bytes copied from a spool file at a time, through one buffer. */
const COPY_BYTES = 32 * 1024;

/** The report's lists that can be streamed, in the order they arrive. */
export const STREAMED_LISTS = ['frames', 'windows'];

/** One element's text inside a top-level list of the report (a frame of `frames`, a window of `windows`). */
export function elementText(element, pretty) {
  return pretty ? JSON.stringify(element, null, 2).replaceAll('\n', `\n${IN2}`) : JSON.stringify(element);
}

/** One frame's text as an element of the report's `frames` array. */
export function frameText(frame, pretty) {
  return elementText(frame, pretty);
}

/**
 * The report's text around the elements of its lists `lists` (keys of it, in the report's key order; their values
 * are ignored): `pieces` has one more entry than `lists`, and pieces[0] + list 0's elements + pieces[1] + … is what
 * JSON.stringify writes, with each list's elements as its spooled text (separators by elementSeparator, closed by
 * listClose when not empty).
 */
export function textAroundLists(report, lists, pretty) {
  const keys = Object.keys(report);
  for (const l of lists) if (!keys.includes(l)) throw new TypeError(`the report has no ${l} key`);
  const member = (k) => {
    const v = pretty ? JSON.stringify(report[k], null, 2) : JSON.stringify(report[k]);
    // JSON.stringify leaves out keys whose value has no JSON (undefined, functions)
    if (v === undefined) return null;
    return pretty ? `${IN1}${JSON.stringify(k)}: ${v.replaceAll('\n', `\n${IN1}`)}` : `${JSON.stringify(k)}:${v}`;
  };
  const sep = pretty ? ',\n' : ',';
  const pieces = [];
  let text = pretty ? '{\n' : '{';
  let first = true;
  for (const k of keys) {
    if (lists.includes(k)) {
      text += `${first ? '' : sep}${pretty ? `${IN1}${JSON.stringify(k)}: [` : `${JSON.stringify(k)}:[`}`;
      pieces.push(text);
      text = ']';
      first = false;
      continue;
    }
    const m = member(k);
    if (m === null) continue;
    text += (first ? '' : sep) + m;
    first = false;
  }
  pieces.push(text + (pretty ? '\n}' : '}'));
  if (pieces.length !== lists.length + 1) throw new TypeError(`the lists ${lists.join(', ')} must be keys of the report in that order`);
  return pieces;
}

/** The report's text before and after the elements of its `frames` (see textAroundLists). */
export function textAroundFrames(report, pretty) {
  const [head, tail] = textAroundLists(report, ['frames'], pretty);
  return { head, tail };
}

/** The separator written before element `k` (0-based) of a top-level list. */
export function elementSeparator(k, pretty) {
  if (pretty) return k === 0 ? `\n${IN2}` : `,\n${IN2}`;
  return k === 0 ? '' : ',';
}

/** The separator written before frame `k` (0-based) of `frames`. */
export function frameSeparator(k, pretty) {
  return elementSeparator(k, pretty);
}

/** What closes a non-empty top-level list before its `]`. */
export function listClose(pretty) {
  return pretty ? `\n${IN1}` : '';
}

/** What closes a non-empty frames list before its `]`. */
export function framesClose(pretty) {
  return listClose(pretty);
}

/**
 * A report being received: its frames (and windows, when they are streamed too) spooled to temporary files as they
 * come, written out whole at the end.
 */
export class StreamedReport {
  /** `pretty`: JSON.stringify(report, null, 2) layout; else one line (JSON Lines). */
  constructor(pretty) {
    this.pretty = pretty;
    this.dir = mkdtempSync(join(tmpdir(), 'mr-report-'));
    /** Per streamed list: its spool file, open descriptor (null once closed) and element count. */
    this.lists = new Map(STREAMED_LISTS.map((name) => [name, { path: join(this.dir, `${name}.json`), fd: null, count: 0 }]));
  }

  /** Frames received so far. */
  get count() {
    return this.lists.get('frames').count;
  }

  /** Appends a batch of frames (in order) as text. */
  addFrames(frames) {
    this.add('frames', frames);
  }

  /** Appends a batch of windows (in order) as text; they come after every frame. */
  addWindows(windows) {
    this.add('windows', windows);
  }

  /** Appends a batch of elements of list `name` (one of STREAMED_LISTS), in order, as text. */
  add(name, elements) {
    const list = this.lists.get(name);
    if (!list) throw new TypeError(`${name} is not a streamed list of the report`);
    if (!Array.isArray(elements)) throw new TypeError(`a batch of ${name} must be an array`);
    if (list.fd === null) list.fd = openSync(list.path, 'w');
    let text = '';
    for (const e of elements) {
      text += elementSeparator(list.count++, this.pretty) + elementText(e, this.pretty);
      if (text.length >= WRITE_PART_CHARS) {
        writeAll(list.fd, text);
        text = '';
      }
    }
    if (text.length > 0) writeAll(list.fd, text);
  }

  /**
   * The output in order: text, or `{ spool }` (a spooled list's file, copied as it is). `report` is what the analysis
   * returned, its streamed lists empty (a list nothing was streamed to is written from the report), or an error
   * report (the frames and windows received are void); `end` follows it (e.g. a newline).
   */
  layout(report, end) {
    this.closeFiles();
    if (!('frames' in report)) return [(this.pretty ? JSON.stringify(report, null, 2) : JSON.stringify(report)) + end];
    // the lists spooled here are written from their files; the report holds none of their elements
    const spooled = [...this.lists].filter(([, l]) => l.count > 0).map(([name]) => name);
    if (report.frames.length !== 0) throw new TypeError('a streamed report comes without its frames');
    for (const name of spooled) {
      if (!Array.isArray(report[name]) || report[name].length !== 0) throw new TypeError(`a report whose ${name} were streamed comes without them`);
    }
    const lists = Object.keys(report).filter((k) => k === 'frames' || spooled.includes(k));
    const pieces = textAroundLists(report, lists, this.pretty);
    const parts = [];
    for (let k = 0; k < lists.length; k++) {
      parts.push(pieces[k]);
      const list = this.lists.get(lists[k]);
      if (list.count > 0) parts.push({ spool: list.path }, listClose(this.pretty));
    }
    parts.push(pieces[lists.length] + end);
    return parts;
  }

  /** Writes the whole report (see layout) to `out`, a Writable left open, as text. */
  async writeTo(out, report, end = '') {
    const write = async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain');
    };
    for (const part of this.layout(report, end)) {
      if (typeof part === 'string') await write(part);
      // decoded into strings: a stream may keep a chunk it was given, so the read buffer cannot be handed to it
      else for (const text of this.spoolText(part.spool)) await write(text);
    }
  }

  /** Writes the report (see layout) to `path` via a temporary file and a rename (a reader never sees half a file). */
  async writeFile(path, report, end = '') {
    const full = resolve(path);
    mkdirSync(dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      for (const part of this.layout(report, end)) {
        if (typeof part === 'string') writeAll(fd, part);
        else this.copySpool(part.spool, (bytes) => writeAll(fd, bytes));
      }
      closeSync(fd);
    } catch (err) {
      closeSync(fd);
      rmSync(tmp, { force: true });
      throw err;
    }
    renameSync(tmp, full);
  }

  /** Hands the bytes of spool file `path` to `use`, a buffer's worth at a time, in one buffer reused (`use` must not keep it). */
  copySpool(path, use) {
    this.buffer ??= Buffer.allocUnsafe(COPY_BYTES);
    const fd = openSync(path, 'r');
    try {
      for (let n; (n = readSync(fd, this.buffer, 0, COPY_BYTES, null)) > 0; ) use(this.buffer.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  }

  /** The text of spool file `path` in parts, read as they are taken (a character split between two reads is kept whole). */
  *spoolText(path) {
    this.buffer ??= Buffer.allocUnsafe(COPY_BYTES);
    const decoder = new StringDecoder('utf8');
    const fd = openSync(path, 'r');
    try {
      for (let n; (n = readSync(fd, this.buffer, 0, COPY_BYTES, null)) > 0; ) {
        const text = decoder.write(this.buffer.subarray(0, n));
        if (text) yield text;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      closeSync(fd);
    }
  }

  /** Removes the temporary files. */
  dispose() {
    this.closeFiles();
    rmSync(this.dir, { recursive: true, force: true });
  }

  closeFiles() {
    for (const l of this.lists.values()) {
      if (l.fd !== null) closeSync(l.fd);
      l.fd = null;
    }
  }
}

/**
 * Writes all of `data` (a string or bytes) to descriptor `fd`. A string goes as it is (Node encodes it in memory of its
 * own, freed at once; a Buffer.from of it would be garbage for the GC); writeSync may write less than it was given.
 */
function writeAll(fd, data) {
  let bytes = data;
  if (typeof data === 'string') {
    const written = writeSync(fd, data);
    if (written === Buffer.byteLength(data, 'utf8')) return;
    bytes = Buffer.from(data, 'utf8').subarray(written);
  }
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}
