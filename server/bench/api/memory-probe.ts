// Preloaded (--import) into the bench's server processes, started with
// --expose-gc: asked over IPC, it collects garbage and answers with the
// process's memory, so a per-socket figure counts what stays alive.
process.on('message', (message) => {
  if (message !== 'memory') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first pass can leave objects that only the second frees (weak refs, finalizers).
  gc?.();
  gc?.();
  // external: memory outside the heap that objects in it hold (buffers).
  const { heapUsed, external, rss } = process.memoryUsage();
  process.send?.({ memory: { heapUsed, external, rss } });
});

// The bench went away (finished, failed or was killed): so does this server.
process.on('disconnect', () => process.exit(0));
