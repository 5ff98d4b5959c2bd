import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { packWorkbook } from './pack-workbook.js';

describe('packWorkbook', () => {
  it('writes the parts exceljs writes, each deflated once, and the workbook reads back the same', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('汇总');
    for (let r = 1; r <= 200; r++) ws.getRow(r).values = [`园区${r}`, r * 1.5, { formula: `B${r}*2`, result: r * 3 } as never];
    const plain = unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const packed = await packWorkbook(wb, (files) => {
      files['xl/extra.xml'] = new TextEncoder().encode('<x/>');
    });
    const parts = unzipSync(packed);
    expect(Object.keys(parts).sort()).toEqual([...Object.keys(plain), 'xl/extra.xml'].sort());
    for (const [name, data] of Object.entries(plain)) expect(strFromU8(parts[name]!), name).toBe(strFromU8(data));
    // Every entry of the central directory says deflate (8): nothing stored uncompressed.
    const methods: number[] = [];
    for (let i = 0; i + 12 <= packed.length; i++) if (packed.readUInt32LE(i) === 0x02014b50) methods.push(packed.readUInt16LE(i + 10));
    expect(methods.length).toBe(Object.keys(parts).length);
    expect(new Set(methods)).toEqual(new Set([8]));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(packed as unknown as ArrayBuffer);
    expect(back.getWorksheet('汇总')!.getCell('A200').value).toBe('园区200');
    expect(back.getWorksheet('汇总')!.getCell('C3').result).toBe(9);
  });
});
