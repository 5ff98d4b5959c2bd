import {
  buildTemplate,
  contentHash,
  declaredNoneOf,
  issueKey,
  validateReturn,
  type Actor,
  type Catalogue,
  type ParkReturnValues,
  type ReturnInput,
  type ReturnVersion,
  storedResultOf,
} from '@zj/shared';
import { makeSampleData, SAMPLE_LABEL, type SampleData } from '../../demo/make-sample-data.js';

export interface SampleHistory {
  data: SampleData;
  /** Stored versions, as the API keeps them, of every park and year generated. */
  versions: ReturnVersion[];
  /** The same as consolidation and evaluation read them. */
  returns: ParkReturnValues[];
}

const daysIn = (year: number) => (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365);

/**
 * 示例数据 returns put through the real template and validation, as a statistician would send
 * them: figures of the template's input fields, baselines with the first return, and a written
 * explanation for every warning. `skip` leaves a park without a return for a year.
 */
export function makeSampleHistory(catalogue: Catalogue, years: readonly number[], options: { skip?: Array<[string, number]>; parks?: string[] } = {}): SampleHistory {
  const data = makeSampleData(catalogue, { years, ...(options.parks ? { parks: options.parks } : {}) });
  const versions: ReturnVersion[] = [];
  for (const sample of data.years) {
    if (options.skip?.some(([p, y]) => p === sample.park && y === sample.year)) continue;
    const prev = data.years.find((y) => y.park === sample.park && y.year === sample.year - 1);
    const template = buildTemplate(catalogue, sample.park, { code: String(sample.year), year: sample.year, quarter: null }, {
      periodDays: daysIn(sample.year),
      previous: prev ? { period: String(prev.year), values: prev.values } : null,
      baselines: {},
    });
    const figures: ReturnInput['figures'] = {};
    const baselines: NonNullable<ReturnInput['baselines']> = {};
    for (const f of template.fields) {
      if (f.derived) continue;
      figures[f.key] = sample.values[f.key] ?? null;
      if (f.baseline && f.baseline.value === null) baselines[f.key] = data.baselines[sample.park]?.[f.key] ?? null;
    }
    const first = validateReturn(template, { templateVersion: template.version, figures, baselines });
    const explanations: Record<string, string> = {};
    first.issues
      .filter((i) => i.severity === 'warning')
      .forEach((issue, n) => {
        // The first explanation starts with "=": it must reach the workbook as text, never as a formula.
        explanations[issueKey(issue)] = n === 0 ? `=HYPERLINK("http://example.invalid","${SAMPLE_LABEL}") 新项目投产带来增长（${SAMPLE_LABEL}）` : `${SAMPLE_LABEL}：当年新增企业入驻，数值变化属实。`;
      });
    const input: ReturnInput = { templateVersion: template.version, figures, baselines, explanations };
    const result = validateReturn(template, input);
    const park = catalogue.parks.find((p) => p.code === sample.park)!;
    const actor: Actor = { id: `demo-${park.code}`, name: `${park.name.zh}统计员（${SAMPLE_LABEL}）`, role: 'statistician', park: park.code };
    versions.push({
      park: sample.park,
      period: String(sample.year),
      version: 1,
      submittedAt: `${sample.year + 1}-01-${String(10 + versions.length % 15).padStart(2, '0')}T02:30:00.000Z`,
      submittedBy: actor,
      templateVersion: template.version,
      contentHash: contentHash(input),
      input,
      ...storedResultOf(result),
      source: versions.length % 3 === 0 ? 'upload' : 'addin',
    });
  }
  const returns = versions.map((v) => ({ park: v.park, period: v.period, version: v.version, values: v.values, declaredNone: declaredNoneOf(v) }));
  return { data, versions, returns };
}
