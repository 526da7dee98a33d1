// Optional per-step timing of a receipt, to see where the time goes (the ingest benchmark): with
// XUEJI_INGEST_TIMING=1 each timed step prints "ingest timing <table> <step> <wall> s wall <cpu> s cpu"
// on stderr. CPU seconds are the whole process's (DuckDB's threads included), which stay comparable
// when other work shares the machine and wall time does not. Off by default: one environment lookup.
const enabled = () => process.env.XUEJI_INGEST_TIMING === '1';

export async function timed<T>(table: string, step: string, work: () => Promise<T>): Promise<T> {
  if (!enabled()) return work();
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await work();
  } finally {
    const used = process.cpuUsage(cpu);
    const wall = (performance.now() - started) / 1000;
    process.stderr.write(`ingest timing ${table} ${step} ${wall.toFixed(2)} s wall ${((used.user + used.system) / 1e6).toFixed(2)} s cpu\n`);
  }
}
