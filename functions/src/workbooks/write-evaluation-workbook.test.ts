import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { writeEvaluationWorkbook } from './write-evaluation-workbook.js';
import { convertWithLibreOffice } from './libreoffice.js';
import { STATUS_RULES } from '@zj/shared';
import { sampleEvaluationInput } from './__fixtures__/sample-evaluation.js';
import { formulaCells, formulaMismatches, loadWorkbook, shown } from './__fixtures__/read-workbook.js';
import { SOFFICE } from './__fixtures__/lo-available.js';
import { cutOffText } from './__fixtures__/cut-off-text.js';
import { PDFTOPPM, countColour, pdfFonts, renderPage } from './__fixtures__/render-pdf.js';
import { pdfPages } from './__fixtures__/pdf-words.js';

const input = sampleEvaluationInput();
const { evaluation, catalogue } = input;
const buffer = await writeEvaluationWorkbook(input);
const wb = await loadWorkbook(buffer);
const parkName = (code: string) => catalogue.parks.find((p) => p.code === code)!.name.zh;
const parks = catalogue.parks.map((p) => p.code).filter((p) => evaluation.evaluations.some((e) => e.park === p));
const label = (s: string) => STATUS_RULES.find((r) => r.status === s)!.label.zh;
const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts/workbooks');

const leader = (unit: string, value: number | null) => (value === null ? '' : unit === '万元' || unit === '平方米' ? value / 10_000 : value);

