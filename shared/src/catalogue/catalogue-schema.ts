import { z } from 'zod';

/**
 * The catalogue is data (seeds/catalogue/*.json), checked against these schemas when it is
 * loaded. Nothing in code names a park or an indicator: every rule, template row, consolidation
 * and evaluation is derived from these records. The schema is the catalogue's stored format:
 * every field says what it holds, and text a user may read is localized (zh, en). The decisions
 * it encodes are in docs/domain.md ("Targets", "Measure kinds").
 */

export const localizedSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localizedSchema>;

/** Stable identifiers: lower snake_case, never translated. */
export const codeSchema = z.string().regex(/^[a-z][a-z0-9_]*$/);

/**
 * The plan text of a park onboarded from an upload (docs/catalogue.md): kept in the catalogue's
 * storage, so every quote of its targets stays checkable against the text it was read from, as the
 * five seed plans are against seeds/*.txt.
 */
export const planSourceSchema = z.object({
  /** The file as the consolidator uploaded it: 张江高新区临港园行动方案.docx */
  fileName: z.string().min(1),
  format: z.enum(['text', 'docx', 'pdf']),
  /** SHA-256 of the plan's text as read (UTF-8): the text every quote is a substring of. */
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where that text is kept in the catalogue's storage. */
  textBlob: z.string().min(1),
});
export type PlanSource = z.infer<typeof planSourceSchema>;

export const parkSchema = z.object({
  code: codeSchema, // e.g. "jinshan"
  name: localizedSchema, // 金山园 / Jinshan Park
  district: localizedSchema, // 金山区 / Jinshan District
  planTitle: z.string().min(1), // as the text gives it, or a reconstructed title with a note
  documentNumber: z.string().nullable(), // 金府发[2024]3号; null where the text has none
  issuedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  plan: z.object({ startYear: z.number().int(), endYear: z.number().int() }),
  draft: z.boolean(), // 征求意见稿: targets may change
  /** The seed plan in seeds/ the park was read from; a park onboarded from an upload has planSource instead. */
  seedFile: z
    .string()
    .regex(/^\d{3}_[0-9a-f]+\.txt$/)
    .optional(),
  planSource: planSourceSchema.optional(),
  /** How the seed text was read (OCR noise, missing title): for catalogue maintainers, never printed. */
  notes: z.array(z.string()).default([]),
  /** Parent org unit; every park sits under the zone. Optional sub-parks name their park. */
  parent: z.string().default('zone'),
  /**
   * Indicators that are one figure in this park (docs/domain.md, "Targets": 奉贤园's 三大特色产业
   * are its 三大主导产业). The park reports the first; its value answers the others too.
   */
  sameFigures: z.array(z.object({ indicators: z.array(codeSchema).min(2), note: localizedSchema })).default([]),
});
export type Park = z.infer<typeof parkSchema>;

/**
 * How a figure behaves over time and how it is evaluated:
 * - level: stock at period end (存量/期末数)
 * - flow: amount during the year (当年/年度)
 * - cumulative: running total since the plan started (新增/引进/累计)
 * - ratio: numerator / denominator (占比/比重), in percent
 * - rate: numerator / denominator with other units (人均, 日均)
 */
export const measureKindSchema = z.enum(['level', 'flow', 'cumulative', 'ratio', 'rate']);
export type MeasureKind = z.infer<typeof measureKindSchema>;

/** Whole counts versus decimal amounts. */
export const valueTypeSchema = z.enum(['integer', 'decimal']);
export type ValueType = z.infer<typeof valueTypeSchema>;

/**
 * sum: additive across parks; ratio: Σnumerator / Σdenominator (× scale);
 * none: cannot be added across parks (e.g. a share of a district total).
 */
export const consolidationSchema = z.enum(['sum', 'ratio', 'none']);
export type ConsolidationKind = z.infer<typeof consolidationSchema>;

/** The denominator may be another indicator or the number of days in the period (日均). */
export const componentRefSchema = z.union([z.object({ indicator: codeSchema }), z.object({ periodDays: z.literal(true) })]);
export type ComponentRef = z.infer<typeof componentRefSchema>;

