// Shared by the benchmarks: medians, and time plus peak RSS of one piece of work.
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

// Samples RSS while `work` runs (the event loop turns at every await), so each
// row reports its own peak and not the seeding's.
export async function measure<T>(work: () => Promise<T>): Promise<{ ms: number; peakRss: number; result: T }> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    return { ms, peakRss: Math.max(peakRss, process.memoryUsage.rss()), result };
  } finally {
    clearInterval(sampler);
  }
}

