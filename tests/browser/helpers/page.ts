// Page helpers every browser test shares: wait for a condition, mount a view as the app would show it (inside a
// <main> with the app's <h1>, so axe sees a landmark and a heading), and delete a test database.

/** Poll `get` every 50 ms until it returns something truthy (or fail after `ms`). */
export async function until<T>(get: () => T | null | undefined | false, ms = 60_000, what = get.toString()): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Delete an IndexedDB database (only src/storage imports Dexie: tests go through indexedDB). */
export function deleteDb(name: string): Promise<void> {
  return new Promise((done) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => done();
  });
}

/** A <main> on the page holding the app's heading and the mounted elements. */
export interface MainBox {
  main: HTMLElement;
  /** Remove every child but the heading (between tests that mount a fresh view). */
  clear: () => void;
  remove: () => void;
}

/** Put `elements` in a new <main> after an <h1> "Motion Registries", as the app shows a view, and append it to the body. */
export function mountInMain(...elements: HTMLElement[]): MainBox {
  const main = document.createElement('main');
  const h1 = document.createElement('h1');
  h1.textContent = 'Motion Registries';
  main.append(h1, ...elements);
  document.body.append(main);
  return {
    main,
    clear: () => {
      for (const el of [...main.children]) if (el !== h1) el.remove();
    },
    remove: () => main.remove(),
  };
}
