// Why an import failed, in words a person can act on: where the JSON breaks, or which fields are wrong,
// and always that nothing was changed (an import is validated whole before one transaction writes it).
import { formatProblems, type ExportProblem } from '../core/registry/export-schema.ts';
import { locateJsonError } from './locate-json-error.ts';

/** An import file that is not JSON at all; `byte` is where it breaks (UTF-8 bytes from the start), null when unknown. */
export class ImportParseError extends SyntaxError {
  override name = 'ImportParseError';
  /** What the parser met there, in words ("unexpected end", "unexpected character 'x'"). */
  readonly reason: string;
  readonly byte: number | null;
  readonly line: number | null;
  readonly column: number | null;
  constructor(reason: string, at: { byte: number; line: number; column: number } | null, options?: { cause?: unknown; hint?: string | undefined }) {
    super(`the file is not valid JSON (${reason}${at ? ` at byte ${at.byte}, line ${at.line} column ${at.column}` : ''}${options?.hint ? `; ${options.hint}` : ''})`, { cause: options?.cause });
    this.reason = reason;
    this.byte = at?.byte ?? null;
    this.line = at?.line ?? null;
    this.column = at?.column ?? null;
  }
}

/** UTF-8 byte offset, 1-based line and column of a UTF-16 offset in text. */
function place(text: string, offset: number): { byte: number; line: number; column: number } {
  const end = Math.min(Math.max(0, offset), text.length);
  const before = text.slice(0, end);
  const lastBreak = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { byte: new TextEncoder().encode(before).length, line, column: end - lastBreak };
}

/** The ImportParseError for text JSON.parse rejected with `err`: where it breaks, found by our own scan (engines' messages differ). */
export function describeJsonFailure(text: string, err: unknown): ImportParseError {
  if (text.trim().length === 0) return new ImportParseError('the file is empty', null, { cause: err });
  const found = locateJsonError(text);
  if (!found) return new ImportParseError(err instanceof Error ? err.message : String(err), null, { cause: err });
  const cut = found.offset >= text.length;
  return new ImportParseError(cut ? 'unexpected end' : found.reason, place(text, found.offset), { cause: err, hint: cut ? 'the file looks cut short' : undefined });
}

/** An import that failed, for a person: what was wrong and that nothing changed (`problems`: one line per invalid field). */
export interface ImportFailure {
  message: string;
  problems: string[];
}

/** The words for an import that threw `err` (ImportParseError, ImportValidationError, a storage error). */
export function importFailure(err: unknown, fileName?: string): ImportFailure {
  const e = err as Error & { problems?: ExportProblem[] };
  const what = fileName ? `${fileName}: ` : '';
  if (e?.name === 'ImportParseError') return { message: `Import failed: ${what}${e.message}. Nothing was changed.`, problems: [] };
  if (e?.name === 'ImportValidationError') {
    const n = e.problems?.length ?? 0;
    return {
      message: `Import failed: ${what}the file is JSON but not a motion-registries/1 export (${n} problem${n === 1 ? '' : 's'}, listed below). Nothing was changed.`,
      problems: formatProblems(e.problems ?? []).split('\n').filter(Boolean),
    };
  }
  const text = e instanceof Error ? e.message : String(err);
  return { message: `Import failed: ${what}${text.replace(/\.$/, '')}. Nothing was changed.`, problems: [] };
}
