import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { layoutTemplate, type TemplateModel } from '@zj/shared';
import { convertWithLibreOffice } from '../libreoffice.js';

/**
 * Workbooks an upload must refuse, made from a real one (a template filled by exceljs, or saved by
 * LibreOffice) with a zip library: each adds what Excel writes for the feature, the part, its
 * content type and the relationship that names it, so only what is being tested differs.
 */

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Part {
  name: string;
  bytes: Uint8Array;
  /** The part's content type, declared as an Override in [Content_Types].xml. */
  contentType: string;
  /** The relationship naming it, from the workbook (xl/workbook.xml) or the first sheet. */
  from: 'workbook' | 'sheet';
  type: string;
}

function addParts(xlsx: Uint8Array, parts: Part[]): Buffer {
  const files = unzipSync(xlsx);
  let types = strFromU8(files['[Content_Types].xml']!);
  for (const [i, part] of parts.entries()) {
    files[part.name] = new Uint8Array(part.bytes);
    types = types.replace('</Types>', `<Override PartName="/${part.name}" ContentType="${part.contentType}"/></Types>`);
    const relsName = part.from === 'workbook' ? 'xl/_rels/workbook.xml.rels' : 'xl/worksheets/_rels/sheet1.xml.rels';
    const base = part.from === 'workbook' ? 'xl/' : 'xl/worksheets/';
    const target = part.name.startsWith(base) ? part.name.slice(base.length) : `../${part.name.slice('xl/'.length)}`;
    const rels = files[relsName] ? strFromU8(files[relsName]) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    files[relsName] = strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdTampered${i}" Type="${REL}/${part.type}" Target="${target}"/></Relationships>`));
  }
  files['[Content_Types].xml'] = strToU8(types);
  return Buffer.from(zipSync(files));
}

/** An OLE compound file as the binary parts below hold one: the signature, then the workbook's own bytes (the check reads names and types, never these). */
const compoundFile = (xlsx: Uint8Array) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...xlsx.subarray(0, 4096)]);

/** A VBA project (macros) in a workbook still declared as .xlsx, as renaming an .xlsm gives. */
export function withVbaProject(xlsx: Uint8Array): Buffer {
  return addParts(xlsx, [{ name: 'xl/vbaProject.bin', bytes: compoundFile(xlsx), contentType: 'application/vnd.ms-office.vbaProject', from: 'workbook', type: 'vbaProject' }]);
}

/** An ActiveX control (a button or box from the Developer tab) on the first sheet. */
export function withActiveXControl(xlsx: Uint8Array): Buffer {
  const control = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}" ax:persistence="persistStorage"/>`;
  return addParts(xlsx, [{ name: 'xl/activeX/activeX1.xml', bytes: strToU8(control), contentType: 'application/vnd.ms-office.activeX+xml', from: 'sheet', type: 'control' }]);
}

/** An embedded OLE object (another document inserted into the sheet) on the first sheet. */
export function withOleObject(xlsx: Uint8Array): Buffer {
  return addParts(xlsx, [{ name: 'xl/embeddings/oleObject1.bin', bytes: compoundFile(xlsx), contentType: 'application/vnd.openxmlformats-officedocument.oleObject', from: 'sheet', type: 'oleObject' }]);
}

/** A VBA project under another name: found by its content type, not its name. */
export function withRenamedVbaProject(xlsx: Uint8Array): Buffer {
  return addParts(xlsx, [{ name: 'xl/media/image9.bin', bytes: compoundFile(xlsx), contentType: 'application/vnd.ms-office.vbaProject', from: 'workbook', type: 'vbaProject' }]);
}

/**
 * A workbook that expands far more than a workbook does: `megabytes` of blank space in a custom
 * XML part, which deflate packs about a thousand to one (a return packs five to twenty to one).
 */
export function withPadding(xlsx: Uint8Array, megabytes: number): Buffer {
  const files = unzipSync(xlsx);
  files['customXml/item1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><pad>${' '.repeat(megabytes * 1024 * 1024)}</pad>`);
  return Buffer.from(zipSync(files, { level: 9 }));
}

/**
 * The filled template with its first typed figure linked to another workbook on the
 * statistician's disk (='[上报底稿.xlsx]Sheet1'!B5), saved by LibreOffice: LibreOffice writes the
 * link as Excel does, an xl/externalLinks part naming the other file.
 */
export async function withExternalLink(xlsx: Uint8Array, template: TemplateModel): Promise<Buffer> {
  const layout = layoutTemplate(template, 'zh');
  const column = layout.columns.find((c) => c.key === 'value')!.letter;
  const row = layout.rows.find((r) => r.cells.value?.kind === 'input')!.row;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  wb.getWorksheet(layout.sheetName)!.getCell(`${column}${row}`).value = { formula: "'[上报底稿.xlsx]Sheet1'!B5", result: 10 } as ExcelJS.CellFormulaValue;
  return convertWithLibreOffice(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx', { recalculate: false });
}
