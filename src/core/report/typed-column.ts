// A growable column of numbers in one typed array: per-frame values of a long file kept as a few bytes each instead
// of an object per frame (issue 18: memory flat however long the file). The report's frame table and the vision and
// sound timelines keep their per-frame values in these.

/** A growable column of numbers of one typed-array kind (values read back exactly as that kind stores them). */
export class TypedColumn<A extends Float64Array | Uint32Array | Int32Array | Uint8Array> {
  /** The storage; valid up to `length` (grown by doubling, so it may be longer). */
  data: A;
  /** Values pushed so far. */
  length = 0;
  /** `capacity`: values to make room for at once (a long file's known frame count: no doubling, no copies). */
  constructor(private readonly make: (n: number) => A, capacity = 64) {
    this.data = make(Math.max(64, Math.floor(capacity)));
  }
  /** Appends one value. */
  push(x: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = x;
  }
  /** Room for `n` values, zero-filled past the old end. */
  ensure(n: number): void {
    if (n > this.data.length) this.grow(n);
    this.length = Math.max(this.length, n);
  }
  private grow(min: number): void {
    const next = this.make(Math.max(min, this.data.length * 2));
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }
  /** Value `i` (i < length). */
  at(i: number): number {
    return this.data[i]!;
  }
}
