import { buildTemplate, parsePeriod, periodDays, previousPeriod, type Park, type Period, type TemplateModel } from '@zj/shared';
import { periodOrder } from './period-order.js';
import type { Services } from './services.js';

/**
 * The template of a park for a period as the server sees it now: the previous period's latest
 * values, and every baseline (基期值) reported with a return of an EARLIER period. Returns of this
 * period do not feed its own template, so resubmitting does not make the template stale.
 */
export async function loadTemplate(svc: Services, park: Park, period: Period): Promise<TemplateModel> {
  const previous = previousPeriod(period);
  const heads = await svc.store.listHeads(park.code);
  const order = periodOrder(period);
  const earlier = heads
    .map((head) => ({ head, parsed: parsePeriod(head.period) }))
    .flatMap(({ head, parsed }) => (parsed.ok && periodOrder(parsed.period) < order ? [{ head, order: periodOrder(parsed.period) }] : []))
    .sort((a, b) => a.order - b.order);
  const baselines: Record<string, number | null> = {};
  for (const { head } of earlier) {
    for (const [key, value] of Object.entries(head.latestBaselines)) if (value !== null) baselines[key] = value;
  }
  const previousHead = heads.find((h) => h.period === previous.code);
  return buildTemplate(svc.catalogue, park.code, period, {
    periodDays: periodDays(period),
    previous: previousHead ? { period: previous.code, values: previousHead.latestValues } : null,
    baselines,
  });
}
