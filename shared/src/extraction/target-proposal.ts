import { z } from 'zod';

/**
 * A figure the extractor proposes as a plan target (规划目标), for the consolidator to confirm on
 * the onboarding screen: never a catalogue record, which a person writes. It says what it read
 * (the value and how a figure without digits was read), what kind of target it takes it for,
 * the year and where that year was found, why it is a target rather than a baseline, and how
 * sure it is; a past figure of the same indicator found in the text comes with it as its baseline.
 * `POST /api/extract` answers `{ targets: TargetProposal[] }`; `npm run -s extract -- file` prints
 * the array. All offsets are UTF-16 code units of the text as given.
 */

/** gte 达到/以上/不少于; gt 超过/突破; lte 不超过/控制在…以内/≤; lt 低于; range 3至5家 (value–valueHigh). */
export const proposalComparisonSchema = z.enum(['gte', 'gt', 'lte', 'lt', 'range']);
export type ProposalComparison = z.infer<typeof proposalComparisonSchema>;

/**
 * How the target is measured, so the catalogue can hold it:
 * - amount: money (营收1000亿元, 投资150亿元);
 * - count: things or people counted (高新技术企业500家, 人才10万人);
 * - share: a percentage of a whole or a rate of coverage (研发投入强度4%, 覆盖率100%);
 * - level: any other measured level (集装箱吞吐量100万标箱, 装机20万千瓦, 每万人发明专利60件);
 * - growth: a change against a base (年均增长8%, 能耗下降5%, 提高3个百分点, 翻两番);
 * - ceiling: a maximum not to pass (不超过1200吨, PM2.5控制在28微克/立方米以内).
 */
export const targetKindSchema = z.enum(['amount', 'count', 'share', 'level', 'growth', 'ceiling']);
export type TargetKind = z.infer<typeof targetKindSchema>;

/** Where the target year was found (resolve-year.ts): its own sentence, an earlier one, the heading above, the title, a table header, or the plan's target year. */
export const yearSourceSchema = z.enum(['sentence', 'earlier', 'heading', 'title', 'table', 'plan']);

/** Why the figure is taken for a target and not a past result. */
export const reasonCodeSchema = z.enum([
  'target_year', // the sentence aims at a year: 到2026年, 2026年前, 力争2026年
  'year_after_text', // the year it is scoped by comes after the text was written
  'heading_year', // the heading above names the year: （一）2025年目标
  'earlier_year', // an earlier sentence named the year: 到2027年，…主要目标包括：
  'title_year', // the title names the year: 2025年工作要点, （2025年版）
  'plan_year', // the plan's target year, by default
  'goal_section', // it sits in a goal section: 二、发展目标
  'goal_table', // it stands in a table's target column: 2025年目标
  'target_word', // a word that aims: 达到, 突破, 不少于, 以上, 控制在, 新增
  'stretch_word', // 力争, 努力, 争取
  'list_of_targets', // it continues a list of targets without a verb of its own
  'count_verb', // 建设3个, 设立20家: a count the plan sets up
]);
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

export const proposalReasonSchema = z
  .object({
    code: reasonCodeSchema,
    /** The words of the text that carry the reason (到2026年, 达到, 二、发展目标), as read (normalized). */
    words: z.string(),
    zh: z.string(),
    en: z.string(),
  })
  .meta({ description: 'Why a figure is taken for a target and not a past result, in Chinese and English.' });
export type ProposalReason = z.infer<typeof proposalReasonSchema>;

/** A past figure of the target's indicator (基期值), found beside the target or elsewhere in the text. */
export const proposedBaselineSchema = z
  .object({
    value: z.number(),
    unit: z.string(),
    /** The year it was reached (2023年, 截至2024年底), or null when the text says only 目前 / 现有. */
    year: z.number().int().nullable(),
    indicator: z.string(),
    quote: z.string(),
    offset: z.number().int().nonnegative(),
    /** sentence: the target's own sentence (由3.5%提高到4.5%); paragraph; table: the row's past column; text: elsewhere. */
    beside: z.enum(['sentence', 'paragraph', 'table', 'text']),
  })
  .meta({ description: "A past figure of the target's indicator found in the text (基期值)." });
export type ProposedBaseline = z.infer<typeof proposedBaselineSchema>;

export const targetProposalSchema = z
  .object({
    /** The indicator phrase as the plan words it, cleaned of 园区/企业 prefixes and verbs (达到, 力争). */
    indicator: z.string(),
    /**
     * The task title the figure sits under, given when the indicator names no subject of its own
     * ("产业规模" under "4. 打造生物制造特色产业" → 生物制造特色产业); it is used for the mapping too.
     */
    topic: z.string().optional(),
    /** The figure as read, in `unit` (3.4 for 3.4万人; 1 for 1-2家; 1000 for 千亿级; 60 for 六成). */
    value: z.number(),
    /** Upper end of a range (1-2家 → 2). */
    valueHigh: z.number().optional(),
    /** Unit as written or read: 亿元, 亿, 万人, 家, %, 个百分点, 倍 (翻两番), 万千瓦, 人年 ... */
    unit: z.string(),
    /** The UNITS code the unit means (亿 → 亿元; 万 → 万人 or 万元 by the indicator), or null. */
    unitCode: z.string().nullable(),
    /** The figure exactly as the text writes it (１５００亿元, 千亿级, 六成, 3至5家): a substring of `quote`. */
    written: z.string(),
    /** Offset of `written` in the text. */
    writtenOffset: z.number().int().nonnegative(),
    /** How a figure not in digits was read (千亿级 = 1000亿（量级，按下限）, 六成 = 60%, 翻两番 = 基期的4倍), else null. */
    reading: z.string().nullable(),
    comparison: proposalComparisonSchema,
    /** 力争 / 努力 / 争取: a stretch goal, evaluated in the same direction. */
    stretch: z.boolean(),
    kind: targetKindSchema,
    /** The target year; null when the text names none and has no plan year. */
    year: z.number().int().nullable(),
    yearSource: z.object({
      source: yearSourceSchema,
      /** The words that name the year (到2027年, （一）2025年目标, 2025年科技创新工作要点), or null for the plan default. */
      words: z.string().nullable(),
      /** Offset of those words in the text, or null. */
      offset: z.number().int().nonnegative().nullable(),
    }),
    /** Why this is a target and not a past result, strongest first. */
    reasons: z.array(proposalReasonSchema),
    /** 0-1, for sorting the review screen: high when a target year and a target word stand by the figure. */
    confidence: z.number().min(0).max(1),
    /** A past figure of the same indicator that the text gives, as the target's baseline, or null. */
    baseline: proposedBaselineSchema.nullable(),
    /** Verbatim substring of the text: text.slice(offset, offset + quote.length) === quote. */
    quote: z.string(),
    /** Offset of the quote in the text. */
    offset: z.number().int().nonnegative(),
    /** Catalogue indicator code most likely meant, or null when none scores high enough. */
    mappedIndicator: z.string().nullable(),
    /** Similarity in 0-1 of the best catalogue indicator (0 without a catalogue). */
    mappingScore: z.number().min(0).max(1),
  })
  .meta({
    description:
      'A figure the extractor proposes as a plan target, for a person to confirm: the value and its reading, kind, ' +
      'comparison, year and where it was found, the reasons it is a target, a confidence, and the baseline found beside it.',
  });
export type TargetProposal = z.infer<typeof targetProposalSchema>;
