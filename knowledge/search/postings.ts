/**
 * The compact postings of the search index: per term its lunr term index and, per field, the
 * passages that hold it with their BM25 weight (lunr's field-vector value, which lunr rounds to
 * thousandths, so it is stored exactly as an integer number of thousandths). Unsigned LEB128
 * varints, passage numbers delta-coded, in the order lunr lists them (the order passages were added).
 */

/** One field's postings of a term: passage numbers (ascending) and their weights. */
export interface FieldPostings {
  readonly passages: Int32Array;
  readonly weights: Float64Array;
}

/** A term's postings: its lunr term index (the order of lunr's vectors) and one list per field. */
export interface TermPostings {
  readonly termIndex: number;
  readonly fields: readonly FieldPostings[];
  /** In how many passages the term occurs (any field). */
  readonly documentFrequency: number;
}

/** Appends unsigned varints to a growing byte buffer. */
export class VarintWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  get size(): number {
    return this.length;
  }

  write(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new Error(`varint out of range: ${value}`);
    if (this.length + 8 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Writes one term's postings; `fields` in field order, each as (passage number, weight) pairs in passage order. */
export function writeTermPostings(out: VarintWriter, termIndex: number, fields: readonly (readonly (readonly [number, number])[])[]): void {
  out.write(termIndex);
  for (const postings of fields) {
    out.write(postings.length);
    let previous = 0;
    for (const [passage, weight] of postings) {
      const thousandths = Math.round(weight * 1000);
      if (thousandths / 1000 !== weight) throw new Error(`weight ${weight} is not in thousandths`);
      out.write(passage - previous);
      out.write(thousandths);
      previous = passage;
    }
  }
}

/** A reader of consecutive unsigned varints from `offset`. */
export function readVarints(bytes: Uint8Array, offset: number): () => number {
  let at = offset;
  return () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++] ?? 0;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  };
}

/** Reads one term's postings at `offset` (as written by {@link writeTermPostings} for `fieldCount` fields). */
export function readTermPostings(bytes: Uint8Array, offset: number, fieldCount: number): TermPostings {
  const read = readVarints(bytes, offset);
  const termIndex = read();
  const fields: FieldPostings[] = [];
  const seen = new Set<number>();
  for (let f = 0; f < fieldCount; f++) {
    const count = read();
    const passages = new Int32Array(count);
    const weights = new Float64Array(count);
    let passage = 0;
    for (let i = 0; i < count; i++) {
      passage += read();
      passages[i] = passage;
      weights[i] = read() / 1000;
      seen.add(passage);
    }
    fields.push({ passages, weights });
  }
  return { termIndex, fields, documentFrequency: seen.size };
}
