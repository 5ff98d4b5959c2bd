import { findUnit } from '../figures/units.js';
import { phraseSimilarity } from './map-to-catalogue.js';
import type { ProposedBaseline, TargetKind } from './target-proposal.js';

/**
 * Offers each target the past figure of its own indicator that the text states (基期值), so the
 * consolidator confirms the baseline with the target instead of looking for it. A past figure
 * qualifies when it is measured in the same dimension (家 with 家, 亿元 with 万元), names the same
 * indicator (by character bigrams, as the catalogue mapping does), or holds the same place in a list
 * of the same size (2023年三大产业营收分别为A、B、C against 到2026年…分别突破X、Y、Z), and both are increments
 * (新增) or both are not. Nearest first: the
 * target's own sentence (由3.5%提高到4.5%), its table row, its paragraph, then the rest of the text;
 * among equals the latest year. A growth target gets only its table row's past rate: its base is a level.
 */
export interface FigureRef {
  value: number;
  unit: string;
  unitCode: string | null;
  indicator: string;
  sentence: number;
  paragraph: number;
  /** A goal table's row, for the cells of one row. */
  row: number | null;
  group: { id: number; index: number; size: number; indicator: string } | null;
}

export interface PastFigure extends FigureRef {
  year: number | null;
  quote: string;
  offset: number;
}

const MIN_SIMILARITY = 0.5;
const BESIDE_RANK: Readonly<Record<ProposedBaseline['beside'], number>> = { sentence: 0, table: 0, paragraph: 1, text: 2 };
/** Words that change the figure but not the indicator: 新增高新技术企业 and 高新技术企业总数 are one. */
const NOISE = /新增|累计|总数|总量|数量|达到|实现|全年|全区|园区|规上|规模以上|集聚|共有|拥有|培育|建成|引进|已/g;
/** 百亿级企业 and 企业 are different things: a grade on one side only is no match. */
const GRADE = /级/;
/** 新增10个 is an increment and 45个 a stock: one is no baseline of the other. */
const INCREMENT = /新增|新认定|新引进|新建|新落户|招引/;

export function linkBaseline(target: FigureRef & { kind: TargetKind }, past: readonly PastFigure[]): ProposedBaseline | null {
  // A growth rate's base is a level; only a table row's past cell of the same rate (上年完成) is its baseline.
  const candidates = target.kind === 'growth' ? past.filter((p) => target.row !== null && p.row === target.row) : past;
  let best: { p: PastFigure; beside: ProposedBaseline['beside']; score: number } | null = null;
  const increment = INCREMENT.test(target.indicator);
  for (const p of candidates) {
    if (!sameDimension(target, p) || INCREMENT.test(p.indicator) !== increment) continue;
    if (p.row === null && GRADE.test(target.indicator) !== GRADE.test(p.indicator)) continue;
    const beside: ProposedBaseline['beside'] = target.row !== null && p.row === target.row ? 'table'
      : p.sentence === target.sentence ? 'sentence' : p.paragraph === target.paragraph ? 'paragraph' : 'text';
    const paired = target.group !== null && p.group !== null && target.group.size === p.group.size &&
      target.group.index === p.group.index && phraseSimilarity(clean(target.group.indicator), clean(p.group.indicator)) >= MIN_SIMILARITY;
    const similarity = beside === 'table' ? 1 : paired ? 1 : phraseSimilarity(clean(target.indicator), clean(p.indicator));
    if (similarity < MIN_SIMILARITY) continue;
    const score = similarity * 10 - BESIDE_RANK[beside] + (p.year ?? 0) / 10_000;
    if (best === null || score > best.score) best = { p, beside, score };
  }
  if (best === null) return null;
  const { p, beside } = best;
  return { value: p.value, unit: p.unit, year: p.year, indicator: p.indicator, quote: p.quote, offset: p.offset, beside };
}

function clean(indicator: string): string {
  return indicator.replace(NOISE, '');
}

function sameDimension(a: FigureRef, b: FigureRef): boolean {
  const da = a.unitCode === null ? undefined : findUnit(a.unitCode)?.dimension;
  const db = b.unitCode === null ? undefined : findUnit(b.unitCode)?.dimension;
  if (da !== undefined && db !== undefined) return da === db;
  return baseUnit(a.unit) === baseUnit(b.unit);
}

function baseUnit(unit: string): string {
  return unit.replace(/^(?:万亿|亿|千万|百万|万|兆)/, '');
}
