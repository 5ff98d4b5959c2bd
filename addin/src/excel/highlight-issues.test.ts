import { layoutTemplate, makeIssue } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { useFakeExcel } from './__fixtures__/use-fake-excel.js';
import { syntheticTemplate } from './__fixtures__/synthetic-template.js';
import { highlightIssues } from './highlight-issues.js';
import { selectCell } from './select-cell.js';
import { writeExplanation } from './write-explanation.js';
import { writeTemplate } from './write-template.js';

const fake = useFakeExcel();

const error = makeIssue('value_missing', 'error', 'figures.indicator_0001', { field: '第2项指标', fieldEn: 'Indicator 2', unit: '万元' });
const warning = {
  ...error,
  code: 'change_band',
  severity: 'warning' as const,
  path: 'baselines.indicator_0000',
  message: { zh: '变动超过50%', en: 'Changed by more than 50%' },
};

describe('highlightIssues', () => {
  it('fills the cells with issues and writes the messages in the row’s check cell; the next run clears them', async () => {
    const template = syntheticTemplate(40);
    const layout = layoutTemplate(template, 'zh');
    await writeTemplate(template, 'zh');
    await highlightIssues(layout, [error, warning]);
    const s = layout.sheetName;
    expect(fake().cell(s, 'E6')?.fill).toBe('#FFC7CE');
    expect(fake().valueOf(s, 'I6')).toBe(`✖ ${error.message.zh}`);
    expect(fake().cell(s, 'G5')?.fill).toBe('#F8CBAD');
    expect(fake().valueOf(s, 'I5')).toBe('⚠ 变动超过50%');
    expect(fake().cell(s, 'E5')?.fill).toBe('#FFF2CC');
    expect(fake().sheet(s).protected).toBe(true);

    await highlightIssues(layout, [warning]);
    expect(fake().cell(s, 'E6')?.fill).toBe('#FFF2CC');
    expect(fake().valueOf(s, 'I6')).toBe('');
    // Derived (formula) cells get their grey back.
    expect(fake().cell(s, 'E14')?.fill).toBe('#F2F2F2');
  });

  it('puts the protection back when Excel refuses a request half-way', async () => {
    const template = syntheticTemplate(400);
    const layout = layoutTemplate(template, 'zh');
    await writeTemplate(template, 'zh');
    const issues = template.fields.map((f) => ({ ...error, path: `figures.${f.key}` }));
    // The first request (it unprotects the sheet) goes through; the second is refused.
    fake().refusals = [null, 'RequestPayloadSizeLimitExceeded'];
    const failed = await highlightIssues(layout, issues, 32 * 1024).catch((e: unknown) => e);
    expect(failed).toMatchObject({ name: 'ExcelError' });
    expect(fake().sheet(layout.sheetName).protected).toBe(true);
    // The user still cannot type over the template's locked cells.
    expect(fake().typeInto(layout.sheetName, 'B5', 'x')).toBe('locked');
  });

  it('marks 3600 issues of a 4000-row sheet in 3 syncs, each under 4 MB as office.js counts it', async () => {
    const template = syntheticTemplate(4000);
    const layout = layoutTemplate(template, 'zh');
    await writeTemplate(template, 'zh');
    fake().resetSyncs();
    const issues = template.fields.filter((f) => !f.derived).map((f) => ({ ...error, path: `figures.${f.key}` }));
    expect(issues).toHaveLength(3600);
    const stats = await highlightIssues(layout, issues);
    expect(stats.syncs).toBeLessThanOrEqual(3);
    for (const request of fake().requests) expect(request.bytes).toBeLessThan(4 * 1024 * 1024);
    fake().syncs.forEach((s, i) => expect(s.bytes).toBeLessThanOrEqual(stats.bytesPerSync[i]!));
    console.info(
      `3600 issues: office.js bytes per sync ${fake()
        .syncs.map((s) => s.bytes)
        .join(', ')} (estimated ${stats.bytesPerSync.join(', ')}); clean-up ${fake()
        .cleanups.map((c) => c.bytes)
        .join(', ')}`,
    );
  });
});

describe('selectCell and writeExplanation', () => {
  it('selects the cell of an issue path, and writes an explanation into the unlocked 说明 cell of a protected sheet', async () => {
    const template = syntheticTemplate(10);
    const layout = layoutTemplate(template, 'zh');
    await writeTemplate(template, 'zh');
    expect(await selectCell(layout, 'baselines.indicator_0003')).toBe(true);
    expect(fake().state.selection).toEqual({ sheet: '填报表', address: 'G8' });
    expect(await selectCell(layout, 'templateVersion')).toBe(false);
    await writeExplanation(layout, 'indicator_0003', '统计口径调整');
    expect(fake().valueOf('填报表', 'J8')).toBe('统计口径调整');
  });
});
