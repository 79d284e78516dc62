/**
 * How the parallel sample covariance shares its work: contiguous ranges of 4-column tile
 * rows with (as nearly as whole rows allow) equal numbers of upper-triangle tiles.
 */

/**
 * Tile-row boundaries b (length parts + 1, b[0] = 0, b[parts] = ⌈k/4⌉): part p computes tile
 * rows b[p] ≤ ip < b[p+1]. Row ip holds ⌈k/4⌉ − ip tiles of 4×4 entries (each 2·n·16 flops),
 * so the boundaries cut the cumulative tile count at p/parts of the total. Parts may be empty
 * when there are fewer tile rows than parts.
 * @throws RangeError when k or parts is not a positive integer
 */
export function splitTileRows(k: number, parts: number): number[] {
  if (!Number.isInteger(k) || k < 1 || !Number.isInteger(parts) || parts < 1) {
    throw new RangeError(`splitTileRows: k and parts must be positive integers; got k=${k}, parts=${parts} — this is a bug in the caller`);
  }
  const kp = Math.ceil(k / 4);
  const total = (kp * (kp + 1)) / 2;
  const bounds = [0];
  let ip = 0, done = 0;
  for (let p = 1; p < parts; p++) {
    const goal = (total * p) / parts;
    // Take row ip while that leaves the running count nearer the goal than stopping would.
    while (ip < kp && Math.abs(done + (kp - ip) - goal) <= Math.abs(done - goal)) done += kp - ip++;
    bounds.push(ip);
  }
  bounds.push(kp);
  return bounds;
}
