/**
 * Feature checks. The manifest asks for ExcelApi 1.8, so everything up to 1.8 is there whenever
 * the add-in runs in Excel; anything newer is asked for here before it is used.
 */
export type Capability = 'insertWorksheets' | 'mergeUndo';

const NEEDS: Record<Capability, [string, string]> = {
  // Workbook.insertWorksheetsFromBase64
  insertWorksheets: ['ExcelApi', '1.13'],
  // RunOptions.mergeUndoGroup: one undo step for a whole template write
  mergeUndo: ['ExcelApi', '1.20'],
};

export function isSupported(capability: Capability): boolean {
  const [set, version] = NEEDS[capability];
  const requirements = typeof Office === 'undefined' ? undefined : Office.context?.requirements;
  return requirements?.isSetSupported(set, version) ?? false;
}

/** True when an Excel object model is present (in Excel, or a test's stand-in). */
export function hasExcel(): boolean {
  return typeof Excel !== 'undefined' && typeof Excel.run === 'function';
}

/** Office's UI language, e.g. "zh-CN"; null outside Office. */
export function officeDisplayLanguage(): string | null {
  if (typeof Office === 'undefined') return null;
  return Office.context?.displayLanguage ?? null;
}

/**
 * Excel on the web: its insertWorksheetsFromBase64 leaves a workbook's charts out, so a workbook
 * with charts is opened with createWorkbook there.
 */
export function onTheWeb(): boolean {
  if (typeof Office === 'undefined') return false;
  return String(Office.context?.platform ?? '') === 'OfficeOnline';
}