export const indicatorSchema = z.object({
  code: codeSchema,
  name: localizedSchema,
  definition: localizedSchema,
  /** Canonical unit in which the figure is reported and stored (see units.ts). */
  unit: z.string().min(1),
  measure: measureKindSchema,
  valueType: valueTypeSchema,
  consolidation: consolidationSchema,
  /** Why it consolidates as it does, where that needs saying (no zone total: each park's own industries). */
  consolidationNote: localizedSchema.optional(),
  /** For ratio and rate: value = numerator / denominator × scale (scale 100 for percent). */
  components: z.object({ numerator: componentRefSchema, denominator: componentRefSchema, scale: z.number().positive() }).optional(),
  /** This figure is a part of another (part ≤ whole), e.g. 研发经费支出 ≤ 营业收入. */
  partOf: codeSchema.optional(),
  /**
   * A running total that never falls, counted from before the plan (累计认定的高新技术企业,
   * 累计集聚基金规模): evaluated as a level from the baseline, but checked like a 累计 figure.
   * Measure 'cumulative' (a total since the plan started) implies it.
   */
  runningTotal: z.boolean().default(false),
  /** Member of the zone-wide common set every park reports, target or not. */
  common: z.boolean().default(false),
  /** Lower and upper bounds for plausibility (e.g. a share in 0-100). */
  range: z.object({ min: z.number().optional(), max: z.number().optional() }).optional(),
  /** Why this indicator is kept apart from a similar one (different definition). */
  distinctFrom: z.array(z.object({ indicator: codeSchema, reason: localizedSchema })).default([]),
  /**
   * A park with a target on it reports its value for the year before the plan (基期值). False for
   * a figure that has no such value (a measure the district begins with the plan): its template
   * asks no baseline and its 序时进度 cannot be judged (无法判断).
   */
  hasBaseline: z.boolean().default(true),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * gte: 达到/实现/建成/不少于/以上 (≥); gt: 超过 (>); range: 1-2家 (at least value, aim for valueHigh).
 * stretch marks 力争/努力/争取 (a stretch goal, still evaluated as ≥).
 */
export const comparisonSchema = z.enum(['gte', 'gt', 'range']);
export type Comparison = z.infer<typeof comparisonSchema>;

/**
 * A later passage of the plan that restates a target (闵行园 task 10: 建成1-2家 for the goal
 * 达到2家). It is a second quote of the one target, shown and never evaluated; where it words the
 * figure differently, the figure as it words it is kept.
 */
export const restatementSchema = z.object({
  quote: z.string().min(1), // verbatim substring of the park's seed file
  value: z.number().optional(), // as this passage writes it, when it differs from the target
  valueHigh: z.number().optional(),
  comparison: comparisonSchema.optional(),
  note: localizedSchema, // how the passage is read against the target
});
export type Restatement = z.infer<typeof restatementSchema>;

/** One target per park, indicator and year (docs/domain.md, "Targets"). */
export const targetSchema = z.object({
  id: z.string().min(1), // `${park}.${indicator}.${year}`
  park: codeSchema,
  indicator: codeSchema,
  value: z.number(), // as written, in `unit`
  valueHigh: z.number().optional(), // upper end of a range
  unit: z.string().min(1), // unit as written in the plan ("亿", "亿元", "万", "家", "%")
  unitCode: z.string().min(1), // the UNITS code the written unit means ("亿" → "亿元", "万" → "万人")
  comparison: comparisonSchema,
  stretch: z.boolean(),
  year: z.number().int(),
  quote: z.string().min(1), // the binding wording: verbatim substring of the seed file, containing the value
  restatements: z.array(restatementSchema).default([]),
  /** How an ambiguous wording was read, if it was; printed in the evaluation workbook. */
  note: localizedSchema.optional(),
});
export type Target = z.infer<typeof targetSchema>;

/**
 * A figure a plan aims at without making it a target: no year, a tier rather than a value
 * (奉贤园 美丽健康 努力打造千亿级产业集群). Shown as a note beside the park's targets, never evaluated.
 */
export const aimSchema = z.object({
  id: z.string().min(1), // `${park}.${indicator or topic}.aim`
  park: codeSchema,
  indicator: codeSchema.optional(), // the figure that would measure it, if the catalogue has one
  quote: z.string().min(1), // verbatim substring of the seed file
  note: localizedSchema, // why it is an aim and not a target
});
export type Aim = z.infer<typeof aimSchema>;

/** How a park's own wording maps onto a catalogue indicator. */
export const wordingSchema = z.object({
  park: codeSchema,
  wording: z.string().min(1),
  indicator: codeSchema,
});
export type Wording = z.infer<typeof wordingSchema>;

/** What a park's plan is, apart from its targets: the fields a replaced plan keeps in history. */
export const planRecordSchema = parkSchema.pick({
  planTitle: true,
  documentNumber: true,
  issuedOn: true,
  plan: true,
  draft: true,
  seedFile: true,
  planSource: true,
});
export type PlanRecord = z.infer<typeof planRecordSchema>;

/**
 * A plan replaced by a later one (征求意见稿 → the adopted plan): its targets stay, and templates
 * and evaluations of its years still read them (catalogueInForce).
 */
export const supersededPlanSchema = z.object({
  park: codeSchema,
  plan: planRecordSchema,
  targets: z.array(targetSchema),
  /** The last year this plan governs; the plan that replaced it governs from the next year on. */
  lastYear: z.number().int(),
  /** The catalogue version that replaced it, and when. */
  replacedInVersion: z.number().int().positive(),
  replacedAt: z.string(),
});
export type SupersededPlan = z.infer<typeof supersededPlanSchema>;

/**
 * The zone and the statistical form its parks fill (a formal return, docs/domain.md, "Workbooks"):
 * 表号 (the form's number in the zone's reporting system) and 制表机关 (the body that issues it).
 * Both are set by the zone; the template prints them in its heading.
 */
export const zoneSchema = z.object({
  code: z.literal('zone'),
  name: localizedSchema,
  form: z.object({ number: z.string().min(1), authority: localizedSchema }),
});
export type Zone = z.infer<typeof zoneSchema>;

export const catalogueSchema = z.object({
  /**
   * The catalogue version this is (docs/catalogue.md): 1 is the seeds as first stored, each
   * published change the next. 0 for the seeds read from the repository, before storage.
   */
  version: z.number().int().nonnegative().default(0),
  zone: zoneSchema,
  parks: z.array(parkSchema),
  indicators: z.array(indicatorSchema),
  targets: z.array(targetSchema),
  aims: z.array(aimSchema).default([]),
  wordings: z.array(wordingSchema),
  supersededPlans: z.array(supersededPlanSchema).default([]),
});
export type Catalogue = z.infer<typeof catalogueSchema>;
