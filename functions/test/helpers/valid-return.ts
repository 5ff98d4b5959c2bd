import type { ReturnInput, TemplateModel } from '@zj/shared';
import { call } from './harness.js';

/**
 * Figures that make a return acceptable for any template the catalogue gives: the same whole
 * number in every typed field (so parts equal wholes and nothing changes from the last period),
 * every missing baseline, and an explanation for each warning the server still raises.
 */
export async function makeValidReturn(base: string, token: string, park: string, period: string, value = 10): Promise<ReturnInput> {
  const template = await call(base, 'getTemplate', { params: { park, period }, token });
  if (template.status !== 200) throw new Error(`template ${park}/${period}: ${template.status} ${JSON.stringify(template.body)}`);
  const input = figuresFor(template.body, value);
  const checked = await call(base, 'validateReturn', { params: { park, period }, token, json: input });
  if (checked.status !== 200) throw new Error(`validate: ${checked.status} ${JSON.stringify(checked.body)}`);
  input.explanations = Object.fromEntries((checked.body.unexplained as string[]).map((k) => [k, `测试说明 explanation of ${k}`]));
  const again = await call(base, 'validateReturn', { params: { park, period }, token, json: input });
  if (!again.body.acceptable) throw new Error(`cannot make ${park}/${period} acceptable: ${JSON.stringify(again.body.issues, null, 1)}`);
  return input;
}

export function figuresFor(template: TemplateModel, value = 10): ReturnInput {
  const figures: ReturnInput['figures'] = {};
  const baselines: NonNullable<ReturnInput['baselines']> = {};
  for (const f of template.fields) {
    if (f.derived) continue;
    figures[f.key] = value;
    if (f.baseline !== null && f.baseline.value === null) baselines[f.key] = value;
  }
  return { templateVersion: template.version, figures, baselines };
}
