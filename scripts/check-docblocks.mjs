// Every exported declaration in the app's source carries a doc comment (after Mediabunny's check-docblocks):
// `/** … */` right above `export function|class|interface|type|const|let|enum …`, decorators and blank lines aside.
// Re-exports (`export { … }`, `export * from`) document nothing of their own and are skipped. Exit 1 with a list.
// Every export is documented (the baseline of older undocumented ones reached zero and is gone): no exceptions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** The folders whose exports are the app's API to its readers. */
const DIRS = ['src', 'workers', 'api/src'];
const DECL = /^export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(function\*?|class|interface|type|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/;

function* tsFiles(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* tsFiles(p);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) yield p;
  }
}

/** Whether the lines above `i` (skipping blank lines) end a `/** … *\/` block. */
function documented(lines, i) {
  let j = i - 1;
  while (j >= 0 && lines[j].trim() === '') j--;
  if (j < 0 || !lines[j].trim().endsWith('*/')) return false;
  for (let k = j; k >= 0; k--) {
    const t = lines[k].trim();
    if (t.startsWith('/**')) return true;
    if (t.startsWith('/*')) return false; // a plain block comment is not a doc comment
    if (k < j && !t.startsWith('*')) return false;
  }
  return false;
}

const missing = [];
let total = 0;
for (const dir of DIRS) {
  for (const file of tsFiles(join(ROOT, dir))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const m = DECL.exec(line);
      if (!m) return;
      total++;
      if (documented(lines, i)) return;
      missing.push(`${relative(ROOT, file)}:${i + 1}: export ${m[1]} ${m[2]}`);
    });
  }
}
if (missing.length > 0) {
  console.error(`${missing.length} of ${total} exports have no doc comment (/** … */ right above the export):\n${missing.join('\n')}`);
  process.exit(1);
}
console.log(`check-docblocks: all ${total} exports documented`);
