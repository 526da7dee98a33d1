// Optional per-step timing of a receipt, to see where the time goes (the ingest benchmark): with
// XUEJI_INGEST_TIMING=1 each timed step prints "ingest timing <table> <step> <seconds> s" on stderr.
// Off by default, when it costs one environment lookup per step.
const enabled = () => process.env.XUEJI_INGEST_TIMING === '1';

export async function timed<T>(table: string, step: string, work: () => Promise<T>): Promise<T> {
  if (!enabled()) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    process.stderr.write(`ingest timing ${table} ${step} ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  }
}
