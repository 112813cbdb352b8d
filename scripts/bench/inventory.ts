/**
 * The `inventory` part of `npm run bench`: throughput (events per CPU second) and peak memory of reading a million
 * generated webhook events from a file through the same code as the CLI (scripts/cli/read-event-files.ts, then
 * lib/inventory/app-inventory.ts). Memory is sampled while reading: the resident set (RSS) and the V8 heap in use,
 * each also as the rise over what the process held before the run. Run alone with
 * `tsx scripts/bench/inventory.ts [EVENTS]`.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { getHeapStatistics } from 'node:v8';
import { AppInventory } from '../../lib/inventory/app-inventory';
import { readEventFiles } from '../cli/read-event-files';
import { generateEventLines } from './generate-events';
import { createSeededRandom } from './seeded-random';

export const INVENTORY_TARGET_EVENTS_PER_SECOND = 200_000;

export interface InventoryBenchmark {
  events: number;
  apps: number;
  people: number;
  fileMb: number;
  cpuSeconds: number;
  wallSeconds: number;
  perCpuSecond: number;
  baselineRssMb: number;
  peakRssMb: number;
  baselineHeapMb: number;
  peakHeapMb: number;
}

const MB = 1024 * 1024;

async function writeEvents(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  let batch = '';
  for (const line of generateEventLines(createSeededRandom(20_261_208), count)) {
    batch += `${line}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}

export async function measureInventory(count = 1_000_000): Promise<InventoryBenchmark> {
  const folder = mkdtempSync(join(tmpdir(), 'consent-gate-bench-'));
  const file = join(folder, 'events.jsonl');
  try {
    await writeEvents(file, count);
    // Warm-up on a small file, so the timed run measures steady work rather than compilation.
    const warm = join(folder, 'warm.jsonl');
    const warmOut = createWriteStream(warm);
    for (const line of generateEventLines(createSeededRandom(1), 20_000)) warmOut.write(`${line}\n`);
    warmOut.end();
    await once(warmOut, 'finish');
    const warmInventory = new AppInventory();
    await readEventFiles([warm], { stdin: Readable.from([]), skipMalformed: false }, (event) => warmInventory.add(event));
    warmInventory.summarize(undefined);

    globalThis.gc?.();
    const baselineRss = process.memoryUsage.rss();
    const baselineHeap = getHeapStatistics().used_heap_size;
    let peakRss = baselineRss;
    let peakHeap = baselineHeap;
    let sinceSample = 0;
    const inventory = new AppInventory();
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const outcome = await readEventFiles([file], { stdin: Readable.from([]), skipMalformed: false }, (event) => {
      inventory.add(event);
      if (++sinceSample === 8192) {
        sinceSample = 0;
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
        peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
      }
    });
    const apps = inventory.summarize(undefined);
    const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    if (!outcome.ok) throw new Error(`the generated events did not read: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    const totals = inventory.totals();
    if (totals.events !== count) throw new Error(`read ${totals.events} of ${count} events`);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return {
      events: totals.events,
      apps: apps.length,
      people: totals.people,
      fileMb: statSync(file).size / MB,
      cpuSeconds,
      wallSeconds,
      perCpuSecond: totals.events / cpuSeconds,
      baselineRssMb: baselineRss / MB,
      peakRssMb: peakRss / MB,
      baselineHeapMb: baselineHeap / MB,
      peakHeapMb: peakHeap / MB,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function describeInventoryBenchmark(result: InventoryBenchmark): string[] {
  const n = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const met = result.perCpuSecond >= INVENTORY_TARGET_EVENTS_PER_SECOND ? 'met' : 'MISSED';
  return [
    `Inventory: ${n(result.events)} generated webhook events (${n(result.fileMb)} MB of JSON lines), ${n(result.apps)} apps, ${n(result.people)} people`,
    `  Throughput: ${n(result.perCpuSecond)} events/s (CPU), ${n(result.events / result.wallSeconds)} events/s (wall); target >= ${n(INVENTORY_TARGET_EVENTS_PER_SECOND)} events/s: ${met}`,
    `  Peak memory while reading: RSS ${n(result.peakRssMb, 1)} MB (+${n(result.peakRssMb - result.baselineRssMb, 1)} MB over the ${n(result.baselineRssMb, 1)} MB before), V8 heap ${n(result.peakHeapMb, 1)} MB (+${n(result.peakHeapMb - result.baselineHeapMb, 1)} MB)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureInventory(Number(process.argv[2] ?? 1_000_000));
  console.log(describeInventoryBenchmark(result).join('\n'));
}
