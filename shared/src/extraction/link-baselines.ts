import { findUnit } from '../figures/units.js';
import { phraseSimilarity, preparePhrase, type PreparedPhrase } from './map-to-catalogue.js';
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

/** What linking compares, computed once per figure: its dimension, grade, increment and prepared indicator. */
interface Keys {
  dimension: string;
  grade: boolean;
  increment: boolean;
  phrase: PreparedPhrase;
}

function keysOf(f: FigureRef): Keys {
  const dimension = (f.unitCode === null ? undefined : findUnit(f.unitCode)?.dimension) ?? `unit:${baseUnit(f.unit)}`;
  return { dimension, grade: GRADE.test(f.indicator), increment: INCREMENT.test(f.indicator), phrase: preparePhrase(clean(f.indicator)) };
}

/** Links every target of a text at once, each figure's keys computed once. */
export function linkBaselines<T extends FigureRef & { kind: TargetKind }>(targets: readonly T[], past: readonly PastFigure[]): (ProposedBaseline | null)[] {
  const pastKeys = past.map(keysOf);
  const groups = new Map<string, PreparedPhrase>();
  const group = (indicator: string) => {
    let g = groups.get(indicator);
    if (g === undefined) groups.set(indicator, (g = preparePhrase(clean(indicator))));
    return g;
  };
  return targets.map((t) => best(t, keysOf(t), past, pastKeys, group));
}

export function linkBaseline(target: FigureRef & { kind: TargetKind }, past: readonly PastFigure[]): ProposedBaseline | null {
  return linkBaselines([target], past)[0] ?? null;
}

function best(
  target: FigureRef & { kind: TargetKind },
  keys: Keys,
  past: readonly PastFigure[],
  pastKeys: readonly Keys[],
  group: (indicator: string) => PreparedPhrase,
): ProposedBaseline | null {
  // A growth rate's base is a level; only a table row's past cell of the same rate (上年完成) is its baseline.
  const growth = target.kind === 'growth';
  let found: { p: PastFigure; beside: ProposedBaseline['beside']; score: number } | null = null;
  past.forEach((p, i) => {
    const k = pastKeys[i] as Keys;
    const sameRow = target.row !== null && p.row === target.row;
    if ((growth && !sameRow) || k.dimension !== keys.dimension || k.increment !== keys.increment) return;
    if (p.row === null && k.grade !== keys.grade) return;
    const beside: ProposedBaseline['beside'] = sameRow
      ? 'table'
      : p.sentence === target.sentence
        ? 'sentence'
        : p.paragraph === target.paragraph
          ? 'paragraph'
          : 'text';
    const paired =
      target.group !== null &&
      p.group !== null &&
      target.group.size === p.group.size &&
      target.group.index === p.group.index &&
      phraseSimilarity(group(target.group.indicator), group(p.group.indicator)) >= MIN_SIMILARITY;
    const similarity = sameRow || paired ? 1 : phraseSimilarity(keys.phrase, k.phrase);
    if (similarity < MIN_SIMILARITY) return;
    const score = similarity * 10 - BESIDE_RANK[beside] + (p.year ?? 0) / 10_000;
    if (found === null || score > found.score) found = { p, beside, score };
  });
  if (found === null) return null;
  const { p, beside } = found as { p: PastFigure; beside: ProposedBaseline['beside'] };
  return { value: p.value, unit: p.unit, year: p.year, indicator: p.indicator, quote: p.quote, offset: p.offset, beside };
}

function clean(indicator: string): string {
  return indicator.replace(NOISE, '');
}

function baseUnit(unit: string): string {
  return unit.replace(/^(?:万亿|亿|千万|百万|万|兆)/, '');
}
