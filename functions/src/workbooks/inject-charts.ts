import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped, type Zippable } from 'fflate';
import { barChartXml, type BarChartSpec } from './chart-xml.js';
import { xmlAttribute, xmlEscape } from './xml-text.js';

const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * Adds native charts to an .xlsx written by exceljs, which cannot write charts itself.
 *
 * For each sheet with charts it writes one drawing part (xl/drawings/drawingN.xml) holding a
 * frame per chart, one chart part per chart (xl/charts/chartN.xml), the relationships
 * sheet → drawing → chart, the `<drawing r:id>` element in the sheet, and the content types.
 * Sheets must not already have a drawing (exceljs writes one only for images, which we never add).
 */
export function injectCharts(xlsx: Uint8Array, charts: readonly BarChartSpec[]): Buffer {
  if (charts.length === 0) return Buffer.from(xlsx);
  const files = unzipSync(xlsx);
  injectChartParts(files, charts);
  return Buffer.from(zipSync(files as Zippable, { level: 6 }));
}

/** injectCharts on the parts of a workbook already unzipped (packWorkbook's edit): changes `files` in place. */
export function injectChartParts(files: Unzipped, charts: readonly BarChartSpec[]): void {
  if (charts.length === 0) return;
  const text = (path: string) => {
    const f = files[path];
    if (!f) throw new Error(`injectCharts: ${path} missing from workbook`);
    return strFromU8(f);
  };
  const put = (path: string, content: string) => {
    files[path] = strToU8(content);
  };
  const sheetPaths = sheetPathsByName(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
  let contentTypes = text('[Content_Types].xml');
  const overrides: string[] = [];

  const bySheet = new Map<string, BarChartSpec[]>();
  for (const c of charts) bySheet.set(c.sheetName, [...(bySheet.get(c.sheetName) ?? []), c]);

  let drawingNo = nextNumber(files, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartNo = nextNumber(files, /^xl\/charts\/chart(\d+)\.xml$/);
  for (const [sheetName, sheetCharts] of bySheet) {
    const sheetPath = sheetPaths.get(sheetName);
    if (!sheetPath) throw new Error(`injectCharts: no sheet named ${sheetName}`);
    let sheetXml = text(sheetPath);
    if (/<drawing\b/.test(sheetXml)) throw new Error(`injectCharts: sheet ${sheetName} already has a drawing`);

    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    sheetCharts.forEach((chart, i) => {
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      put(chartPath, barChartXml(chart));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${CT_CHART}"/>`);
      drawingRels.push(`<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/chart${chartNo}.xml"/>`);
      anchors.push(anchorXml(chart, i + 1, `rId${i + 1}`));
      chartNo += 1;
    });
    put(
      drawingPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join('')}</xdr:wsDr>`,
    );
    put(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(drawingRels));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);

    // sheet → drawing relationship, in the sheet's own rels part (created when absent).
    const relsPath = sheetPath.replace(/([^/]+)$/, '_rels/$1.rels');
    const existing = files[relsPath] ? strFromU8(files[relsPath]) : relsXml([]);
    const used = new Set([...existing.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    let n = 1;
    while (used.has(`rIdChart${n}`)) n += 1;
    const rid = `rIdChart${n}`;
    put(
      relsPath,
      existing.replace('</Relationships>', `<Relationship Id="${rid}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`),
    );

    // <drawing> goes after pageSetup/headerFooter/breaks and before legacyDrawing, tableParts, extLst
    // (CT_Worksheet's element order, ECMA-376 Part 1 §18.3.1.99).
    const before = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(sheetXml);
    if (!before) throw new Error(`injectCharts: ${sheetPath} has no end tag`);
    sheetXml = `${sheetXml.slice(0, before.index)}<drawing r:id="${rid}"/>${sheetXml.slice(before.index)}`;
    if (!/xmlns:r=/.test(sheetXml.slice(0, sheetXml.indexOf('>', sheetXml.indexOf('<worksheet'))))) {
      sheetXml = sheetXml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
    }
    put(sheetPath, sheetXml);
    drawingNo += 1;
  }
  contentTypes = contentTypes.replace('</Types>', `${overrides.join('')}</Types>`);
  put('[Content_Types].xml', contentTypes);
}

function anchorXml(chart: BarChartSpec, id: number, rid: string): string {
  const marker = (p: { col: number; row: number }) =>
    `<xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(chart.from)}</xdr:from><xdr:to>${marker(chart.to)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${xmlEscape(`图表 ${id}`)}" descr="${xmlEscape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rid}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function relsXml(relationships: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${relationships.join('')}</Relationships>`;
}

function nextNumber(files: Record<string, Uint8Array>, pattern: RegExp): number {
  let max = 0;
  for (const path of Object.keys(files)) {
    const m = pattern.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** Sheet name → part path (xl/worksheets/sheetN.xml), from workbook.xml and its relationships. */
export function sheetPathsByName(workbookXml: string, workbookRels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of workbookRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = xmlAttribute(m[0], 'Id');
    const target = xmlAttribute(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const paths = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = xmlAttribute(m[0], 'name');
    const rid = xmlAttribute(m[0], 'r:id');
    const path = rid ? targets.get(rid) : undefined;
    if (name !== undefined && path) paths.set(name, path);
  }
  return paths;
}
