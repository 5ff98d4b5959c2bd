import { layoutTemplate } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../test/fake-excel/fake-excel.js';
import { useFakeExcel } from './__fixtures__/use-fake-excel.js';
import { syntheticTemplate } from './__fixtures__/synthetic-template.js';
import { ExcelError } from './excel-error.js';
import { writeTemplate } from './write-template.js';

const FOUR_MB = 4 * 1024 * 1024;

const fake = useFakeExcel();

describe('writeTemplate', () => {
  it.each([
    // rows, most syncs allowed (the look, the writes, the last one included)
    [40, 2],
    [4000, 5],
  ])('writes a %i-row template in at most %i syncs, each under 4 MB as office.js counts it', async (rows, maxSyncs) => {
    const template = syntheticTemplate(rows);
    const result = await writeTemplate(template, 'zh');

    expect(fake().runs).toEqual([{ delayForCellEdit: true }]);
    expect(fake().syncs.length).toBeLessThanOrEqual(maxSyncs);
    expect(result.stats.syncs).toBe(fake().syncs.length);
    // The fake builds office.js's request byte for byte; Excel.run's clean-up request counts too.
    for (const request of fake().requests) expect(request.bytes).toBeLessThan(FOUR_MB);
    // The batcher's estimate stays on the safe side of the request, and close to it.
    const measured = fake().syncs.map((s) => s.bytes);
    measured.forEach((bytes, i) => expect(bytes).toBeLessThanOrEqual(result.stats.bytesPerSync[i]!));
    measured.forEach((bytes, i) => bytes > 64 * 1024 && expect(result.stats.bytesPerSync[i]! / bytes).toBeLessThan(1.25));
    console.info(
      `${rows} rows: ${fake().syncs.length} syncs; office.js bytes per sync ${measured.join(', ')} (estimated ${result.stats.bytesPerSync.join(', ')}); clean-up ${fake()
        .cleanups.map((c) => c.bytes)
        .join(', ')}`,
    );
  });

  it('rewrites a 4000-row template with typed figures in at most 5 syncs, each under 4 MB', async () => {
    const template = syntheticTemplate(4000);
    await writeTemplate(template, 'zh');
    for (let row = 5; row < 4005; row += 3) fake().typeInto('填报表', `E${row}`, String(row));
    fake().resetSyncs();
    const result = await writeTemplate(template, 'zh');
    expect(result.keptDrafts).toBeGreaterThan(1000);
    console.info(
      `rewriting 4000 rows: ${fake().syncs.length} syncs; office.js bytes per sync ${fake()
        .syncs.map((s) => s.bytes)
        .join(', ')}`,
    );
    expect(fake().syncs.length).toBeLessThanOrEqual(5);
    for (const request of fake().requests) expect(request.bytes).toBeLessThan(FOUR_MB);
    fake().syncs.forEach((s, i) => expect(s.bytes).toBeLessThanOrEqual(result.stats.bytesPerSync[i]!));
  });

  it('keeps every sync under the budget it is given, with more syncs for a smaller budget', async () => {
    const template = syntheticTemplate(4000);
    const result = await writeTemplate(template, 'zh', { limitBytes: 512 * 1024 });
    expect(result.stats.bytesPerSync.every((b) => b <= 512 * 1024)).toBe(true);
    expect(Math.max(...fake().syncs.map((s) => s.bytes))).toBeLessThanOrEqual(512 * 1024);
    expect(fake().syncs.length).toBeGreaterThan(6);
  });

  it('writes exactly the shared layout: cells, formulas, formats, validation, locks, names, _meta', async () => {
    const template = syntheticTemplate(40);
    const layout = layoutTemplate(template, 'zh');
    await writeTemplate(template, 'zh');
    const sheet = fake().sheet(layout.sheetName);

    expect(fake().cell(layout.sheetName, 'A1')?.value).toBe(layout.title);
    // The formal return around the table: heading, signatures (yellow, unlocked) and the note.
    for (const block of layout.blocks) {
      const cell = sheet.cells.get(block.address);
      if (block.content.kind === 'text') expect(cell?.value, block.address).toBe(block.content.text);
      else expect([cell?.locked, cell?.fill, cell?.numberFormat], block.address).toEqual([false, '#FFF2CC', '@']);
    }
    layout.columns.forEach((c) => expect(fake().cell(layout.sheetName, `${c.letter}${layout.headerRow}`)?.value).toBe(c.header));
    for (const row of layout.rows) {
      for (const column of layout.columns) {
        const content = row.cells[column.key];
        const cell = sheet.cells.get(`${column.letter}${row.row}`);
        switch (content?.kind) {
          case 'text':
            expect(cell?.value).toBe(content.text);
            expect(cell?.locked).toBe(true);
            break;
          case 'number':
            expect(cell?.value).toBe(content.value);
            expect(cell?.numberFormat).toBe(content.numFmt);
            break;
          case 'formula':
            expect(cell?.formula).toBe(`=${content.formula}`);
            expect(cell?.numberFormat).toBe(content.numFmt);
            expect(cell?.locked).toBe(true);
            break;
          case 'input':
            expect(cell?.value).toBe('');
            expect(cell?.numberFormat).toBe(content.numFmt);
            expect(cell?.locked).toBe(false);
            expect(cell?.fill).toBe('#FFF2CC');
            expect(cell?.validation !== null).toBe(content.validation !== null);
            if (content.validation) {
              // Text passes (无, 3.4万, 1.2亿元): a custom rule, as in the .xlsx template.
              const rule = cell?.validation?.rule as Record<string, unknown>;
              expect(Object.keys(rule)).toEqual([content.validation.allowText ? 'custom' : content.validation.type === 'whole' ? 'wholeNumber' : 'decimal']);
              expect(cell?.validation?.prompt).toMatchObject({ showPrompt: true, message: content.validation.prompt });
            }
            break;
          default:
            expect(cell?.value ?? '').toBe('');
        }
      }
    }
    expect(sheet.protected).toBe(true);
    expect(sheet.frozenRows).toBe(layout.headerRow);
    expect(sheet.frozenColumns).toBe(2);
    expect(sheet.merges).toEqual(layout.blocks.flatMap((b) => (b.merge ? [b.merge] : [])));
    expect([...sheet.hiddenColumns]).toEqual([layout.columns.find((c) => c.key === 'code')!.letter]);
    expect(Object.fromEntries(fake().state.names)).toEqual(Object.fromEntries(layout.names.map((n) => [n.name, `=${n.ref}`])));
    const meta = fake().sheet(layout.metaSheetName);
    expect(meta.visibility).toBe('VeryHidden');
    layout.meta.forEach(([k, v], i) => {
      expect(meta.cells.get(`A${i + 1}`)?.value).toBe(k);
      expect(meta.cells.get(`B${i + 1}`)?.value).toBe(v);
    });
    // "2025" stays text in _meta (a number would read back as 2025, not "2025").
    expect(meta.cells.get('B2')?.numberFormat).toBe('@');
    const info = fake().sheet(layout.instructionsSheetName);
    layout.instructions.forEach((line, i) => expect(info.cells.get(`A${i + 1}`)?.value).toBe(line));
    expect(fake().state.activeSheet).toBe(layout.sheetName);
    expect(fake().state.selection).toEqual({ sheet: layout.sheetName, address: `E${layout.firstDataRow}` });
  });

  it('computes derived fields by formula from their components', async () => {
    const template = syntheticTemplate(10);
    const layout = layoutTemplate(template, 'zh');
    await writeTemplate(template, 'zh');
    // Row 9 (index 8) is part of row 8 (index 7); row 10 is their ratio × 100.
    expect(fake().typeInto(layout.sheetName, 'E12', '400')).toBeNull();
    expect(fake().typeInto(layout.sheetName, 'E13', '100')).toBeNull();
    expect(fake().valueOf(layout.sheetName, 'E14')).toBe(25);
  });

  // docs/domain.md, "Workbooks": the cells accept what the validator reads, and stop only numbers out of bounds.
  it('lets a statistician type 无, 3.4万 or 1.2亿元 into a figure, and stops a negative amount or half an enterprise', async () => {
    const template = syntheticTemplate(10);
    const layout = layoutTemplate(template, 'zh');
    await writeTemplate(template, 'zh');
    const amount = layout.rows.find((r) => (r.cells.value as { validation?: { type: string } } | undefined)?.validation?.type === 'decimal')!;
    const count = layout.rows.find((r) => (r.cells.value as { validation?: { type: string } } | undefined)?.validation?.type === 'whole')!;
    for (const text of ['无', '3.4万', '1.2亿元', '1234.5']) expect(fake().typeInto(layout.sheetName, `E${amount.row}`, text), text).toBeNull();
    expect(fake().typeInto(layout.sheetName, `E${amount.row}`, '-5')).toBe('invalid');
    expect(fake().typeInto(layout.sheetName, `E${count.row}`, '12')).toBeNull();
    expect(fake().typeInto(layout.sheetName, `E${count.row}`, '1.5')).toBe('invalid');
  });

  it('keeps what the user typed when the template is fetched again, even in the other language', async () => {
    const template = syntheticTemplate(40);
    const zh = layoutTemplate(template, 'zh');
    await writeTemplate(template, 'zh');
    expect(fake().typeInto(zh.sheetName, 'E5', '1234.5')).toBeNull();
    expect(fake().paste(zh.sheetName, 'E6', '3.4万')).toBeNull();
    expect(fake().typeInto(zh.sheetName, 'J6', '按万元填报有误，已改正')).toBeNull();
    const result = await writeTemplate(template, 'en');
    const en = layoutTemplate(template, 'en');
    expect(result.keptDrafts).toBe(2);
    expect(fake().findSheet(zh.sheetName)).toBeUndefined();
    expect(fake().valueOf(en.sheetName, 'E5')).toBe(1234.5);
    expect(fake().valueOf(en.sheetName, 'E6')).toBe('3.4万');
    expect(fake().valueOf(en.sheetName, 'J6')).toBe('按万元填报有误，已改正');
    expect(fake().state.sheets.filter((s) => s.name === en.metaSheetName)).toHaveLength(1);
  });

  it.each([
    ['zh', '填报表'],
    ['en', 'Return'],
  ] as const)('never clears a sheet of the user’s own that is named like the template (%s: %s): the template goes to a new sheet', async (lang, name) => {
    const own = fake().addSheet(name);
    for (let r = 1; r <= 30; r++) {
      fake().paste(name, `A${r}`, `企业${r}`);
      fake().paste(name, `B${r}`, r * 100);
    }
    fake().addSheet(lang === 'zh' ? '填报说明' : 'Instructions');
    fake().paste(lang === 'zh' ? '填报说明' : 'Instructions', 'A1', '我自己的说明');
    const template = syntheticTemplate(40);
    const result = await writeTemplate(template, lang);

    // What the user typed is all still there, untouched and unprotected.
    for (let r = 1; r <= 30; r++) {
      expect(fake().valueOf(name, `A${r}`)).toBe(`企业${r}`);
      expect(fake().valueOf(name, `B${r}`)).toBe(r * 100);
    }
    expect(own.protected).toBe(false);
    expect(fake().valueOf(lang === 'zh' ? '填报说明' : 'Instructions', 'A1')).toBe('我自己的说明');
    // The template is in a sheet of its own, and the rest of the pane follows it there.
    expect(result.layout.sheetName).toBe(`${name} (2)`);
    expect(result.leftAlone).toEqual({ sheet: name, reason: 'not_template' });
    const layout = layoutTemplate(template, lang);
    expect(fake().valueOf(`${name} (2)`, 'C5')).toBe(layout.rows[0]!.fieldKey);
    expect(fake().sheet(`${name} (2)`).protected).toBe(true);
    expect(fake().state.names.get('ZJ_VALUES')).toBe(`='${name} (2)'!$E$5:$E$44`);
    expect(fake().state.activeSheet).toBe(`${name} (2)`);
  });

  it('writes the template again into the sheet it chose before, keeping what was typed', async () => {
    fake().addSheet('填报表');
    fake().paste('填报表', 'A1', '我的数据');
    const template = syntheticTemplate(10);
    await writeTemplate(template, 'zh');
    fake().typeInto('填报表 (2)', 'E5', '12');
    const again = await writeTemplate(template, 'zh');
    expect(again.layout.sheetName).toBe('填报表 (2)');
    expect(again.keptDrafts).toBe(1);
    expect(fake().valueOf('填报表 (2)', 'E5')).toBe(12);
    expect(fake().findSheet('填报表 (3)')).toBeUndefined();
    expect(fake().valueOf('填报表', 'A1')).toBe('我的数据');
  });

  it('does not clear its own sheet once the user unprotected it and typed outside the yellow cells', async () => {
    const template = syntheticTemplate(10);
    await writeTemplate(template, 'zh');
    fake().typeInto('填报表', 'E5', '12');
    fake().unprotect('填报表');
    fake().paste('填报表', 'L5', '核对：与统计局口径一致');
    fake().paste('填报表', 'B20', '备注：数据来源于园区企业直报');
    const result = await writeTemplate(template, 'zh');
    expect(result.layout.sheetName).toBe('填报表 (2)');
    expect(result.leftAlone).toEqual({ sheet: '填报表', reason: 'unprotected' });
    expect(fake().valueOf('填报表', 'L5')).toBe('核对：与统计局口径一致');
    expect(fake().valueOf('填报表', 'B20')).toBe('备注：数据来源于园区企业直报');
    // The figure typed in the old sheet comes along to the new one.
    expect(fake().valueOf('填报表 (2)', 'E5')).toBe(12);
    expect(result.keptDrafts).toBe(1);
  });

  it('leaves the workbook as it was when Excel refuses a request half-way through a rewrite', async () => {
    const template = syntheticTemplate(400);
    await writeTemplate(template, 'zh');
    fake().typeInto('填报表', 'E5', '1234.5');
    fake().typeInto('填报表', 'J6', '口径调整');
    const sheetsBefore = fake().state.sheets.map((s) => s.name);
    // Two looks and two writes go through; the third write is refused.
    fake().refusals = [null, null, null, null, 'RequestPayloadSizeLimitExceeded'];
    const failed = await writeTemplate(template, 'zh', { limitBytes: 64 * 1024 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ExcelError);
    expect(fake().state.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(fake().valueOf('填报表', 'E5')).toBe(1234.5);
    expect(fake().valueOf('填报表', 'J6')).toBe('口径调整');
    expect(fake().sheet('填报表').protected).toBe(true);
    // And the next attempt rewrites it, keeping both.
    const again = await writeTemplate(template, 'zh');
    expect(again.keptDrafts).toBe(2);
    expect(fake().state.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  it('refuses to overwrite another return the user has typed into', async () => {
    const other = { ...syntheticTemplate(40), period: '2024' };
    await writeTemplate(other, 'zh');
    fake().typeInto('填报表', 'E5', '99');
    const error = await writeTemplate(syntheticTemplate(40), 'zh').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelError);
    expect(error).toMatchObject({ code: 'sheet_other_return', params: { period: '2024' } });
    expect(fake().valueOf('填报表', 'E5')).toBe(99);
  });

  it('waits while the user is editing a cell, and goes on when they leave it', async () => {
    const busy = new FakeExcel({ cellEditing: true });
    const restore = busy.install();
    try {
      let done = false;
      const writing = writeTemplate(syntheticTemplate(5), 'zh').then(() => (done = true));
      await new Promise((r) => setTimeout(r, 20));
      expect(done).toBe(false);
      busy.finishCellEdit();
      await writing;
      expect(busy.findSheet('填报表')).toBeDefined();
    } finally {
      restore();
    }
  });
});

describe('writeTemplate on Excel with ExcelApi 1.20', () => {
  it('asks for one undo step for the whole write', async () => {
    const newer = new FakeExcel({ supportedSets: { ExcelApi: '1.20' } });
    const restore = newer.install();
    try {
      await writeTemplate(syntheticTemplate(5), 'zh');
      expect(newer.runs).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);
    } finally {
      restore();
    }
  });
});