describe('writeEvaluationWorkbook', () => {
  it('has 总览, a sheet per park with targets, 进度图 (the charts of the parks), 园区比较 and 说明', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', ...parks.map(parkName), '进度图', '园区比较', '说明']);
  });

  it('breaks park-sheet headers before the year, never inside it, and gives 状态 and 序号 room to print on one line', () => {
    const ws = wb.getWorksheet(parkName(parks[0]!))!;
    const header = [...Array(13).keys()].map((i) => String(ws.getRow(3).getCell(i + 1).value));
    for (const h of header.filter((t) => t.includes('年）'))) expect(h, h).toMatch(/^[^（]+\n（[^\n]+）$/);
    // 符合序时进度 (six characters, bold) and 序号 on one line: about 2 width units a character at 9 pt and more.
    expect(ws.getColumn(10).width).toBeGreaterThanOrEqual(13);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(4.5);
  });

  it('shows every target’s target, baseline, actual (amounts in 亿元), completion, 时间进度, 目标增量完成进度, status and quote as evaluated', () => {
    for (const park of parks) {
      const ws = wb.getWorksheet(parkName(park))!;
      evaluation.evaluations
        .filter((e) => e.park === park)
        .forEach((e, i) => {
          const r = 4 + i;
          const v = (col: string) => shown(ws.getCell(`${col}${r}`));
          const where = e.targetId;
          const near = (got: number | string, want: number | null) =>
            want === null ? expect(got, where).toBe('') : expect(got as number, where).toBeCloseTo(want, 9);
          near(v('D'), leader(e.unit, e.target.value) as number);
          expect(v('E'), where).toBe(leader(e.unit, e.baseline.value));
          expect(v('F'), where).toBe(leader(e.unit, e.actual.value));
          near(v('G'), e.completion.value);
          near(v('H'), e.expected.elapsed);
          near(v('I'), e.increment.value);
          expect(v('J'), where).toBe(label(e.status));
          if (e.growthNeeded.value !== null && (e.growthNeeded.kind !== 'amount_per_year' || e.unit === '%')) near(v('K'), e.growthNeeded.value);
          expect(String(v('M')), where).toContain(e.quote);
          expect(ws.getCell(`C${r}`).value, where).toBe(e.unit === '万元' ? '亿元' : e.unit === '平方米' ? '万平方米' : e.unit);
        });
    }
  });

  it('heads the columns truthfully: 时间进度 beside 完成率, and 目标增量完成进度, never 序时进度要求', () => {
    const headers = (wb.getWorksheet(parkName(parks[0]!))!.getRow(3).values as unknown[]).filter((x) => typeof x === 'string') as string[];
    expect(headers.slice(6, 9)).toEqual(['完成率', '时间进度', '目标增量完成进度']);
    expect(headers.join()).not.toContain('序时进度要求');
  });

  it('covers the statuses the sample data has and counts them per park on 总览, with a 合计 row and 制表/审核 lines', () => {
    expect(new Set(evaluation.evaluations.map((e) => e.status))).toEqual(
      new Set(['completed', 'ahead', 'on_track', 'behind', 'cannot_judge', 'not_reported'].filter((s) => evaluation.evaluations.some((e) => e.status === s))),
    );
    const ws = wb.getWorksheet('总览')!;
    expect((ws.getRow(3).values as unknown[]).slice(3, 9)).toEqual(STATUS_RULES.map((r) => r.label.zh));
    parks.forEach((park, i) => {
      const rows = evaluation.evaluations.filter((e) => e.park === park);
      STATUS_RULES.forEach(({ status }, j) => {
        expect(shown(ws.getRow(4 + i).getCell(3 + j)), `${park}/${status}`).toBe(rows.filter((e) => e.status === status).length);
      });
    });
    const total = ws.getRow(4 + parks.length);
    expect(shown(total.getCell(1))).toBe('合计');
    expect(shown(total.getCell(2))).toBe(evaluation.evaluations.length);
    STATUS_RULES.forEach(({ status }, j) => expect(shown(total.getCell(3 + j))).toBe(evaluation.evaluations.filter((e) => e.status === status).length));
    expect(String(shown(ws.getCell(`A${6 + parks.length}`)))).toMatch(/^制表人：.+审核人：.+制表日期：2026年2月1日$/);
  });

  it('ranks the parks on the common indicators, a park per row', () => {
    const ws = wb.getWorksheet('园区比较')!;
    const ranked = new Set(input.rankings.rankings.flatMap((r) => r.entries.map((e) => e.park)));
    const order = catalogue.parks.map((p) => p.code).filter((p) => ranked.has(p));
    order.forEach((park, i) => expect(shown(ws.getCell(`A${5 + i}`))).toBe(parkName(park)));
    input.rankings.rankings.forEach((ranking, k) => {
      expect(shown(ws.getRow(3).getCell(2 + 2 * k))).toBe(ranking.name.zh);
      for (const entry of ranking.entries) {
        const row = ws.getRow(5 + order.indexOf(entry.park));
        expect(shown(row.getCell(2 + 2 * k))).toBe(leader(ranking.unit, entry.value));
        expect(shown(row.getCell(3 + 2 * k))).toBe(entry.rank ?? '—');
      }
    });
  });

  it('prints no text cut off: every wrapped row is tall enough, every unwrapped text fits its column', () => {
    expect(cutOffText(wb)).toEqual([]);
  });

  it('states the status thresholds as the evaluation defines them, and the catalogue’s readings in Chinese', () => {
    const texts: string[] = [];
    wb.getWorksheet('说明')!.eachRow((row) => texts.push(String(shown(row.getCell(2)))));
    for (const rule of STATUS_RULES) expect(texts).toContain(rule.rule.zh);
    const noted = evaluation.evaluations.find((e) => e.targetNote)!;
    expect(texts).toContain(noted.targetNote!.zh);
    expect(texts.join('\n')).toContain('建成1-2家具有影响力的高质量孵化器');
    expect(texts.join('\n')).toContain('努力打造千亿级产业集群');
  });

  it('carries a native chart for every park on 进度图: chart parts, drawing, relationships, content types', () => {
    const files = unzipSync(buffer);
    const charts = Object.keys(files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(parks.length);
    const types = strFromU8(files['[Content_Types].xml']!);
    for (const c of charts) expect(types).toContain(`PartName="/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    // One drawing, on 进度图 (the sheet after the parks'): the charts print without a table's headers above them.
    const sheetsWithDrawing = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f) && /<drawing r:id="/.test(strFromU8(files[f]!)));
    expect(sheetsWithDrawing).toEqual([`xl/worksheets/sheet${parks.length + 2}.xml`]);
    expect(wb.getWorksheet('进度图')!.pageSetup.printTitlesRow ?? '').not.toContain('3');
    expect(charts.map((c) => strFromU8(files[c]!)).join('')).toContain(`<c:f>&apos;${parkName(parks[0]!)}&apos;!$I$4:`);
  });

  it.skipIf(!SOFFICE)(
    'LibreOffice recalculates every formula to its cached value',
    async () => {
      expect(formulaCells(wb).length).toBeGreaterThan(100);
      expect(await formulaMismatches(buffer, await convertWithLibreOffice(buffer, 'xlsx'))).toEqual([]);
    },
    180_000,
  );

  it.skipIf(!SOFFICE || !PDFTOPPM)(
    'renders the chart and the Chinese text when LibreOffice prints the park sheet to PDF',
    async () => {
      const pdf = await convertWithLibreOffice(buffer, 'pdf');
      expect(pdfFonts(pdf).some((f) => /CJK/i.test(f))).toBe(true);
      mkdirSync(ARTIFACTS, { recursive: true });
      const files = unzipSync(buffer);
      const chartXml = Object.keys(files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
        .map((f) =>
          strFromU8(files[f]!)
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&'),
        );
      // Page 1 is 总览; then the parks' targets (金山园's 14 take two pages); then 进度图, a park's chart a page.
      const pages = pdfPages(pdf);
      const chartPages = pages.flatMap((text, i) => (text.includes('目标增量完成进度与时间进度') ? [i + 1] : []));
      const chartPage = chartPages[0]!;
      expect(chartPage).toBeGreaterThan(2);
      expect(chartPages).toHaveLength(parks.length);
      for (const [i, p] of chartPages.entries()) {
        const page = pages[p - 1]!;
        expect(page).toMatch(new RegExp(`${parkName(parks[i]!)}\\s*${evaluation.year}\\s*年\\s*目标增量完成进度与时间进度`));
        // The whole chart on its page (axis title, legend), under no table's column headers.
        expect(page).toContain('占目标增量或方案期的比例');
        expect(page).toMatch(/时间进度[\s\S]*目标增量完成进度/);
        expect(page).not.toContain('目标原文');
        expect(page).not.toContain('序号');
        // Every bar labelled: a label too long made LibreOffice skip every other one (闵行园's 11).
        const labels = [...chartXml[i]!.matchAll(/<c:cat>[\s\S]*?<\/c:cat>/g)][0]![0].match(/<c:v>[^<]*<\/c:v>/g)!.map((v) => v.slice(5, -6));
        expect(labels.length, parkName(parks[i]!)).toBe(evaluation.evaluations.filter((e) => e.park === parks[i]).length);
        const flat = page.replace(/\s+/g, '');
        expect(
          labels.filter((l) => !flat.includes(l.replace(/\s+/g, ''))),
          parkName(parks[i]!),
        ).toEqual([]);
      }
      const table = renderPage(pdf, 2, join(ARTIFACTS, 'evaluation-park-table.png'));
      const chart = renderPage(pdf, chartPage, join(ARTIFACTS, 'evaluation-park-chart.png'));
      // The two series' bar colours appear only in the chart: on its page, not on the table's.
      expect(countColour(chart.rgb, '2F6EBA')).toBeGreaterThan(2000);
      expect(countColour(chart.rgb, 'F4B183')).toBeGreaterThan(2000);
      expect(countColour(table.rgb, '2F6EBA')).toBe(0);
    },
    180_000,
  );
});

describe('writeEvaluationWorkbook: 无 shows as 「无」 and computes as 0', async () => {
  const e0 = evaluation.evaluations.find((e) => e.actual.source === 'reported' && e.actual.value !== null)!;
  const none = { ...e0, actual: { ...e0.actual, value: 0, declaredNone: true as const } };
  const edited = { ...input, evaluation: { ...evaluation, evaluations: evaluation.evaluations.map((e) => (e === e0 ? none : e)) } };
  const book = await loadWorkbook(await writeEvaluationWorkbook(edited));
  it('writes 0 with the number format "无" in 实际值', () => {
    const i = evaluation.evaluations.filter((e) => e.park === e0.park).indexOf(e0);
    const cell = book.getWorksheet(parkName(e0.park))!.getCell(`F${4 + i}`);
    expect([cell.value, cell.numFmt]).toEqual([0, '"无"']);
  });
});
