import { describe, expect, it } from 'vitest';
import { consolidate, declaredNoneOf, loadCatalogue, type ReturnVersion } from '@zj/shared';
import { writeConsolidatedWorkbook } from './write-consolidated-workbook.js';
import { makeSampleHistory } from './__fixtures__/sample-versions.js';
import { loadWorkbook, shown } from './__fixtures__/read-workbook.js';

const FIRST = 4;
const PARK_COL = 5;
const CODE = 'pct_applications';
const WHY = '本园今年无PCT申请(示例说明)';

/**
 * 金山园 typed 无 for PCT申请量 with an explanation (in a version stored before 无 was kept as 0:
 * null, derived from the figures as sent), 闵行园 left it blank. The workbook tells them apart:
 * 无 is an answer of 0 (docs/domain.md, "Declared none (无)"), shown 「无」; blank is 未填报.
 */
describe('the consolidated workbook: 无 is not 未填报', async () => {
  const catalogue = loadCatalogue();
  const history = makeSampleHistory(catalogue, [2025], { parks: ['jinshan', 'minhang', 'fengxian'] });
  const edit = (v: ReturnVersion): ReturnVersion => {
    if (v.park === 'jinshan') {
      // A version as stored before declaredNone was kept: derived from the figures as sent.
      const { declaredNone: _kept, ...old } = v;
      return {
        ...old,
        input: { ...v.input, figures: { ...v.input.figures, [CODE]: '无' }, explanations: { ...v.input.explanations, [`field:${CODE}`]: WHY } },
        values: { ...v.values, [CODE]: null },
      };
    }
    if (v.park === 'minhang')
      return { ...v, input: { ...v.input, figures: { ...v.input.figures, [CODE]: null } }, values: { ...v.values, [CODE]: null }, declaredNone: [] };
    return v;
  };
  const versions = history.versions.map(edit);
  const returns = versions.map((v) => ({ park: v.park, period: v.period, version: v.version, values: v.values, declaredNone: declaredNoneOf(v) }));
  const consolidation = consolidate(catalogue, '2025', returns, { periodDays: 365 });
  const buffer = await writeConsolidatedWorkbook({ catalogue, consolidation, lastYear: null, versions, generatedAt: '2026-02-01T08:00:00.000Z' });
  const wb = await loadWorkbook(buffer);
  const i = consolidation.rows.filter((r) => r.asked.length > 0).findIndex((r) => r.indicator === CODE);
  const row = consolidation.rows.find((r) => r.indicator === CODE)!;
  /** The row of an indicator on a park sheet, by its (hidden) code column. */
  const parkRow = (park: string) => {
    const ws = wb.getWorksheet(parkName(park))!;
    for (let r = FIRST; r <= ws.rowCount; r++) if (ws.getCell(`C${r}`).value === CODE) return r;
    return -1;
  };
  const col = (park: string) => PARK_COL + consolidation.units.indexOf(park);
  const parkName = (code: string) => catalogue.parks.find((p) => p.code === code)!.name.zh;

  it('consolidates 金山园 as answered 0, 闵行园 as missing', () => {
    expect(declaredNoneOf(versions.find((v) => v.park === 'jinshan')!)).toEqual([CODE]);
    expect(row.cells.find((c) => c.unit === 'jinshan')).toMatchObject({ value: 0, declaredNone: true });
    expect(row.cells.find((c) => c.unit === 'minhang')!.reason).toBe('not_reported');
    expect(row.missing).not.toContain('jinshan');
    expect(row.missing).toContain('minhang');
    expect(row.total.contributing).toContain('jinshan');
  });

  it('shows 无 on 汇总 (0 formatted "无", so the total formula adds 0) and 未填报 for the blank', () => {
    const ws = wb.getWorksheet('汇总')!;
    const r = ws.getRow(FIRST + i);
    expect(r.getCell(3).value).toBe(CODE);
    expect(shown(r.getCell(col('jinshan')))).toBe(0);
    expect(r.getCell(col('jinshan')).numFmt).toBe('"无"');
    expect(shown(r.getCell(col('minhang')))).toBe('未填报');
    const fengxian = row.cells.find((c) => c.unit === 'fengxian')!.value!;
    expect(shown(r.getCell(col('fengxian')))).toBe(fengxian);
    expect(shown(r.getCell(PARK_COL + consolidation.units.length))).toBe(fengxian);
    const notes = String(shown(r.getCell(PARK_COL + consolidation.units.length + 3)));
    expect(notes).toBe(`2园合计（${parkName('minhang')}未填报、金桥园未报送、青浦园未报送）`);
  });

  it('shows 无 with its explanation on the park sheet, and says what 无 means in 说明', () => {
    const ws = wb.getWorksheet(parkName('jinshan'))!;
    const at = parkRow('jinshan');
    expect(shown(ws.getCell(`E${at}`))).toBe(0);
    expect(ws.getCell(`E${at}`).numFmt).toBe('"无"');
    expect(String(shown(ws.getCell(`H${at}`)))).toContain(WHY);
    expect(shown(wb.getWorksheet(parkName('minhang'))!.getCell(`E${parkRow('minhang')}`))).toBe('');
    const notes: string[] = [];
    wb.getWorksheet('说明')!.eachRow((r) => r.eachCell((c) => void notes.push(String(shown(c)))));
    expect(notes.join('\n')).toContain('园区填报为“无”的，按0计入合计');
  });
});
