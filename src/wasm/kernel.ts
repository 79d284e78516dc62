/**
 * The one place that touches WebAssembly memory: an instance of the kernel and the
 * bump arena that owns its linear memory. Only numbers cross the boundary (pointers,
 * lengths, scalars); typed-array views are made at the point of use and never cached
 * across a call that may grow memory.
 *
 * Usage: `const k = new Kernel(module); const p = k.allocF64(n); k.f64(p, n).set(x); …;
 * k.reset()` — reset returns the arena to empty, so many runs in one process do not leak.
 */
import { fail } from "../errors.ts";

/** The raw exports of build/kernel.wasm (see assembly/index.ts). */
export interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  simulatePacing(
    job: number, schemes: number, nSchemes: number, zig: number, series: number, scratch: number,
    firstPath: number, nPaths: number, out: number, trace: number, nTrace: number, suppliedX: number, suppliedRegime: number,
  ): void;
  pacingScratchBytes(nSchemes: number): number;
  fillUniforms(seed: number, stream: number, path: number, n: number, state: number, out: number): void;
  fillNormals(seed: number, stream: number, path: number, n: number, zig: number, state: number, out: number): void;
  [name: string]: unknown;
}

const PAGE = 65536;
const MAX_PAGES = 65536; // wasm32: 4 GiB
const ALIGN = 16; // v128 loads stay aligned

export class Kernel {
  readonly exports: KernelExports;
  private readonly base: number;
  private top: number;

  constructor(module: WebAssembly.Module) {
    const instance = new WebAssembly.Instance(module, {
      env: {
        abort(_msg: number, _file: number, line: number, col: number): never {
          throw new Error(`kernel: internal abort at line ${line}:${col} — this is a bug, please report it`);
        },
      },
    });
    this.exports = instance.exports as unknown as KernelExports;
    this.base = align(this.exports.heapBase());
    this.top = this.base;
  }

  /** Frees everything allocated since construction (memory pages stay, for reuse). */
  reset(): void {
    this.top = this.base;
  }

  /** The arena's current top, to hand back to release() (stack discipline). */
  mark(): number {
    return this.top;
  }

  /** Frees everything allocated since `mark` was taken. */
  release(mark: number): void {
    if (mark < this.base || mark > this.top) throw new Error("kernel arena: release() of a mark not taken from this arena — this is a bug");
    this.top = mark;
  }

  /** Bytes currently allocated in the arena. */
  get allocatedBytes(): number {
    return this.top - this.base;
  }

  /** Current size of the linear memory, bytes. */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  /**
   * Allocates `bytes` (16-byte aligned) in the arena, growing linear memory as needed.
   * @throws RangeError naming the size asked for and the remedy when memory cannot grow
   */
  alloc(bytes: number, what = "buffer"): number {
    const ptr = this.top;
    const end = align(ptr + bytes);
    const memory = this.exports.memory;
    if (end > memory.buffer.byteLength) {
      const pages = Math.ceil((end - memory.buffer.byteLength) / PAGE);
      const total = memory.buffer.byteLength / PAGE + pages;
      let grown = total <= MAX_PAGES;
      if (grown) {
        try {
          grown = memory.grow(pages) >= 0;
        } catch {
          grown = false;
        }
      }
      if (!grown) {
        fail(RangeError, "kernel memory",
          `cannot allocate ${formatBytes(bytes)} for ${what} (WASM memory would be ${formatBytes(end)}, limit 4 GiB)`,
          what.startsWith("trace") ? "trace fewer paths (a smaller --trace, or --trace 0)" : "run fewer paths per block or per worker (e.g. a smaller --block or more --shard slices)");
      }
    }
    this.top = end;
    return ptr;
  }

  /** Allocates room for n f64 values; returns the byte pointer. */
  allocF64(n: number, what?: string): number {
    return this.alloc(n * 8, what);
  }

  /** Allocates and fills n f64 values from `values`; returns the byte pointer. */
  writeF64(values: ArrayLike<number>, what?: string): number {
    const ptr = this.allocF64(values.length, what);
    this.f64(ptr, values.length).set(values);
    return ptr;
  }

  /** A fresh Float64Array view of n values at ptr (invalid after memory grows: do not keep). */
  f64(ptr: number, n: number): Float64Array {
    return new Float64Array(this.exports.memory.buffer, ptr, n);
  }

  /** Allocates room for n f32 values; returns the byte pointer. */
  allocF32(n: number, what?: string): number {
    return this.alloc(n * 4, what);
  }

  /** A fresh Float32Array view of n values at ptr (invalid after memory grows: do not keep). */
  f32(ptr: number, n: number): Float32Array {
    return new Float32Array(this.exports.memory.buffer, ptr, n);
  }
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

function formatBytes(n: number): string {
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(2)} GiB`;
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(1)} MiB`;
  return `${n} bytes`;
}
