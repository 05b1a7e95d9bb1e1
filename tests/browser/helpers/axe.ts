// axe-core in the test page: loaded once as a classic script (its UMD build sets window.axe), then run on a part of
// the page (open shadow roots included), returning the violations at or above an impact.
import type { AxeResults, ImpactValue, Result } from 'axe-core';

/** The part of window.axe used here (not declared on Window: other tests declare their own narrower shape). */
interface AxeRunner {
  run(context: Element | Document, options?: object): Promise<AxeResults>;
}
const axeOf = () => (window as unknown as { axe?: AxeRunner }).axe;

async function loadAxe(): Promise<AxeRunner> {
  const ready = axeOf();
  if (ready) return ready;
  await new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/node_modules/axe-core/axe.min.js';
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('axe-core could not be loaded'));
    document.head.append(s);
  });
  const axe = axeOf();
  if (!axe) throw new Error('axe-core loaded but window.axe is missing');
  return axe;
}

const RANK: Record<NonNullable<ImpactValue>, number> = { minor: 1, moderate: 2, serious: 3, critical: 4 };

/** The axe violations inside `context` whose impact is `at` or worse, each as "rule-id (impact): target". */
export async function axeViolations(context: Element | Document, at: NonNullable<ImpactValue> = 'moderate'): Promise<string[]> {
  const axe = await loadAxe();
  const results = await axe.run(context, { resultTypes: ['violations'] });
  return results.violations
    .filter((v: Result) => v.impact && RANK[v.impact] >= RANK[at])
    .flatMap((v: Result) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
}

/** Elements (shadow roots included) whose right edge passes `width`: what makes a page scroll sideways. */
export function overflowing(width: number, root: Document | ShadowRoot | Element = document): string[] {
  const out: string[] = [];
  const walk = (node: Document | ShadowRoot | Element) => {
    for (const el of node.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      // Content inside a scrolling region may pass the edge: the region scrolls, the page does not.
      if (r.right > width + 0.5 && !el.closest('.scroll')) out.push(`<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className}` : ''}> right ${r.right.toFixed(0)}`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}
