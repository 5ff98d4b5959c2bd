import { buildTemplate, periodDays, previousPeriod, type Catalogue, type Park, type Period, type TemplateModel } from '@zj/shared';
import { collectBaselines } from './collect-baselines.js';
import { LruCache } from './lru-cache.js';
import { periodOrder } from './period-order.js';
import type { Services } from './services.js';

// buildTemplate is pure: the same catalogue, park, period and context give the same template.
// Building and hashing it is most of the CPU of a template GET or a submit, so keep the recent
// ones. Cached templates are shared: callers only read them.
const cache = new WeakMap<Catalogue, LruCache<string, TemplateModel>>();

/**
 * The template of a park for a period as the server sees it now: the previous period's latest
 * values, and the baselines (基期值) known from returns of EARLIER periods. Returns of this
 * period do not feed its own template, so resubmitting does not make the template stale.
 */
export async function loadTemplate(svc: Services, park: Park, period: Period): Promise<TemplateModel> {
  const previous = previousPeriod(period);
  const heads = await svc.store.listHeads(park.code);
  const previousHead = heads.find((h) => h.period === previous.code);
  const context = {
    periodDays: periodDays(period),
    previous: previousHead ? { period: previous.code, values: previousHead.latestValues } : null,
    baselines: collectBaselines(park, heads, periodOrder(period)),
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
