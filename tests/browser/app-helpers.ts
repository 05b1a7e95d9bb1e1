// Helpers for the browser tests that drive the whole app (<mr-app>): mount it on its own database, reach into the
// views' shadow roots, wait for a condition, and delete the database afterwards.
import type { MrApp } from '../../src/ui/mr-app.ts';
import '../../src/ui/mr-app.ts';

import { deleteDb, until } from './helpers/page.ts';

export { deleteDb, until };

/** A mounted app, its database name, and how to remove both. */
export interface MountedApp {
  app: MrApp;
  db: string;
  remove: () => Promise<void>;
}

/** Mount <mr-app> on database `db` (a fresh one by default) at `#view`, and wait for its session. */
export async function mountApp(view: string, db = `app-${Date.now()}-${Math.random().toString(36).slice(2)}`): Promise<MountedApp> {
  history.replaceState(null, '', `#${view}`);
  const app = document.createElement('mr-app');
  app.dbName = db;
  document.body.append(app);
  await until(() => (app as unknown as { session: unknown }).session, 30_000, 'the session to open');
  await app.updateComplete;
  return {
    app, db,
    remove: async () => {
      const { session, sync } = app as unknown as { session: { loop: { stop(): Promise<void> }; close(): void } | null; sync: { stop(): Promise<void> } | null };
      await session?.loop.stop();
      await sync?.stop();
      app.remove();
      // Let reads the views started settle before the store closes under them.
      await new Promise((r) => setTimeout(r, 200));
      session?.close();
      await deleteDb(db);
    },
  };
}

/** The element matching `sel` inside the shadow roots along `path` (each a selector inside the previous one's root). */
export function deep<E extends Element = HTMLElement>(root: Element, ...path: string[]): E | null {
  let at: Element | null = root;
  for (const sel of path) {
    at = at?.shadowRoot?.querySelector(sel) ?? null;
    if (!at) return null;
  }
  return at as E;
}

/** Every element matching `sel` inside the shadow root of the element at `path`. */
export function deepAll<E extends Element = HTMLElement>(root: Element, path: string[], sel: string): E[] {
  const host = path.length ? deep(root, ...path) : root;
  return [...(host?.shadowRoot?.querySelectorAll<E>(sel) ?? [])];
}

/** Click a tab by its view id and wait for the app to render it. */
export async function showTab(app: MrApp, view: string): Promise<void> {
  const tab = deep<HTMLButtonElement>(app, `#tab-${view}`);
  if (!tab) throw new Error(`no tab ${view}`);
  tab.click();
  await app.updateComplete;
}

/** Give a file <input> these files and fire `change`, as picking them would. */
export function pickFiles(input: HTMLInputElement, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
