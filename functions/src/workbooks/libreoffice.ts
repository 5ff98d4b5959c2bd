import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

/** Path of LibreOffice's `soffice`, or null when it is not installed. */
export function findSoffice(): string | null {
  const fromEnv = process.env.SOFFICE_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * A fresh LibreOffice profile that recalculates every formula when a file is loaded.
 *
 * Why: by default Calc keeps the cached results of an .xlsx ("never recalculate" for Excel 2007+
 * files), so converting a workbook would only copy our own cached values back and prove nothing.
 * Setting Calc/Formula/Load/OOXMLRecalcMode (and ODFRecalcMode) to 0, "always recalculate", makes
 * LibreOffice compute every formula itself on load; the converted file then holds LibreOffice's
 * results, written (like Excel) to 15 significant digits. A profile of its own per run also lets
 * conversions run side by side (one profile cannot be shared by two soffice processes).
 */
const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale_CJK" oor:op="fuse"><value>zh-CN</value></prop></item>
</oor:items>
`;

/** LibreOffice's export filter for each format: what a desk without Excel saves a return as. */
const FILTERS = {
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  pdf: 'pdf:calc_pdf_Export',
  ods: 'ods:calc8',
  xls: 'xls:MS Excel 97',
} as const;

export interface ConvertOptions {
  /** Recalculate every formula on load (default true). False keeps the file's cached values. */
  recalculate?: boolean;
  timeoutMs?: number;
}

/**
 * Opens an .xlsx in headless LibreOffice and converts it: to 'xlsx' (a recalculated copy whose
 * cached values are LibreOffice's), to 'pdf' (how the workbook prints, charts included), or to
 * 'ods' / 'xls' (a return saved in another format, as a desk without Excel might).
 */
export async function convertWithLibreOffice(xlsx: Uint8Array, to: 'xlsx' | 'pdf' | 'ods' | 'xls', options: ConvertOptions = {}): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: run node scripts/ensure-system.mjs');
  const dir = await mkdtemp(join(tmpdir(), 'zj-lo-'));
  try {
    const profile = join(dir, 'profile');
    if (options.recalculate !== false) {
      await mkdir(join(profile, 'user'), { recursive: true });
      await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
    }
    const input = join(dir, 'in', 'workbook.xlsx');
    const outDir = join(dir, 'out');
    await mkdir(join(dir, 'in'));
    await mkdir(outDir);
    await writeFile(input, xlsx);
    const filter = FILTERS[to];
    await run(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', filter, '--outdir', outDir, input],
      options.timeoutMs ?? 180_000,
    );
    const output = join(outDir, `workbook.${to}`);
    if (!existsSync(output)) throw new Error(`LibreOffice produced no ${to} file`);
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(file: string, args: string[], timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout, env: { ...process.env, HOME: process.env.HOME ?? tmpdir() } }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${file} failed: ${error.message}\n${stderr}`));
      else resolve();
    });
  });
}
