/**
 * The longest the event loop went without running a timer while `work` ran (ms): how long a pin's
 * request could have waited behind it. The stretch from the last tick to the end counts too.
 */
export async function longestBlockDuring(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 0);
  try {
    last = performance.now();
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}
