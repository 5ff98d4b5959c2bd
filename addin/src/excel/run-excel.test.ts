import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../test/fake-excel/fake-excel.js';
import { syntheticTemplate } from './__fixtures__/synthetic-template.js';
import { useFakeExcel } from './__fixtures__/use-fake-excel.js';
import { toExcelError } from './excel-error.js';
import { highlightIssues } from './highlight-issues.js';
import { onWaitingForCellEdit } from './run-excel.js';
import { writeTemplate } from './write-template.js';
import { layoutTemplate } from '@zj/shared';

const fake = useFakeExcel();
const office = (code: string) => Object.assign(new Error(code), { code, name: 'RichApi.Error' });

describe('Excel errors by their cause', () => {
  it.each([
    ['RequestPayloadSizeLimitExceeded', 'request_too_large'],
    ['InvalidArgument', 'invalid_argument'],
    ['ItemNotFound', 'item_not_found'],
    ['InvalidOperationInCellEditMode', 'cell_editing'],
    ['AccessDenied', 'sheet_protected'],
    ['ApiNotFound', 'api_unsupported'],
    ['GeneralException', 'excel_failed'],
  ])('Office.js %s → %s', (code, ours) => {
    expect(toExcelError(office(code)).code).toBe(ours);
  });

  it('says, before writing anything, that the workbook structure is protected', async () => {
    fake().state.structureProtected = true;
    await expect(writeTemplate(syntheticTemplate(5), 'zh')).rejects.toMatchObject({ code: 'workbook_protected' });
    expect(fake().state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('says, before writing anything, that the workbook is read-only', async () => {
    fake().state.readOnly = true;
    await expect(writeTemplate(syntheticTemplate(5), 'zh')).rejects.toMatchObject({ code: 'workbook_read_only' });
  });

  it('tells a refusal of a read-only workbook from a protected sheet when it comes mid-way', async () => {
    const template = syntheticTemplate(5);
    await writeTemplate(template, 'zh');
    fake().state.readOnly = true;
    await expect(highlightIssues(layoutTemplate(template, 'zh'), [])).rejects.toMatchObject({ code: 'workbook_read_only' });
    fake().state.readOnly = false;
    fake().refusals = ['AccessDenied'];
    await expect(highlightIssues(layoutTemplate(template, 'zh'), [])).rejects.toMatchObject({ code: 'sheet_protected' });
  });
});

describe('a batch waiting for a cell edit', () => {
  it('tells the pane it is waiting, and when it goes on', async () => {
    const editing = new FakeExcel({ cellEditing: true });
    const restore = editing.install();
    const heard: boolean[] = [];
    const stop = onWaitingForCellEdit((waiting) => heard.push(waiting));
    try {
      const writing = writeTemplate(syntheticTemplate(5), 'zh');
      await new Promise((r) => setTimeout(r, 1200));
      expect(heard).toEqual([true]);
      editing.finishCellEdit();
      await writing;
      expect(heard).toEqual([true, false]);
    } finally {
      stop();
      restore();
    }
  });

  it('says nothing when a batch is only slow', async () => {
    const heard: boolean[] = [];
    const stop = onWaitingForCellEdit((waiting) => heard.push(waiting));
    try {
      await writeTemplate(syntheticTemplate(4000), 'zh');
      expect(heard).toEqual([]);
    } finally {
      stop();
    }
  });
});
