import { buildTemplate, type Catalogue, type Park, type TemplateModel } from '@zj/shared';
import { periodOrder, previousPeriod, reportingDays, type Period } from '@zj/shared/periods';
import { collectBaselines } from '@zj/shared/returns';
import { LruCache } from './lru-cache.js';
import { readParkReturns } from './read-park-returns.js';
import type { Services } from './services.js';

// buildTemplate is pure: the same catalogue, park, period and context give the same template.
// Building and hashing it is most of the CPU of a template GET or a submit, so keep the recent
// ones. Cached templates are shared: callers only read them.
const cache = new WeakMap<Catalogue, LruCache<string, TemplateModel>>();

/**
 * The template of a park for a period as the server sees it now: the previous period's latest
 * accepted values (a version a reviewer returned, 退回, is no previous value), and the baselines
 * (基期值) known from accepted returns of EARLIER periods. Returns of this period do not feed its
 * own template, so resubmitting does not make the template stale; returning a version of an
 * earlier period does, as it changes the figures the template compares with.
 */
export async function loadTemplate(svc: Services, park: Park, period: Period): Promise<TemplateModel> {
  const previous = previousPeriod(period);
  const earlier = await readParkReturns(svc, park.code, periodOrder(period));
  const previousReturn = earlier.find((r) => r.period === previous.code)?.accepted;
  const context = {
    periodDays: reportingDays(period),
    previous: previousReturn ? { period: previous.code, values: previousReturn.values } : null,
    baselines: collectBaselines(park, earlier),
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
