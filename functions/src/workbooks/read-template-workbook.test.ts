import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildTemplate, layoutTemplate, loadCatalogue, validateReturn } from '@zj/shared';
import { writeTemplateWorkbook } from './write-template-workbook.js';
import { readTemplateWorkbook } from './read-template-workbook.js';
import { checkXlsxZip } from './check-xlsx-zip.js';
import { UPLOAD_LIMITS } from './upload-limits.js';
import { sampleTemplate } from './__fixtures__/sample-template.js';

const template = sampleTemplate('jinshan', '2025');
const catalogue = loadCatalogue();
const parkName = (code: string) => catalogue.parks.find((p) => p.code === code)?.name.zh ?? code;

async function edit(buffer: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rezip(buffer: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Buffer {
  const files = unzipSync(buffer);
  change(files);
  return Buffer.from(zipSync(files));
}

/** A zip whose directory says its one part is 1000 bytes, while it inflates to 2 MB. */
function lyingZip(): Buffer {
  const zip = Buffer.from(zipSync({ '[Content_Types].xml': new Uint8Array(2 * 1024 * 1024) }));
  for (const [signature, offset] of [
    [0x04034b50, 22],
    [0x02014b50, 24],
  ] as const) {
    for (let i = 0; i + 4 <= zip.length; i++) if (zip.readUInt32LE(i) === signature) zip.writeUInt32LE(1000, i + offset);
  }
  return zip;
}

const good = await writeTemplateWorkbook(template);
const codes = (r: Awaited<ReturnType<typeof readTemplateWorkbook>>) => (r.ok ? [] : r.issues.map((i) => i.code));

describe('checkXlsxZip', () => {
  it.each([
    ['an empty file', () => new Uint8Array(0), 'upload_empty'],
    ['a text file', () => strToU8('营业收入,5000\n'), 'upload_not_xlsx'],
    ['an old .xls (OLE2)', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'upload_legacy_xls'],
    ['a truncated zip', () => good.subarray(0, 2000), 'upload_corrupt'],
    ['a zip that is not a workbook', () => zipSync({ 'readme.txt': strToU8('hello') }), 'upload_not_xlsx'],
    ['a file over the size limit', () => new Uint8Array(UPLOAD_LIMITS.maxBytes + 1).fill(0x50), 'upload_too_large'],
    [
      'a zip of 300 parts',
      () => zipSync(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`x/${i}.xml`, strToU8('<a/>')]))),
      'upload_too_many_entries',
    ],
    ['a zip bomb: 60 MB of zeros in a few kB', () => zipSync({ '[Content_Types].xml': new Uint8Array(60 * 1024 * 1024) }), 'upload_expands_too_far'],
    ['a zip whose directory lies about a part’s size', lyingZip, 'upload_corrupt'],
    [
      'a macro-enabled workbook (.xlsm)',
      () =>
        rezip(good, (f) => {
          f['[Content_Types].xml'] = strToU8(
            strFromU8(f['[Content_Types].xml']!).replace(
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
              'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
            ),
          );
        }),
      'upload_macro_enabled',
    ],
  ])('refuses %s', async (_name, make, code) => {
    const result = await checkXlsxZip(make());
    expect(result.ok ? 'ok' : result.issue.code).toBe(code);
    if (!result.ok) expect(result.issue.message.zh.length).toBeGreaterThan(5);
  });

  it('refuses the zip bomb from its directory, before inflating anything', async () => {
    const bomb = zipSync({ '[Content_Types].xml': new Uint8Array(60 * 1024 * 1024) });
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    await checkXlsxZip(bomb);
    expect(performance.now() - started).toBeLessThan(200);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(10 * 1024 * 1024);
  });

  it('accepts the template workbook', async () => {
    expect(await checkXlsxZip(good)).toEqual({ ok: true });
  });
});

