/**
 * What the head of a plan says about itself, to fill the onboarding form for the consolidator to
 * check: the title (《张江高新区X园…行动方案(2025-2026年)》, spaces and line breaks inside it
 * dropped), the park it names (X园), the district government that issues it (X区人民政府), the
 * document number (金府发[2024]3号, 浦府〔2025〕43号) on a line of its own or in the notice's table,
 * the signing date (2024年12月31日 on a short line), the plan period the title gives, and whether
 * it is a draft (征求意见稿, 草案, 送审稿, 讨论稿). Anything the text does not say is null: the form
 * asks for it rather than guessing. Pure and total.
 */
export interface PlanHeader {
  title: string | null;
  /** The park's short name as the title gives it: 金山园 (闵行园区 → 闵行园). */
  parkName: string | null;
  /** The issuing district: 金山区, 浦东新区. */
  district: string | null;
  documentNumber: string | null;
  /** YYYY-MM-DD */
  issuedOn: string | null;
  startYear: number | null;
  endYear: number | null;
  draft: boolean;
}

/** Lines of the notice and title block: a plan's header never runs longer. */
const HEAD_LINES = 40;
const SHORT_LINE = 40;
const TITLE = /张江高新区[^《》\n。，,；;]{2,60}?(?:方案|规划|计划)[^《》\n。，,；;]{0,24}/;
const QUOTED_TITLE = /《\s*(张江高新区[^《》]{2,90}?)\s*》/;
const PERIOD = /(\d{4})\s*[-—–~～至到]\s*(\d{4})\s*年/;
const PARK = /张江高新区([\u4e00-\u9fa5]{1,8}?园)/;
const DISTRICT = /(?:上海市)?([\u4e00-\u9fa5]{2,4}?(?:新区|区))人民政府/;
const NUMBER = /[\u4e00-\u9fa5]{1,8}(?:〔\d{4}〕|\[\d{4}\]|［\d{4}］|\(\d{4}\)|（\d{4}）)\s*\d{1,4}\s*号/;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DRAFT = /征求意见稿|草案|送审稿|讨论稿/;

export function readPlanHeader(text: string): PlanHeader {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const head = lines.slice(0, HEAD_LINES);
  const title = readTitle(text, head);
  const period = title ? PERIOD.exec(title) : null;
  const startYear = period ? Number(period[1]) : null;
  const endYear = period ? Number(period[2]) : null;
  return {
    title,
    parkName: title ? (PARK.exec(title)?.[1] ?? null) : null,
    district: DISTRICT.exec(head.join('\n'))?.[1] ?? null,
    documentNumber: readNumber(head),
    issuedOn: readDate(lines),
    startYear: startYear !== null && endYear !== null && startYear <= endYear ? startYear : null,
    endYear: startYear !== null && endYear !== null && startYear <= endYear ? endYear : null,
    draft: head.some((l) => DRAFT.test(l)),
  };
}

/** The title in 《》 of the notice (joined across the line breaks of a long title), else a title line. */
function readTitle(text: string, head: readonly string[]): string | null {
  const headText = head.join('\n');
  const quoted = QUOTED_TITLE.exec(headText)?.[1];
  if (quoted !== undefined) return clean(quoted);
  const line = head.find((l) => l.length <= 80 && TITLE.test(l) && !/[。；;]/.test(l));
  if (line !== undefined) return clean(TITLE.exec(line)![0]);
  const anywhere = QUOTED_TITLE.exec(text.slice(0, 2000))?.[1];
  return anywhere !== undefined ? clean(anywhere) : null;
}

/** A document number on a short line of its own, or in the notice's table (文件编号 | …): never one a sentence cites. */
function readNumber(head: readonly string[]): string | null {
  for (const line of head) {
    const cells = line.split('|').map((c) => c.trim());
    for (const cell of cells) {
      if (cell.length > SHORT_LINE) continue;
      const found = NUMBER.exec(cell);
      if (found && !/[（(《]/.test(cell.slice(0, found.index))) return found[0].replace(/\s+/g, '');
    }
  }
  return null;
}

/** The first date on a short line (under the signature or the title): the day the plan was signed. */
function readDate(lines: readonly string[]): string | null {
  for (const line of lines) {
    if (line.length > SHORT_LINE || /印发|发布时间|截至|以来/.test(line)) continue;
    const found = DATE.exec(line);
    if (!found) continue;
    const [y, m, d] = [Number(found[1]), Number(found[2]), Number(found[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) continue;
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

/** Chinese titles carry no meaningful spaces; OCR and web pages insert them, and line breaks. */
function clean(title: string): string {
  return title.replace(/\s+/g, '');
}
