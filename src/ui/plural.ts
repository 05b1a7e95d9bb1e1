// Counted nouns in plain English ("1 job", "3 jobs").

/** `n` and the noun, plural unless n is 1 (`plural(1, 'job')` → "1 job"). */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}
