import { buildTemplate, type Catalogue, type Park, type TemplateModel } from '@zj/shared';
import { periodOrder, previousPeriod, reportingDays, type Period } from '@zj/shared/periods';
import { baselineYearPeriod, baselinesKnown } from '@zj/shared/returns';
import type { HeadsAndBaselines } from '../storage/return-store.js';
import { LruCache } from './lru-cache.js';
import type { Services } from './services.js';

// buildTemplate is pure: the same catalogue, park, period and context give the same template.
// Building and hashing it is most of the CPU of a template GET or a submit, so each is built
// once and kept while it is the current one. Cached templates are shared: callers only read them.
const cache = new WeakMap<Catalogue, LruCache<string, TemplateModel>>();

/**
 * The heads a park's template for a period is made from, in this order: the previous period's
 * (its accepted values are the template's 上期数) and the baseline year's (its accepted
 * baselines). With the park's baselines row, they are all the template reads.
 */
export function templatePeriods(park: Park, period: Period): [previous: string, baselineYear: string] {
  return [previousPeriod(period).code, baselineYearPeriod(park)];
}

/**
 * The template of a park for a period as the server sees it now: the previous period's latest
 * accepted values (a version a reviewer returned, 退回, is no previous value), and the baselines
 * (基期值) known from accepted returns of EARLIER periods. Returns of this period do not feed its
 * own template, so resubmitting does not make the template stale; returning a version of an
 * earlier period does, as it changes the figures the template compares with.
 *
 * Reads three rows whatever the park's history, in one query of the park's heads partition
 * (readHeadsAndBaselines): the heads of templatePeriods and the park's baselines row. A caller
 * that needs more rows of that partition (submit: the period's own head) reads them in the same
 * query and passes the template's share as `rows` (its heads in templatePeriods' order).
 */
export async function loadTemplate(svc: Services, park: Park, period: Period, rows?: HeadsAndBaselines): Promise<TemplateModel> {
  const read = rows ?? (await svc.store.readHeadsAndBaselines(park.code, templatePeriods(park, period)));
  const [previousHead, baseYearHead] = read.heads;
  const context = {
    periodDays: reportingDays(period),
    previous: previousHead?.accepted ? { period: previousPeriod(period).code, values: previousHead.accepted.values } : null,
    baselines: baselinesKnown(park, read.baselines.index, baseYearHead?.accepted ?? null, periodOrder(period)),
  };
  const key = JSON.stringify([park.code, period.code, context]);
  let templates = cache.get(svc.catalogue);
  if (!templates) cache.set(svc.catalogue, (templates = new LruCache(500)));
  const cached = templates.get(key);
  if (cached) return cached;
  const template = buildTemplate(svc.catalogue, park.code, period, context);
  templates.set(key, template);
  return template;
}
