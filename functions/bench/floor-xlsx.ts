import { crc32, deflateRawSync } from 'node:zlib';

/**
 * The floor of the workbook bench (measurement only, not used by the product): the same cells as
 * our workbook (values, text, formulas with their cached results, a number format per cell)
 * written as a minimal .xlsx with nothing but node:zlib and XML strings. No fonts, fills,
 * borders, print setup, validations or charts: what any writer must pay at least.
 */
export interface FloorCell {
  ref: string;
  /** A number, a text, or a formula with its cached result. */
  value: number | string | null;
  formula?: string;
  numFmt?: string;
}

export interface FloorSheet {
  name: string;
  cells: FloorCell[];
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function writeFloorXlsx(sheets: readonly FloorSheet[]): Buffer {
  const formats = new Map<string, number>();
  for (const s of sheets) for (const c of s.cells) if (c.numFmt && c.numFmt !== 'General' && !formats.has(c.numFmt)) formats.set(c.numFmt, 164 + formats.size);
  const styleOf = new Map([...formats.keys()].map((f, i) => [f, i + 1]));
  const files: Array<[string, string]> = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${formats.size}">${[...formats].map(([f, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(f)}"/>`).join('')}</numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="${formats.size + 1}"><xf/>${[...formats.values()].map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`,
    ],
  ];
  sheets.forEach((sheet, i) => {
    const rows = new Map<number, string[]>();
    for (const c of sheet.cells) {
      const row = Number(/\d+$/.exec(c.ref)![0]);
      const s = c.numFmt ? styleOf.get(c.numFmt) : undefined;
      const st = s ? ` s="${s}"` : '';
      let xml: string;
      if (c.formula !== undefined) {
        xml =
          typeof c.value === 'string'
            ? `<c r="${c.ref}"${st} t="str"><f>${esc(c.formula)}</f><v>${esc(c.value)}</v></c>`
            : `<c r="${c.ref}"${st}><f>${esc(c.formula)}</f>${c.value === null ? '' : `<v>${c.value}</v>`}</c>`;
      } else if (typeof c.value === 'number') xml = `<c r="${c.ref}"${st}><v>${c.value}</v></c>`;
      else if (typeof c.value === 'string') xml = `<c r="${c.ref}"${st} t="inlineStr"><is><t xml:space="preserve">${esc(c.value)}</t></is></c>`;
      else continue;
      (rows.get(row) ?? rows.set(row, []).get(row)!).push(xml);
    }
    const data = [...rows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([r, cells]) => `<row r="${r}">${cells.join('')}</row>`)
      .join('');
    files.push([
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`,
    ]);
  });
  return zip(files.map(([name, text]) => [name, Buffer.from(text, 'utf8')]));
}

/** A zip (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16): local headers, deflated data, central directory. */
function zip(entries: Array<[string, Buffer]>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(deflated.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, deflated);
    central.push(header, nameBytes);
    offset += 30 + nameBytes.length + deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
