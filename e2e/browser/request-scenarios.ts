import { layoutTemplate, makeIssue, type Issue } from '@zj/shared';
import { syntheticTemplate } from '../../addin/src/excel/__fixtures__/synthetic-template.js';
import { highlightIssues } from '../../addin/src/excel/highlight-issues.js';
import { selectCell } from '../../addin/src/excel/select-cell.js';
import { writeExplanation } from '../../addin/src/excel/write-explanation.js';
import { writeTemplate } from '../../addin/src/excel/write-template.js';

/**
 * The batches whose requests are measured: the same code runs in Chromium against office.js
 * and in Node against the fake Excel (e2e/browser/office-js-requests.browser.test.ts).
 * Each starts from a workbook holding only Sheet1, or, for the ones after a write, from the
 * template sheet (they read nothing, so office.js needs no answer about it).
 */
export const SCENARIOS = {
  'template 40 rows': () => writeTemplate(syntheticTemplate(40), 'zh'),
  'template 4000 rows': () => writeTemplate(syntheticTemplate(4000), 'zh'),
  'template 40 rows, English': () => writeTemplate(syntheticTemplate(40), 'en'),
  'highlight 3600 issues': () => highlightIssues(layoutTemplate(syntheticTemplate(4000), 'zh'), issuesOnEveryInput(4000)),
  'highlight 40 rows, 3 issues': () => highlightIssues(layoutTemplate(syntheticTemplate(40), 'zh'), issuesOnEveryInput(40).slice(0, 3)),
  'explanation and select': async () => {
    const layout = layoutTemplate(syntheticTemplate(40), 'zh');
    await writeExplanation(layout, 'indicator_0003', '统计口径调整，详见附件');
    await selectCell(layout, 'figures.indicator_0003');
  },
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

/** What the fake must hold before a scenario that reads nothing (a template written first). */
export const PREPARE: Partial<Record<ScenarioName, () => Promise<unknown>>> = {
  'highlight 3600 issues': () => writeTemplate(syntheticTemplate(4000), 'zh'),
  'highlight 40 rows, 3 issues': () => writeTemplate(syntheticTemplate(40), 'zh'),
  'explanation and select': () => writeTemplate(syntheticTemplate(40), 'zh'),
};

/** An error on every typed figure (3600 of 4000 rows: every tenth is a computed ratio). */
function issuesOnEveryInput(rows: number): Issue[] {
  const template = syntheticTemplate(rows);
  const error = makeIssue('value_missing', 'error', 'figures.x', { field: '第2项指标（营业收入、研发经费支出等）', fieldEn: 'Indicator 2', unit: '万元' });
  return template.fields.filter((f) => !f.derived).map((f) => ({ ...error, path: `figures.${f.key}` }));
}