describe('readTemplateWorkbook refuses a workbook of the wrong park, period or version, or edited where it must not be', () => {
  it.each([
    ['another park’s return', () => writeTemplateWorkbook(sampleTemplate('minhang', '2025')), ['upload_wrong_park']],
    ['another period’s return', () => writeTemplateWorkbook(sampleTemplate('jinshan', '2026')), ['upload_wrong_period']],
    [
      'a return on an older template version',
      () =>
        writeTemplateWorkbook(
          buildTemplate(
            catalogue,
            'jinshan',
            { code: '2025', year: 2025, quarter: null },
            { periodDays: 365, previous: { period: '2024', values: { operating_revenue: 1 } }, baselines: {} },
          ),
        ),
      ['upload_template_outdated'],
    ],
    [
      'a hand-edited _meta (park changed, hash not)',
      () => edit(good, (wb) => (wb.getWorksheet('_meta')!.getCell('B1').value = 'minhang')),
      ['upload_meta_tampered'],
    ],
    [
      'a _meta with its hash recomputed by hand but the wrong version',
      () => edit(good, (wb) => (wb.getWorksheet('_meta')!.getCell('B3').value = 'x')),
      ['upload_meta_tampered'],
    ],
    ['a workbook without _meta', () => edit(good, (wb) => wb.removeWorksheet(wb.getWorksheet('_meta')!.id)), ['upload_meta_missing']],
    ['a renamed return sheet', () => edit(good, (wb) => (wb.getWorksheet('填报表')!.name = 'Sheet1')), ['upload_sheet_missing']],
    ['rows inserted into the return sheet', () => edit(good, (wb) => wb.getWorksheet('填报表')!.spliceRows(6, 0, ['插入的行'])), ['upload_rows_inserted']],
  ])('%s', async (_name, make, expected) => {
    const result = await readTemplateWorkbook(await make(), template, { parkName });
    expect([...new Set(codes(result))]).toEqual(expected);
  });

  it('names the parks in the message', async () => {
    const result = await readTemplateWorkbook(await writeTemplateWorkbook(sampleTemplate('minhang', '2025')), template, { parkName });
    expect(result.ok ? '' : result.issues[0]!.message.zh).toBe('这是闵行园的填报表，不是金山园的。请上传本园区的填报表。');
  });

  it('reports both a wrong park and a wrong period at once', async () => {
    const result = await readTemplateWorkbook(await writeTemplateWorkbook(sampleTemplate('minhang', '2026')), template);
    expect(codes(result)).toEqual(['upload_wrong_park', 'upload_wrong_period']);
  });
});

describe('readTemplateWorkbook reads a ratio from its components, not from a formula the sheet could not compute', () => {
  const layout = layoutTemplate(template, 'zh');
  const col = (key: string) => layout.columns.find((c) => c.key === key)!.letter;
  const rowOf = (field: string) => layout.rows.find((r) => r.fieldKey === field)!.row;
  const derived = template.fields.filter((f) => f.derived).map((f) => f.key);

  // 营业收入 typed as "100亿" (read as 1000000万元 by the rules) makes the sheet's own
  // E24/E23*100 a #VALUE! in Excel, WPS and LibreOffice; the statistician typed nothing there.
  it.each(['#VALUE!', '#DIV/0!', '#NAME?'])('a derived cell whose formula shows %s is read as blank, so the rules compute it', async (error) => {
    const bytes = await edit(good, (wb) => {
      const ws = wb.getWorksheet(layout.sheetName)!;
      for (const f of template.fields) if (!f.derived) ws.getCell(`${col('value')}${rowOf(f.key)}`).value = 10;
      ws.getCell(`${col('value')}${rowOf('operating_revenue')}`).value = '１００亿';
      ws.getCell(`${col('value')}${rowOf('rd_expenditure')}`).value = '5.5亿';
      for (const key of derived) {
        const cell = ws.getCell(`${col('value')}${rowOf(key)}`);
        cell.value = { formula: (cell.value as { formula: string }).formula, result: { error } } as never;
      }
    });
    const result = await readTemplateWorkbook(bytes, template);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const key of derived) expect(result.input.figures[key]).toBeNull();
    const validated = validateReturn(template, result.input);
    expect(validated.issues.filter((i) => derived.some((key) => i.path === `figures.${key}`))).toEqual([]);
    expect(validated.derived.rd_share!.value).toBeCloseTo(5.5);
  });

  it('a value typed over the formula is still read, for the rules to check against its components', async () => {
    const bytes = await edit(good, (wb) => (wb.getWorksheet(layout.sheetName)!.getCell(`${col('value')}${rowOf('rd_share')}`).value = '#N/A'));
    const result = await readTemplateWorkbook(bytes, template);
    expect(result.ok && result.input.figures.rd_share).toBe('#N/A');
  });
});
