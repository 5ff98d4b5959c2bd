import { z } from 'zod';
import { consolidationSchema, measureKindSchema, type Catalogue } from '../catalogue/catalogue-schema.js';
import { proposalComparisonSchema, type TargetProposal } from '../extraction/target-proposal.js';
import type { PlanHeader } from './read-plan-header.js';

/**
 * The consolidator's review of a plan's target proposals (docs/catalogue.md, "Onboarding"): what
 * the plan is (a new park, or a new plan of a park already in the catalogue), and for each
 * proposal, in the order the extractor gave them, the decision, the target as the reviewer edited
 * it and the indicator it maps to: an existing one or one defined here. It is kept on the server
 * as the review goes (a draft survives a closed pane) and may be incomplete: checkOnboarding says
 * what is still missing or wrong, and only a review without issues is published.
 */

const text = (max: number) => z.string().max(max);
const localizedDraft = (max: number) => z.object({ zh: text(max), en: text(max) });

export const onboardingPlanSchema = z.object({
  /** new: a park the catalogue lacks; replace: the park's plan is replaced (征求意见稿 → adopted), its old targets kept in history. */
  mode: z.enum(['new', 'replace']),
  /** The park's code: the new park's (lower snake_case, e.g. lingang), or the park whose plan is replaced. */
  park: text(40),
  name: localizedDraft(80),
  district: localizedDraft(80),
  planTitle: text(200),
  documentNumber: text(80).nullable(),
  /** YYYY-MM-DD, or null where the text gives no date. */
  issuedOn: text(10).nullable(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  /** 征求意见稿 and other drafts: the targets may still change. */
  draft: z.boolean(),
  /** replace: the first year the new plan governs; earlier years keep the old plan's targets. */
  fromYear: z.number().int().nullable(),
});
export type OnboardingPlan = z.infer<typeof onboardingPlanSchema>;

export const onboardingItemSchema = z.object({
  decision: z.enum(['pending', 'accepted', 'rejected']),
  /** The target as the reviewer confirmed or edited it, starting from the proposal. */
  value: z.number().nullable(),
  valueHigh: z.number().nullable(),
  /** As written (亿元, 亿, 家, %), and the unit code it means (units.ts), or null when none does. */
  unit: text(20),
  unitCode: text(20).nullable(),
  comparison: proposalComparisonSchema,
  stretch: z.boolean(),
  year: z.number().int().nullable(),
  /** Verbatim words of the plan: must be found in the uploaded text. */
  quote: text(2000),
  /** An existing indicator's code, or the code of one of newIndicators; null while unmapped. */
  indicator: text(60).nullable(),
  /** The reviewer compared the definitions the indicator must stay apart from (distinctFrom) and maps it all the same. */
  confirmedApart: z.boolean(),
  /** How an ambiguous wording was read, kept as the target's note. */
  note: text(1000),
});
export type OnboardingItem = z.infer<typeof onboardingItemSchema>;

export const newIndicatorSchema = z.object({
  code: text(60),
  name: localizedDraft(120),
  definition: localizedDraft(600),
  /** The canonical unit the figure is reported in (万元, 家, %, 人 …): a unit of units.ts with factor 1. */
  unit: text(20),
  measure: measureKindSchema,
  consolidation: consolidationSchema,
  hasBaseline: z.boolean(),
  /** For a ratio or rate: numerator and denominator, existing or new indicators (period_days for 日均). */
  components: z.object({ numerator: text(60), denominator: text(60) }).nullable(),
  /** Existing indicators of a similar name it is kept apart from, and why (both languages). */
  distinctFrom: z.array(z.object({ indicator: text(60), reason: localizedDraft(600) })).max(20),
});
export type NewIndicator = z.infer<typeof newIndicatorSchema>;

export const onboardingReviewSchema = z.object({
  plan: onboardingPlanSchema,
  items: z.array(onboardingItemSchema).max(1000),
  newIndicators: z.array(newIndicatorSchema).max(200),
});
export type OnboardingReview = z.infer<typeof onboardingReviewSchema>;

/** The denominator of a per-day rate (日均): the days of the period, not an indicator. */
export const PERIOD_DAYS = 'period_days';

/**
 * The review as it starts: the plan as its head reads (a park already in the catalogue under the
 * same name makes it a replacement of that park's plan), each proposal pending, with its target
 * as proposed and the indicator the extractor mapped it to.
 */
export function initialReview(catalogue: Catalogue, proposals: readonly TargetProposal[], header: PlanHeader, now: Date): OnboardingReview {
  const known =
    header.parkName === null ? undefined : catalogue.parks.find((p) => p.name.zh === header.parkName || p.name.zh === header.parkName?.replace(/区$/, ''));
  const plan: OnboardingPlan = {
    mode: known ? 'replace' : 'new',
    park: known?.code ?? '',
    name: known ? { ...known.name } : { zh: header.parkName ?? '', en: '' },
    district: known ? { ...known.district } : { zh: header.district ?? '', en: '' },
    planTitle: header.title ?? '',
    documentNumber: header.documentNumber,
    issuedOn: header.issuedOn,
    startYear: header.startYear,
    endYear: header.endYear ?? mostCommonYear(proposals),
    draft: header.draft,
    fromYear: known ? now.getUTCFullYear() : null,
  };
  const items = proposals.map(
    (p): OnboardingItem => ({
      decision: 'pending',
      value: p.value,
      valueHigh: p.valueHigh ?? null,
      unit: p.unit,
      unitCode: p.unitCode,
      comparison: p.comparison,
      stretch: p.stretch,
      year: p.year,
      quote: p.quote,
      indicator: p.mappedIndicator,
      confirmedApart: false,
      note: p.reading ?? '',
    }),
  );
  return { plan, items, newIndicators: [] };
}

function mostCommonYear(proposals: readonly TargetProposal[]): number | null {
  const counts = new Map<number, number>();
  for (const p of proposals) if (p.year !== null) counts.set(p.year, (counts.get(p.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && year > best)) best = year;
  return best;
}
