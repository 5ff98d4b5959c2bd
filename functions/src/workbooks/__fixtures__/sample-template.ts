import { buildTemplate, loadCatalogue, type TemplateModel } from '@zj/shared';

/** The real catalogue's template of 金山园 for 2025 (the first return: baselines asked). */
export function sampleTemplate(park = 'jinshan', period = '2025'): TemplateModel {
  const year = Number(period.slice(0, 4));
  return buildTemplate(loadCatalogue(), park, { code: period, year, quarter: null }, { periodDays: 365, previous: null, baselines: {} });
}
