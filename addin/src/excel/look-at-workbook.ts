import { layoutTemplate, type TemplateLayout, type TemplateModel } from '@zj/shared';
import { ExcelError } from './excel-error.js';
import { metaRangeAddress, parseMeta, sheetOfReference, VALUES_NAME } from './find-template-sheets.js';
import { letterOf, type SheetDraft } from './plan-template-writes.js';
import { REQUEST_COSTS, type SyncBudget } from './sync-budget.js';

/** `填报表`, `填报表 (2)`, `Return (3)`…: names the add-in may have given a template sheet. */
const TEMPLATE_SHEET = /^(填报表|Return)( \(\d+\))?$/;
const INSTRUCTIONS_SHEET = /^(填报说明|Instructions)( \(\d+\))?$/;

/** A sheet that may hold this return's template, as found in the workbook. */
export interface FoundTemplateSheet {
  name: string;
  /** Laid out as a template of the return _meta names: the code header and only its field codes. */
  isTemplate: boolean;
  /** _meta names the park and period of the template asked for. */
  sameReturn: boolean;
  /** Protected, as the add-in leaves it: only the yellow input cells could have been typed in. */
  protected: boolean;
  /** What was typed in its input columns, by field code. */
  drafts: Map<string, SheetDraft>;
  /** Something was typed into an input cell (formulas of the template itself do not count). */
  typed: boolean;
}

export interface WorkbookLook {
  /** Every sheet's name and visibility. */
  sheets: Map<string, string>;
  /** Every sheet's position (0 for the first tab). */
  positions: Map<string, number>;
  /** The _meta key-value rows, or null without a _meta sheet of ours. */
  meta: Record<string, string> | null;
  /** A visible sheet named _meta that is not ours: the template cannot be written. */
  metaTaken: boolean;
  /** The template sheet candidates, the one ZJ_VALUES points at first. */
  templateSheets: FoundTemplateSheet[];
  /** Instructions sheets the add-in wrote (protected, its title in A1, only column A used). */
  instructionsSheets: string[];
  /** Defined names of the workbook. */
  names: Array<{ name: string; formula: string }>;
}

const TITLES = new Set(['填报说明', 'Instructions']);

/**
 * Looks at the workbook before the template is written, in at most two syncs: the sheets and
 * defined names, then, where a sheet may be a template of ours, its _meta, protection, extent
 * and the typed input columns. Nothing is changed.
 */
