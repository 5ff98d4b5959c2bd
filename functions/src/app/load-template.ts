import { buildTemplate, type Catalogue, type Park, type TemplateModel } from '@zj/shared';
import { periodOrder, previousPeriod, reportingDays, type Period } from '@zj/shared/periods';
import { LruCache } from './lru-cache.js';
import { readKnownBaselines } from './read-known-baselines.js';
import type { Services } from './services.js';

// buildTemplate is pure: the same catalogue, park, period and context give the same template.
// Building and hashing it is most of the CPU of a template GET or a submit, so each is built
// once and kept while it is the current one. Cached templates are shared: callers only read them.
const cache = new WeakMap<Catalogue, LruCache<string, TemplateModel>>();

/**
 * The template of a park for a period as the server sees it now: the previous period's latest
 * accepted values (a version a reviewer returned, 退回, is no previous value), and the baselines
 * (基期值) known from accepted returns of EARLIER periods. Returns of this period do not feed its
 * own template, so resubmitting does not make the template stale; returning a version of an
 * earlier period does, as it changes the figures the template compares with.
 *
 * Reads three rows whatever the park's history: the previous period's head, and the park's
 * baselines row and baseline year's head (readKnownBaselines).
 */
export async function loadTemplate(svc: Services, park: Park, period: Period): Promise<TemplateModel> {
  const previous = previousPeriod(period);
  const [previousHead, baselines] = await Promise.all([svc.store.readPeriodHead(park.code, previous.code), readKnownBaselines(svc, park, periodOrder(period))]);
  const context = {
    periodDays: reportingDays(period),
    previous: previousHead?.accepted ? { period: previous.code, values: previousHead.accepted.values } : null,
    baselines,
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
