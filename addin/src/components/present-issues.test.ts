import { buildTemplate, loadCatalogue, validateReturn, type ReturnInput } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { isBlankReturn, presentIssues, remainingWork } from './present-issues.js';

const template = buildTemplate(loadCatalogue(), 'jinshan', { code: '2025', year: 2025, quarter: null }, { periodDays: 365, previous: null, baselines: {} });
const filled = (): ReturnInput => {
  const input: ReturnInput = { templateVersion: template.version, figures: {}, baselines: {} };
  for (const f of template.fields) if (!f.derived) input.figures[f.key] = 100;
  for (const f of template.fields) if (f.baseline && f.baseline.value === null && !f.derived) input.baselines![f.key] = 90;
  input.figures['operating_revenue'] = 12_800_000;
  input.figures['leading_industries_revenue'] = 6_500_000;
  input.figures['rd_expenditure'] = 384_000;
  return input;
};

describe('presentIssues', () => {
  it('shows a typo once, under the figure that was typed, not also on the locked ratio it spoils', () => {
    const input = filled();
    input.figures['rd_expenditure'] = 41_472_000; // two zeros too many: more than the whole revenue
    // The sheet's formula computes the share from it, and the sheet is read with it: 324%.
    input.figures['rd_share'] = (41_472_000 / 12_800_000) * 100;
    const result = validateReturn(template, input);
    expect(result.issues.some((i) => i.path === 'figures.rd_share' && i.severity === 'error')).toBe(true);
    const shown = presentIssues(template, result.issues);
    expect(shown.filter((i) => i.path === 'figures.rd_share' && i.severity === 'error')).toEqual([]);
    const moved = shown.find((i) => i.raisedOn === 'rd_share');
    expect(moved?.path).toBe('figures.rd_expenditure');
    // One row to correct; its own warnings (the jump from last year) wait for the correction.
    expect(remainingWork(shown, {}).errors).toBe(1);
    expect(shown.some((i) => i.path === 'figures.rd_expenditure' && i.severity === 'warning')).toBe(true);
    expect(remainingWork(shown, {}).unexplained).toBe(
      remainingWork(
        shown.filter((i) => i.path !== 'figures.rd_expenditure'),
        {},
      ).unexplained,
    );
  });

  it('keeps warnings on their own row, where their 说明 is filed', () => {
    const issue = { code: 'change_band', severity: 'warning' as const, path: 'figures.rd_share', params: {}, message: { zh: '', en: '' } };
    expect(presentIssues(template, [issue])).toEqual([issue]);
  });
});

describe('remainingWork', () => {
  it('counts blanks, rows to correct and warnings left to explain, and follows the explanations typed', () => {
    const input = filled();
    delete input.figures['pct_applications'];
    input.figures['hnte_valid'] = '';
    input.figures['rd_expenditure'] = '三百';
    const warning = { code: 'change_band', severity: 'warning' as const, path: 'figures.operating_revenue', params: {}, message: { zh: '', en: '' } };
    const shown = [...presentIssues(template, validateReturn(template, input).issues), warning];
    const before = remainingWork(shown, {});
    expect(before.unfilled).toBe(2);
    expect(before.errors).toBe(1);
    expect(before.unexplained).toBeGreaterThanOrEqual(1);
    expect(remainingWork(shown, { 'field:operating_revenue': '新增两家企业' }).unexplained).toBe(before.unexplained - 1);
    expect(remainingWork(shown, { 'field:operating_revenue': '   ' }).unexplained).toBe(before.unexplained);
  });
});

describe('isBlankReturn', () => {
  it.each([
    [{ templateVersion: 'v', figures: { a: null, b: '' }, baselines: { a: null }, explanations: {} }, true],
    [{ templateVersion: 'v', figures: { a: null, b: ' 0 ' } }, false],
    [{ templateVersion: 'v', figures: { a: 0 } }, false],
    [{ templateVersion: 'v', figures: {}, explanations: { 'field:a': '说明' } }, false],
  ] as Array<[ReturnInput, boolean]>)('%j → %s', (input, blank) => {
    expect(isBlankReturn(input)).toBe(blank);
  });
});
