/**
 * A Float64 column that grows by doubling as rows stream in: 8 bytes a row (up to 16 while
 * it grows), instead of a JS object per row. One element type, so pushes stay monomorphic.
 */
export class GrowableColumn {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }

  /** Pushes `x` until the column has `n` rows (a column created after some rows were read). */
  fillTo(n: number, x: number): this {
    while (this.length < n) this.push(x);
    return this;
  }

  /** Grows the storage to hold `n` rows at once (a size estimate: no doubling waste on long files). */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const bigger = new Float64Array(n);
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }

  get(i: number): number {
    return this.data[i];
  }

  /**
   * The values of rows `rows`, in that order. When `rows` is every row in order (a file with
   * nothing set aside), the column itself, without a copy.
   */
  gather(rows: Int32Array): Float64Array {
    if (rows.length === this.length && (rows.length === 0 || rows[rows.length - 1] === rows.length - 1) && isIdentity(rows)) return this.data.subarray(0, this.length);
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = this.data[rows[i]];
    return out;
  }
}

function isIdentity(rows: Int32Array): boolean {
  for (let i = 0; i < rows.length; i++) if (rows[i] !== i) return false;
  return true;
}
