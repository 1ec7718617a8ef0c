/**
 * A set of 64-bit fingerprints of strings in typed arrays: 8 bytes per member instead of a JS
 * string's ~50, so the importer can check ten million ids for duplicates and references.
 * Two different ids share a fingerprint with probability ~n²/2⁶⁵ (1 in 10¹⁵ at 10 million).
 */
export class FingerprintSet {
  private high = new Uint32Array(1 << 16);
  private low = new Uint32Array(1 << 16);
  private used = new Uint8Array(1 << 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the string; false when it was already there. */
  add(value: string): boolean {
    if ((this.count + 1) * 4 > this.used.length * 3) this.grow();
    const [h, l] = fingerprint(value);
    return this.insert(h, l);
  }

  has(value: string): boolean {
    const [h, l] = fingerprint(value);
    const mask = this.used.length - 1;
    for (let slot = l & mask; this.used[slot]; slot = (slot + 1) & mask) {
      if (this.high[slot] === h && this.low[slot] === l) return true;
    }
    return false;
  }

  private insert(h: number, l: number): boolean {
    const mask = this.used.length - 1;
    let slot = l & mask;
    for (; this.used[slot]; slot = (slot + 1) & mask) {
      if (this.high[slot] === h && this.low[slot] === l) return false;
    }
    this.used[slot] = 1;
    this.high[slot] = h;
    this.low[slot] = l;
    this.count++;
    return true;
  }

  private grow(): void {
    const { high, low, used } = this;
    this.high = new Uint32Array(used.length * 2);
    this.low = new Uint32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.count = 0;
    for (let slot = 0; slot < used.length; slot++) if (used[slot]) this.insert(high[slot], low[slot]);
  }
}

/** Two independent 32-bit FNV-1a variants over UTF-16 code units. */
function fingerprint(value: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  return [a >>> 0, (b ^ (b >>> 16)) >>> 0];
}