export async function lookAtWorkbook(context: Excel.RequestContext, budget: SyncBudget, template: TemplateModel): Promise<WorkbookLook> {
  const workbook = context.workbook;
  const zh = layoutTemplate(template, 'zh');
  const c = REQUEST_COSTS;
  await budget.reserve(4 * c.object + 4 * c.command + 100);
  workbook.load('readOnly');
  workbook.protection.load('protected');
  workbook.worksheets.load('items/name,items/visibility,items/position');
  workbook.names.load('items/name,items/formula');
  await budget.flush();
  // Said before anything is written: the template adds and replaces sheets.
  if (workbook.readOnly) throw new ExcelError('workbook_read_only');
  if (workbook.protection.protected) throw new ExcelError('workbook_protected');
  const sheets = new Map(workbook.worksheets.items.map((s) => [s.name, String(s.visibility)]));
  const positions = new Map(workbook.worksheets.items.map((s) => [s.name, s.position]));
  const names = workbook.names.items.map((n) => ({ name: n.name, formula: String(n.formula ?? '') }));

  const pointed = sheetOfReference(names.find((n) => n.name === VALUES_NAME)?.formula);
  const candidates = [
    ...(pointed !== null && sheets.has(pointed) ? [pointed] : []),
    ...[...sheets.keys()].filter((n) => n !== pointed && TEMPLATE_SHEET.test(n)),
  ];
  const infoCandidates = [...sheets.keys()].filter((n) => INSTRUCTIONS_SHEET.test(n));
  const metaVisibility = sheets.get(zh.metaSheetName);
  if (candidates.length === 0 && infoCandidates.length === 0 && metaVisibility === undefined) {
    return { sheets, positions, meta: null, metaTaken: false, templateSheets: [], instructionsSheets: [], names };
  }

  // One sync for everything that may be ours.
  await budget.reserve(
    2 * (c.object + c.range + c.command) +
      candidates.length * (2 * c.object + 3 * c.range + 3 * c.command + 200) +
      infoCandidates.length * (2 * c.object + 2 * c.range + 3 * c.command + 200),
  );
  const metaRange = metaVisibility === undefined ? null : workbook.worksheets.getItem(zh.metaSheetName).getRange(metaRangeAddress(zh));
  metaRange?.load('values');
  const code = letterOf(zh, 'code');
  const explanation = letterOf(zh, 'explanation');
  const looks = candidates.map((name) => {
    const sheet = workbook.worksheets.getItem(name);
    sheet.protection.load('protected');
    const header = sheet.getRange(`${code}${zh.headerRow}`);
    header.load('values');
    const block = sheet.getRange(`${code}:${explanation}`).getUsedRangeOrNullObject(true);
    block.load('formulas,rowIndex');
    return { name, protection: sheet.protection, header, block };
  });
  const infos = infoCandidates.map((name) => {
    const sheet = workbook.worksheets.getItem(name);
    sheet.protection.load('protected');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('columnIndex,columnCount');
    const title = sheet.getRange('A1');
    title.load('values');
    return { name, protection: sheet.protection, used, title };
  });
  await budget.flush();

  const rawMeta = metaRange ? parseMeta(metaRange.values as unknown[][]) : null;
  // A sheet named _meta the user made (visible, not our key-value rows) is not ours to clear.
  const metaTaken = metaVisibility !== undefined && metaVisibility !== 'VeryHidden' && rawMeta?.['park'] === undefined;
  const meta = rawMeta && !metaTaken && rawMeta['park'] !== undefined ? rawMeta : null;
  const fields = new Set((meta?.['fields'] ?? '').split(',').filter(Boolean));
  const templateSheets = looks.map((look): FoundTemplateSheet => {
    const rows = look.block.isNullObject ? [] : (look.block.formulas as unknown[][]);
    const firstRow = look.block.isNullObject ? 0 : look.block.rowIndex + 1;
    const dataRows = rows.filter((_, i) => firstRow + i >= zh.firstDataRow);
    const codes = dataRows.map((r) => r[0]).filter((c) => c !== '' && c !== null && c !== undefined);
    const headerText = String((look.header.values as unknown[][])[0]?.[0] ?? '');
    const isTemplate =
      meta !== null && (headerText === '代码' || headerText === 'Code') && codes.length > 0 && codes.every((c) => typeof c === 'string' && fields.has(c));
    const drafts = isTemplate ? readDrafts(zh, dataRows) : new Map<string, SheetDraft>();
    const typed = [...drafts.values()].some((d) => [d.value, d.baseline, d.explanation].some((v) => v !== undefined && !String(v).startsWith('=')));
    return {
      name: look.name,
      isTemplate,
      sameReturn: isTemplate && meta?.['park'] === template.park && meta?.['period'] === template.period,
      protected: look.protection.protected,
      drafts,
      typed,
    };
  });
  const instructionsSheets = infos
    .filter(
      (i) =>
        i.protection.protected &&
        !i.used.isNullObject &&
        i.used.columnIndex === 0 &&
        i.used.columnCount === 1 &&
        TITLES.has(String((i.title.values as unknown[][])[0]?.[0] ?? '')),
    )
    .map((i) => i.name);
  return { sheets, positions, meta, metaTaken, templateSheets, instructionsSheets, names };
}

/**
 * Figures, baselines and explanations typed in a template sheet's rows (columns code to
 * explanation), by field code, so they survive a template whose rows moved.
 */
function readDrafts(layout: TemplateLayout, rows: unknown[][]): Map<string, SheetDraft> {
  const code = letterOf(layout, 'code').charCodeAt(0);
  const offset = (key: 'value' | 'baseline' | 'explanation') => letterOf(layout, key).charCodeAt(0) - code;
  const filled = (v: unknown): v is string | number => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '');
  const drafts = new Map<string, SheetDraft>();
  for (const row of rows) {
    const key = row[0];
    if (typeof key !== 'string' || key === '') continue;
    const draft: SheetDraft = {};
    const value = row[offset('value')];
    const baseline = row[offset('baseline')];
    const text = row[offset('explanation')];
    if (filled(value)) draft.value = value;
    if (filled(baseline)) draft.baseline = baseline;
    if (filled(text)) draft.explanation = text;
    if (Object.keys(draft).length > 0) drafts.set(key, draft);
  }
  return drafts;
}
