import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { writeConsolidatedWorkbook } from '../src/workbooks/write-consolidated-workbook.js';
import { writeEvaluationWorkbook } from '../src/workbooks/write-evaluation-workbook.js';
import { writeFloorXlsx, type FloorSheet } from './floor-xlsx.js';
import { syntheticZone } from './synthetic-zone.js';

/**
 * `npm run bench -- workbooks`: time and peak memory to build the consolidated and the evaluation
 * workbook of a zone of 24 parks × 3 years of returns (made from the real catalogue), and the
 * same for the floor: the same cells written with only node:zlib and XML strings.
 *
 * Each measurement runs in a child process of its own: the inputs are read from a JSON file,
 * the heap is collected, then the workbook is built once (peak memory: the child's maxRSS, and
 * its rise over the RSS just before the build), then RUNS more times for the median time.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** The issue's goal: each zone-scale workbook in 100 ms or less, median, in a warm process. */
const GOAL_MS = 100;
const SELF = fileURLToPath(import.meta.url);
type Kind = 'consolidated' | 'evaluation' | 'floor-consolidated' | 'floor-evaluation';

if (process.argv[2] === '--child') await child(process.argv[3] as Kind, process.argv[4]!);
else await main();

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zj-wb-bench-'));
  try {
    const started = performance.now();
    const zone = syntheticZone(24, [2024, 2025, 2026]);
    console.log(
      `synthetic zone: ${zone.consolidated.catalogue.parks.length} parks × 3 years, ${zone.consolidated.catalogue.indicators.length} indicators, ` +
        `${zone.evaluation.evaluation.evaluations.length} targets evaluated (inputs made in ${ms(performance.now() - started)})`,
    );
    writeFileSync(join(dir, 'consolidated.json'), JSON.stringify(zone.consolidated));
    writeFileSync(join(dir, 'evaluation.json'), JSON.stringify(zone.evaluation));
    // The floor writes the very cells of our workbooks: read them back once, outside any measurement.
    writeFileSync(join(dir, 'floor-consolidated.json'), JSON.stringify(await cellsOf(await writeConsolidatedWorkbook(zone.consolidated))));
    writeFileSync(join(dir, 'floor-evaluation.json'), JSON.stringify(await cellsOf(await writeEvaluationWorkbook(zone.evaluation))));
    const rows: string[][] = [];
    const medians = new Map<Kind, number>();
    for (const kind of ['consolidated', 'floor-consolidated', 'evaluation', 'floor-evaluation'] as const) {
      const r = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', SELF, '--child', kind, join(dir, `${kind}.json`)], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${kind}: ${r.stderr}`);
      const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
        first: number;
        median: number;
        cpu: number;
        maxRss: number;
        rssBefore: number;
        bytes: number;
        cells: number;
      };
      medians.set(kind, m.median);
      rows.push([kind, String(m.cells), kb(m.bytes), ms(m.first), ms(m.median), ms(m.cpu), '', mb(m.maxRss), `+${mb(m.maxRss - m.rssBefore)}`]);
    }
    // The ratio to the floor of the same run, once both are measured.
    for (const row of rows) {
      const kind = row[0] as Kind;
      if (kind.startsWith('floor')) continue;
      row[6] = `${(medians.get(kind)! / medians.get(`floor-${kind}` as Kind)!).toFixed(1)}×`;
    }
    table(['workbook', 'cells', 'size', 'first build', `median of ${RUNS}`, 'CPU (median)', 'ratio to floor', 'peak RSS', 'over baseline'], rows);
    for (const kind of ['consolidated', 'evaluation'] as const) {
      const median = medians.get(kind)!;
      console.log(
        `${kind}: median ${ms(median)}, goal ≤ ${GOAL_MS} ms: ${median <= GOAL_MS ? 'met' : 'NOT met'} (on a machine others share, wall time is high: see CPU)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function child(kind: Kind, file: string): Promise<void> {
  const input = JSON.parse(readFileSync(file, 'utf8'));
  const build: () => Promise<Buffer> | Buffer =
    kind === 'consolidated'
      ? () => writeConsolidatedWorkbook(input)
      : kind === 'evaluation'
        ? () => writeEvaluationWorkbook(input)
        : () => writeFloorXlsx(input as FloorSheet[]);
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let t = performance.now();
  const out = await build();
  const first = performance.now() - t;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    const before = process.cpuUsage();
    await build();
    const used = process.cpuUsage(before);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const cells = kind.startsWith('floor')
    ? (input as FloorSheet[]).reduce((n, s) => n + s.cells.length, 0)
    : (await cellsOf(out)).reduce((n, s) => n + s.cells.length, 0);
  console.log(
    JSON.stringify({ first, median: times[Math.floor(times.length / 2)], cpu: cpu[Math.floor(cpu.length / 2)], maxRss, rssBefore, bytes: out.length, cells }),
  );
}

/** The cells of a workbook as the floor writes them: value or cached result, formula, number format. */
async function cellsOf(xlsx: Buffer): Promise<FloorSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: FloorSheet['cells'] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
        const raw = formula !== undefined ? (cell.model as { result?: unknown }).result : cell.value;
        const value = typeof raw === 'number' || typeof raw === 'string' ? raw : raw == null ? null : String(raw);
        cells.push({ ref: cell.address, value, ...(formula !== undefined ? { formula } : {}), ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) });
      }),
    );
    return { name: ws.name, cells };
  });
}

function ms(x: number): string {
  return `${x.toFixed(0)} ms`;
}
function mb(x: number): string {
  return `${(x / 1048576).toFixed(0)} MB`;
}
function kb(x: number): string {
  return `${(x / 1024).toFixed(0)} kB`;
}
function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
