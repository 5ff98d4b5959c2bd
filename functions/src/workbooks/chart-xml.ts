import { xmlEscape } from './xml-text.js';

/**
 * A native clustered bar or column chart over cells of the workbook. The cell references make it
 * live (Excel, WPS and LibreOffice redraw it from the cells); the cached values let a reader show
 * it without recalculating anything.
 */
export interface BarChartSpec {
  /** Sheet the chart is drawn on. */
  sheetName: string;
  /** Zero-based cell corners of the chart frame. */
  from: { col: number; row: number };
  to: { col: number; row: number };
  title: string;
  direction: 'bar' | 'col';
  /** Category labels: a sheet-qualified range such as '金山园'!$B$6:$B$9, and its cached text. */
  categories: { ref: string; cache: string[] };
  /** Plot cells of hidden rows and columns too (labels kept in a column that does not print). */
  plotHidden?: boolean;
  series: ChartSeries[];
  valueAxis: { title: string; numFmt: string; min?: number };
  /** East Asian typeface of the chart's text. */
  font: string;
}

export interface ChartSeries {
  name: { ref: string; cache: string };
  values: { ref: string; cache: Array<number | null> };
  /** RGB hex, e.g. '2F6EBA'. */
  color: string;
}

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** xl/charts/chartN.xml of one bar chart (DrawingML, ECMA-376 Part 1 §21.2). */
export function barChartXml(spec: BarChartSpec): string {
  const text = (size: number, bold: boolean) =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">` +
    `<a:latin typeface="${xmlEscape(spec.font)}"/><a:ea typeface="${xmlEscape(spec.font)}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
  const richTitle = (title: string, size: number) =>
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}" b="1"><a:latin typeface="${xmlEscape(spec.font)}"/><a:ea typeface="${xmlEscape(spec.font)}"/></a:rPr>` +
    `<a:t>${xmlEscape(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const strCache = (values: string[]) =>
    `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
  const numCache = (values: Array<number | null>, numFmt: string) =>
    `<c:numCache><c:formatCode>${xmlEscape(numFmt)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('') +
    `</c:numCache>`;
  const series = spec.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${xmlEscape(s.name.ref)}</c:f>${strCache([s.name.cache])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:dLbls><c:numFmt formatCode="${xmlEscape(spec.valueAxis.numFmt)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${text(1050, false)}` +
        `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        `<c:cat><c:strRef><c:f>${xmlEscape(spec.categories.ref)}</c:f>${strCache(spec.categories.cache)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlEscape(s.values.ref)}</c:f>${numCache(s.values.cache, spec.valueAxis.numFmt)}</c:numRef></c:val></c:ser>`,
    )
    .join('');
  const min = spec.valueAxis.min === undefined ? '' : `<c:min val="${spec.valueAxis.min}"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${NS}><c:roundedCorners val="0"/>` +
    `<c:chart>${richTitle(spec.title, 1300)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${spec.direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${spec.direction === 'bar' ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${spec.direction === 'bar' ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/>${text(1050, false)}<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/>${min}</c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${spec.direction === 'bar' ? 'b' : 'l'}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `${richTitle(spec.valueAxis.title, 1050)}<c:numFmt formatCode="${xmlEscape(spec.valueAxis.numFmt)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${text(1050, false)}<c:crossAx val="500000001"/><c:crosses val="${spec.direction === 'bar' ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(1050, false)}</c:legend><c:plotVisOnly val="${spec.plotHidden ? 0 : 1}"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    `${text(1050, false)}<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup orientation="landscape"/></c:printSettings></c:chartSpace>`
  );
}
