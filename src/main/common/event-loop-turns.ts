/** Lets the event loop serve what is waiting (a pin's request, a socket's data) before more long work. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `work` over `items` a slice at a time, giving the event loop a turn between slices: long work
 * (ten thousand orders from one poll) never holds a pin's request for longer than one slice.
 */
export async function forEachSlice<T>(items: readonly T[], size: number, work: (slice: T[], offset: number) => void): Promise<void> {
  for (let offset = 0; offset < items.length; offset += size) {
    if (offset > 0) await nextTurn();
    work(items.slice(offset, offset + size), offset);
  }
}
