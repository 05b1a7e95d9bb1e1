// The analysis verbs the CLI calls in the page (window.motionRegistries). Files reach the page through a hidden
// <input type=file> that the CLI fills with Playwright's setInputFiles: the browser reads them from disk by path,
// so no file is ever copied whole into the page or through the DevTools protocol.
import type { AnalysisResult } from '../../core/report/analysis.ts';
import { analyzeFile } from '../../media/analyze-client.ts';

/** The id of the file input the CLI fills. */
export const ANALYZE_INPUT_ID = 'mr-analyze-input';

declare global {
  interface Window {
    /** Set by the CLI (page.exposeFunction) to print progress on stderr. */
    mrAnalyzeProgress?: (name: string, fraction: number) => void;
  }
}

function input(): HTMLInputElement {
  let el = document.getElementById(ANALYZE_INPUT_ID) as HTMLInputElement | null;
  if (!el) {
    el = document.createElement('input');
    el.type = 'file';
    el.multiple = true;
    el.id = ANALYZE_INPUT_ID;
    el.hidden = true;
    document.body.append(el);
  }
  return el;
}

export const analyzeApi = {
  /** Creates the file input (if needed) and returns its CSS selector for setInputFiles. */
  analyzePrepareInput(): string {
    return `#${input().id}`;
  },
  /** How many files the input holds. */
  analyzeInputCount(): number {
    return input().files?.length ?? 0;
  },
  /** Analyse file `index` of the input; progress goes to window.mrAnalyzeProgress when the CLI set it. */
  async analyzeInputFile(index: number): Promise<AnalysisResult> {
    const file = input().files?.[index];
    if (!file) throw new RangeError(`no file at index ${index}`);
    return analyzeFile(file, { name: file.name, onProgress: (f) => window.mrAnalyzeProgress?.(file.name, f) });
  },
  /** Analyse bytes given as base64 (small files, tests). */
  async analyzeBase64(base64: string, name: string): Promise<AnalysisResult> {
    const bin = atob(base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return analyzeFile(new Blob([bytes]), { name });
  },
};
