import { layoutTemplate, validateReturn } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { useFakeExcel } from './__fixtures__/use-fake-excel.js';
import { syntheticTemplate } from './__fixtures__/synthetic-template.js';
import { readReturn } from './read-return.js';
import { writeTemplate } from './write-template.js';

const fake = useFakeExcel();

describe('readReturn', () => {
  it('reads typed and pasted figures, typed baselines, explanations and computed ratios', async () => {
    const template = syntheticTemplate(10);
    await writeTemplate(template, 'zh');
    const sheet = '填报表';
    fake().typeInto(sheet, 'E5', '1200.5');
    fake().paste(sheet, 'E6', '３４０'); // full-width digits pasted from a Chinese document
    fake().typeInto(sheet, 'G5', '1100');
    fake().typeInto(sheet, 'E12', '400');
    fake().typeInto(sheet, 'E13', '100');
    fake().typeInto(sheet, 'J6', '新口径');
    const { input, layout } = await readReturn(template);
    expect(layout.lang).toBe('zh');
    expect(input.templateVersion).toBe(template.version);
    expect(input.figures['indicator_0000']).toBe(1200.5);
    expect(input.figures['indicator_0001']).toBe('３４０');
    expect(input.figures['indicator_0002']).toBe('');
    expect(input.figures['indicator_0009']).toBe(25);
    expect(input.baselines?.['indicator_0000']).toBe(1100);
    expect(input.explanations).toEqual({ 'field:indicator_0001': '新口径' });
    // The same reading the server does: the full-width figure is read, not refused.
    const result = validateReturn(template, input);
    expect(result.values['indicator_0001']).toBe(340);
  });

  it('reads a sheet written in the other language', async () => {
    const template = syntheticTemplate(5);
    await writeTemplate(template, 'en');
    fake().typeInto('Return', 'E5', '7');
    const { input, layout } = await readReturn(template);
    expect(layout.sheetName).toBe('Return');
    expect(input.figures['indicator_0000']).toBe(7);
  });

  it('reads the template from the sheet it was written into beside a sheet of the user’s own named 填报表', async () => {
    const template = syntheticTemplate(5);
    fake().addSheet('填报表');
    fake().paste('填报表', 'E5', '我的');
    const written = await writeTemplate(template, 'zh');
    fake().typeInto(written.layout.sheetName, 'E5', '7');
    const { input, layout } = await readReturn(template);
    expect(layout.sheetName).toBe('填报表 (2)');
    expect(layout.names[0]!.ref).toBe("'填报表 (2)'!$E$5:$E$9");
    expect(input.figures['indicator_0000']).toBe(7);
  });

  it.each([
    ['no template sheet', (): unknown => undefined, 'no_template_sheet'],
    ['an older template', (): unknown => fake().paste('_meta', 'B3', 'older-version'), 'sheet_stale'],
    ['another period', (): unknown => fake().paste('_meta', 'B2', '2024'), 'sheet_other_return'],
  ] as const)('refuses %s', async (_name, spoil, code) => {
    const template = syntheticTemplate(5);
    if (code !== 'no_template_sheet') await writeTemplate(template, 'zh');
    spoil();
    await expect(readReturn(template)).rejects.toMatchObject({ code });
  });

  it('refuses a sheet whose rows were moved', async () => {
    const template = syntheticTemplate(5);
    await writeTemplate(template, 'zh');
    const sheet = fake().sheet('填报表');
    sheet.protected = false;
    fake().paste('填报表', 'C5', 'indicator_0001');
    fake().paste('填报表', 'C6', 'indicator_0000');
    await expect(readReturn(template)).rejects.toMatchObject({ code: 'sheet_damaged' });
  });

  it('reads 4000 rows in two syncs', async () => {
    const template = syntheticTemplate(4000);
    await writeTemplate(template, 'zh');
    fake().resetSyncs();
    const { input } = await readReturn(template);
    expect(Object.keys(input.figures)).toHaveLength(4000);
    expect(fake().syncs.length).toBeLessThanOrEqual(2);
    expect(layoutTemplate(template, 'zh').rows).toHaveLength(4000);
  });
});
