import { describe, expect, it } from 'vitest';
import { compareAndSet, CompareAndSetConflictError } from './compare-and-set.js';

/** A versioned cell with a compare-and-set write, like a store row with a version column. */
function cell(initial: number[]) {
  let value = initial;
  let version = 1;
  return {
    read: async () => ({ value, version }),
    write: async (next: number[], expected: number) => {
      if (expected !== version) return false;
      value = next;
      version++;
      return true;
    },
    get value() {
      return value;
    },
    bump(next: number[]) {
      value = next;
      version++;
    },
  };
}

describe('compareAndSet', () => {
  it('re-applies the update to the newer value when another writer came first', async () => {
    const c = cell([]);
    let raced = false;
    const read = async () => {
      const current = await c.read();
      // Another replica writes between this read and our write, once.
      if (!raced) {
        raced = true;
        c.bump([...current.value, 1]);
      }
      return current;
    };
    const written = await compareAndSet(read, c.write, (v) => [...v, 2], { pause: async () => undefined });
    expect(written).toEqual([1, 2]);
    expect(c.value).toEqual([1, 2]);
  });

  it('writes nothing when there is nothing to update, and gives up with a coded error after its tries', async () => {
    const c = cell([1]);
    expect(await compareAndSet(async () => undefined, c.write, (v: number[]) => v)).toBeUndefined();
    expect(await compareAndSet(c.read, c.write, () => undefined)).toBeUndefined();
    expect(c.value).toEqual([1]);
    const never = compareAndSet(c.read, async () => false, (v) => v, { attempts: 3, pause: async () => undefined });
    await expect(never).rejects.toBeInstanceOf(CompareAndSetConflictError);
    await expect(never).rejects.toMatchObject({ code: 'COMPARE_AND_SET_CONFLICT' });
  });
});
