// A streamed report's batch sent as JSON in parts small enough for its reader (issue 18, the CLI's memory): a string
// beyond V8's large-object size (~128 kB) is allocated outside the young generation and freed only by a full GC, so a
// CLI that received batches of that size grew with the file's length (a probe: frames of ~4.7 kB JSON, 64 a batch,
// 149 → 165 MB from 1,800 to 18,000 frames; 32 a batch, flat at 145–146 MB). Splitting keeps order and elements.

/** JSON of a batch longer than this (characters) is sent in halves. */
export const MAX_BATCH_CHARS = 96 * 1024;

/**
 * Sends `items` through `send` as JSON arrays, in order, halving a batch whose JSON is longer than `maxChars` (one
 * item is sent whatever its length); each part is awaited before the next.
 */
export async function sendJsonInParts<T>(items: readonly T[], send: (json: string) => Promise<void> | void, maxChars = MAX_BATCH_CHARS): Promise<void> {
  if (!(maxChars > 0)) throw new TypeError(`maxChars must be positive, not ${maxChars}`);
  const json = JSON.stringify(items);
  if (json.length <= maxChars || items.length < 2) {
    await send(json);
    return;
  }
  const half = items.length >> 1;
  await sendJsonInParts(items.slice(0, half), send, maxChars);
  await sendJsonInParts(items.slice(half), send, maxChars);
}
