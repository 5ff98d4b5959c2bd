import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../test/fake-excel/fake-excel.js';
import { canInsert, openWorkbook } from './open-workbook.js';

describe('openWorkbook', () => {
  it.each([
    ['1.13', 'insert_sheets', 'insert_sheets'],
    ['1.12', 'insert_sheets', 'new_workbook'],
    ['1.13', 'new_workbook', 'new_workbook'],
  ] as const)('with ExcelApi %s, asked to %s, does %s', async (version, asked, done) => {
    const fake = new FakeExcel({ supportedSets: { ExcelApi: version } });
    const uninstall = fake.install();
    try {
      expect(await openWorkbook('UEsDBA==', asked)).toBe(done);
      expect(fake.state.insertedWorkbooks.length + fake.state.createdWorkbooks.length).toBe(1);
    } finally {
      uninstall();
    }
  });

  it.each([
    ['OfficeOnline', true, 'new_workbook'],
    ['OfficeOnline', false, 'insert_sheets'],
    ['PC', true, 'insert_sheets'],
  ] as const)('on %s, a workbook with charts %s is opened by %s', async (platform, hasCharts, done) => {
    const fake = new FakeExcel({ supportedSets: { ExcelApi: '1.13' }, platform });
    const uninstall = fake.install();
    try {
      expect(canInsert(hasCharts)).toBe(done === 'insert_sheets');
      expect(await openWorkbook('UEsDBA==', 'insert_sheets', { hasCharts })).toBe(done);
      expect(done === 'new_workbook' ? fake.state.createdWorkbooks : fake.state.insertedWorkbooks).toHaveLength(1);
    } finally {
      uninstall();
    }
  });

  it('says so outside Excel', async () => {
    await expect(openWorkbook('UEsDBA==', 'new_workbook')).rejects.toMatchObject({ code: 'not_in_excel' });
  });
});
