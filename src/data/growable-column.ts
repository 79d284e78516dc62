/**
 * A numeric column that grows by doubling as rows stream in: 8 bytes a row for prices (up to
 * 16 while it grows), 4 for line numbers, 1 for small codes — instead of a JS object per row.
 */
type Storage = Float64Array | Int32Array | Uint8Array;

export class GrowableColumn {
  private data: Storage;
  length = 0;

  /** @param make allocates the storage (Float64Array by default) */
  constructor(private readonly make: (n: number) => Storage = (n) => new Float64Array(n)) {
    this.data = make(1024);
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** The values of rows `rows`, in that order, as a new exact-size Float64Array. */
  gather(rows: Int32Array): Float64Array {
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = this.data[rows[i]];
    return out;
  }
}
