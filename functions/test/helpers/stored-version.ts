import { buildTemplate, contentHash, validateReturn, type Actor, type Catalogue, type TemplateContext, type TemplateModel } from '@zj/shared';
import { storedResultOf } from '@zj/shared/api';
import { parsePeriod, reportingDays } from '@zj/shared/periods';
import type { NewVersion } from '../../src/storage/return-store.js';
import { figuresFor } from './valid-return.js';

/**
 * A version as submitReturn would store it, made without the API: the park's template for the
 * period (given its context, else none), every typed figure `value` (figuresFor), validated.
 * `note` makes its content, and so its content hash, its own.
 */
export function newVersionFor(
  catalogue: Catalogue,
  park: string,
  period: string,
  options: { value?: number; note?: string; at?: string; context?: Partial<TemplateContext> } = {},
): NewVersion {
  const template = templateFor(catalogue, park, period, options.context);
  const base = figuresFor(template, options.value ?? 10);
  const input = options.note ? { ...base, explanations: { 'note@test': options.note } } : base;
  const submittedBy: Actor = { id: `${park}-statistician`, name: `${park}统计员`, role: 'statistician', park };
  return {
    park,
    period,
    submittedAt: options.at ?? new Date().toISOString(),
    submittedBy,
    templateVersion: template.version,
    contentHash: contentHash(input),
    input,
    ...storedResultOf(validateReturn(template, input)),
    source: 'api',
  };
}

const built = new WeakMap<Catalogue, Map<string, TemplateModel>>();

/** The template of a park for a period with this context (none by default); built once per catalogue and context. */
export function templateFor(catalogue: Catalogue, park: string, period: string, context: Partial<TemplateContext> = {}): TemplateModel {
  const parsed = parsePeriod(period);
  if (!parsed.ok) throw new Error(`not a period: ${period}`);
  const key = JSON.stringify([park, period, context]);
  const cache = built.get(catalogue) ?? built.set(catalogue, new Map()).get(catalogue)!;
  let template = cache.get(key);
  if (!template)
    cache.set(
      key,
      (template = buildTemplate(catalogue, park, parsed.period, { periodDays: reportingDays(parsed.period), previous: null, baselines: {}, ...context })),
    );
  return template;
}
