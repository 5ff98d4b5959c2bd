import { DEFINED_NAMES, layoutTemplate, type TemplateLayout, type TemplateModel } from '@zj/shared';

/** Sheet names a template of this return may have in the workbook: it may have been written in either language. */
export function templateSheetNames(template: TemplateModel): { sheet: string[]; instructions: string[] } {
  const zh = layoutTemplate(template, 'zh');
  const en = layoutTemplate(template, 'en');
  return { sheet: [zh.sheetName, en.sheetName], instructions: [zh.instructionsSheetName, en.instructionsSheetName] };
}

/** Reads the key-value rows of the _meta sheet (as loaded `values`) into a record. */
export function parseMeta(values: unknown[][]): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const [k, v] of values) {
    if (typeof k === 'string' && k !== '') meta[k] = v === null || v === undefined ? '' : String(v);
  }
  return meta;
}

export function metaRangeAddress(layout: TemplateLayout): string {
  return `A1:B${layout.meta.length + 4}`;
}

/**
 * The sheet a defined name points at: `='填报表 (2)'!$E$5:$E$44` → 填报表 (2). The add-in keeps
 * ZJ_VALUES on the sheet it wrote the template into, which need not be named 填报表 (a sheet of
 * the user's own may have that name).
 */
export function sheetOfReference(formula: string | null | undefined): string | null {
  if (!formula) return null;
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula.trim());
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
}

/** The name ZJ_VALUES is kept under: where to look first for the template sheet. */
export const VALUES_NAME = DEFINED_NAMES.values;

/** `填报表`, or `填报表 (2)`, `填报表 (3)`… the first name no sheet has (Excel compares names without case). */
export function freeSheetName(base: string, present: Iterable<string>): string {
  const taken = new Set([...present].map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * The layout as written into sheets of other names: the template sheet (and its defined names)
 * and the instructions sheet. Formulas refer to cells of their own sheet, so they stay as they are.
 */
export function placeLayout(layout: TemplateLayout, sheetName: string, instructionsSheetName = layout.instructionsSheetName): TemplateLayout {
  if (sheetName === layout.sheetName && instructionsSheetName === layout.instructionsSheetName) return layout;
  const quoted = (name: string) => `'${name.replace(/'/g, "''")}'!`;
  return {
    ...layout,
    sheetName,
    instructionsSheetName,
    names: layout.names.map((n) => ({ ...n, ref: n.ref.replace(quoted(layout.sheetName), quoted(sheetName)) })),
  };
}
