import { describe, expect, it } from 'vitest';
import { consolidate, loadCatalogue, periodOf, reportingDays, type ParkReturnValues } from '@zj/shared';
import { periodLabel } from './period-label.js';
import { writeConsolidatedWorkbook } from './write-consolidated-workbook.js';
import { loadWorkbook, shown } from './__fixtures__/read-workbook.js';

/**
 * A quarterly consolidated workbook (docs/domain.md, "Periods and comparisons"): flows are year to
 * date, so 2026年1-6月 is compared with 2025年1-6月 (上年同期, 同比), never with 2026年1-3月, where
 * every flow would look like +100%.
 */
describe('the consolidated workbook of a quarter', async () => {
  const catalogue = loadCatalogue();
  const q = (year: number, quarter: 1 | 2 | 3 | 4, values: Record<string, number>): ParkReturnValues => ({
    park: 'minhang',
    period: periodOf(year, quarter).code,
    version: 1,
    values,
  });
  // 闵行园's first half: revenue 55,000,000万元 in 2026, 50,000,000万元 in the first half of 2025 (+10%).
  const half2026 = q(2026, 2, { operating_revenue: 55_000_000, value_added: 2_600_000, employees: 100_000 });
  const half2025 = q(2025, 2, { operating_revenue: 50_000_000, value_added: 2_400_000, employees: 100_000 });
  const [now, before] = [periodOf(2026, 2), periodOf(2025, 2)];
  const buffer = await writeConsolidatedWorkbook({
    catalogue,
    consolidation: consolidate(catalogue, now.code, [half2026], { periodDays: reportingDays(now) }),
    lastYear: consolidate(catalogue, before.code, [half2025], { periodDays: reportingDays(before) }),
    versions: [],
    generatedAt: '2026-07-20T02:00:00.000Z',
  });
  const wb = await loadWorkbook(buffer);
  const ws = wb.getWorksheet('闵行园')!;
  const rowOf = (code: string) => {
    for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(`C${r}`).value === code) return r;
    return -1;
  };

  it('prints the periods as readers write them', () => {
    expect(periodLabel('2026')).toBe('2026年');
    expect(periodLabel('2026Q1')).toBe('2026年1-3月');
    expect(periodLabel('2026Q3')).toBe('2026年1-9月');
    expect(shown(wb.getWorksheet('汇总')!.getCell('A1'))).toBe('张江高新区2026年1-6月主要指标汇总表');
    expect((ws.getRow(3).values as unknown[]).slice(5, 8)).toEqual(['本期数\n（2026年1-6月）', '上年同期\n（2025年1-6月）', '同比']);
  });

  it('compares a year-to-date flow with the same period of last year: +10%, not +100%', () => {
    const r = rowOf('operating_revenue');
    expect(shown(ws.getCell(`F${r}`))).toBe(50_000_000);
    expect(shown(ws.getCell(`G${r}`)) as number).toBeCloseTo(0.1, 12);
  });

  it('says a part-year 劳动生产率 is year to date, not annualised', () => {
    expect(String(shown(ws.getCell(`B${rowOf('labour_productivity')}`)))).toBe('劳动生产率（人均增加值）（本年累计，未年化）');
  });
});
