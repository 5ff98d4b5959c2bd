import { layoutTemplate, type TemplateLayout, type TemplateModel } from '@zj/shared';

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
