import { findUnit, isLeapYear, type Catalogue, type Indicator } from '@zj/shared';

/**
 * 示例数据 (sample data, not real statistics): deterministic annual figures for every park of a
 * catalogue, in canonical units, for the demo, the workbook tests and the bench. Targeted figures
 * start from a baseline below the 2026 target and move along (or off) the straight path, so the
 * evaluation shows every status; parts stay below their wholes (研发经费 ≤ 营业收入).
 */
export interface SampleYear {
  park: string;
  year: number;
  /** By indicator code, ratios and rates left out: they come from their components. */
  values: Record<string, number | null>;
}

export interface SampleData {
  /** 基期值 per park per indicator (the year before each plan starts). */
  baselines: Record<string, Record<string, number | null>>;
  years: SampleYear[];
}

export const SAMPLE_LABEL = '示例数据';

/** mulberry32 seeded by a string: the same sample on every machine. */
function random(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let a = (h << 13) | (h >>> 19);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (ind: Indicator, v: number) => (ind.valueType === 'integer' ? Math.round(v) : Math.round(v * 100) / 100);

/** A plausible size of a figure from its unit, before targets shape it. */
function typicalSize(ind: Indicator, r: () => number): number {
  switch (ind.unit) {
    case '万元':
      return 200_000 + r() * 2_000_000;
    case '人':
      return 5_000 + r() * 30_000;
    case '平方米':
      return 50_000 + r() * 400_000;
    default:
      return 5 + Math.floor(r() * 120);
  }
}

export interface SampleOptions {
  years: readonly number[];
  /** Park codes to generate (all of the catalogue by default). */
  parks?: readonly string[];
  /** Leave this share of targeted figures blank in the last year (未报送 in the evaluation). */
  blankShare?: number;
}

export function makeSampleData(catalogue: Catalogue, options: SampleOptions): SampleData {
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const parks = catalogue.parks.filter((p) => !options.parks || options.parks.includes(p.code));
  const data: SampleData = { baselines: {}, years: [] };
  for (const park of parks) {
    const r = random(`sample:${park.code}`);
    const baseYear = park.plan.startYear - 1;
    const targets = catalogue.targets.filter((t) => t.park === park.code);
    // Progress of each year along the path from the baseline to the 2026 target: some ahead, some behind.
    const pace = new Map(targets.map((t) => [t.indicator, 0.35 + r() * 0.9]));
    const wantedRatio = new Map<string, { base: number; target: number }>();
    const targetValue = new Map<string, { base: number; target: number; year: number }>();
    for (const t of targets) {
      const ind = byCode.get(t.indicator)!;
      const factor = unitFactor(t.unitCode) / unitFactor(ind.unit);
      const target = t.value * factor;
      const base = ind.measure === 'cumulative' ? 0 : target * (0.55 + r() * 0.3);
      if (ind.components) wantedRatio.set(ind.code, { base, target });
      else targetValue.set(ind.code, { base, target, year: t.year });
    }
    // What other parks aim at says how large a figure is (2 incubators, not 80); otherwise the unit does.
    const aimedAt = (ind: Indicator) => {
      const aims = catalogue.targets.filter((t) => t.indicator === ind.code).map((t) => t.value * (unitFactor(t.unitCode) / unitFactor(ind.unit)));
      return aims.length ? (aims.reduce((a, b) => a + b, 0) / aims.length) * (0.5 + r() * 0.4) : undefined;
    };
    const level = new Map(catalogue.indicators.map((i) => [i.code, aimedAt(i) ?? typicalSize(i, r)]));
    const typicalRatio = new Map(
      catalogue.indicators.flatMap((ind) => {
        const aims = catalogue.targets.filter((t) => t.indicator === ind.code).map((t) => t.value * (unitFactor(t.unitCode) / unitFactor(ind.unit)));
        return ind.components && aims.length ? [[ind.code, (aims.reduce((a, b) => a + b, 0) / aims.length) * (0.6 + r() * 0.3)] as const] : [];
      }),
    );
    const growth = 1.04 + r() * 0.08;
    const valuesOf = (year: number): Record<string, number | null> => {
      const elapsed = (year - baseYear) / Math.max(1, 2026 - baseYear);
      const at = (code: string): number => {
        const t = targetValue.get(code);
        if (t) return t.base + (t.target - t.base) * Math.min(1.2, elapsed * pace.get(code)! * 1.6);
        return level.get(code)! * growth ** (year - baseYear);
      };
      const values: Record<string, number | null> = {};
      for (const ind of catalogue.indicators) {
        if (ind.components) continue;
        values[ind.code] = round(ind, at(ind.code));
      }
      // A targeted part may outgrow its whole: raise the whole (never a targeted one) above it
      // first, so the shares set below are shares of the final whole.
      for (let pass = 0; pass < 3; pass++) {
        for (const ind of catalogue.indicators) {
          const whole = ind.partOf;
          const part = values[ind.code];
          if (!whole || part == null || targetValue.has(whole)) continue;
          const w = values[whole];
          if (w != null && w < part) values[whole] = round(byCode.get(whole)!, part * 1.4);
        }
      }
      // Untargeted parts are a share of their whole.
      for (const ind of catalogue.indicators) {
        if (!ind.partOf || ind.components || targetValue.has(ind.code)) continue;
        const whole = values[ind.partOf];
        if (whole != null) values[ind.code] = round(ind, whole * (0.05 + random(`${park.code}:${ind.code}`)() * 0.25));
      }
      // Ratios: the numerator is set so the ratio follows the park's own path to its target, or,
      // for a ratio the park has no target on, sits somewhat below what other parks aim at.
      for (const ind of catalogue.indicators) {
        const c = ind.components;
        if (!c || !('indicator' in c.numerator) || targetValue.has(c.numerator.indicator)) continue;
        const den = 'indicator' in c.denominator ? values[c.denominator.indicator] : isLeapYear(year) ? 366 : 365;
        if (den == null) continue;
        const own = wantedRatio.get(ind.code);
        const ratio = own ? own.base + (own.target - own.base) * Math.min(1.2, elapsed * (pace.get(ind.code) ?? 1) * 1.6) : typicalRatio.get(ind.code);
        if (ratio === undefined) continue;
        let numerator = (den * ratio) / c.scale;
        // The numerator is itself a whole (主导产业营收 ⊇ 化工新材料产业): keep it above its parts by
        // raising the denominator instead, so the ratio still follows its path.
        const num = c.numerator.indicator;
        const floor = Math.max(0, ...catalogue.indicators.filter((i) => i.partOf === num).map((i) => values[i.code] ?? 0));
        if (numerator < floor * 1.05 && 'indicator' in c.denominator && !targetValue.has(c.denominator.indicator) && ratio > 0) {
          numerator = floor * 1.05;
          values[c.denominator.indicator] = round(byCode.get(c.denominator.indicator)!, (numerator * c.scale) / ratio);
        }
        values[num] = round(byCode.get(num)!, numerator);
      }
      return values;
    };
    const baseValues = valuesOf(baseYear);
    data.baselines[park.code] = Object.fromEntries(
      catalogue.indicators.filter((i) => !i.components).map((i) => [i.code, i.measure === 'cumulative' ? 0 : (baseValues[i.code] ?? null)]),
    );
    for (const year of options.years) {
      if (year < baseYear) continue;
      const values = year === baseYear ? { ...baseValues } : valuesOf(year);
      data.years.push({ park: park.code, year, values });
    }
    const last = data.years.filter((y) => y.park === park.code).at(-1);
    if (last && options.blankShare) {
      for (const t of targets) if (r() < options.blankShare && !byCode.get(t.indicator)!.components) last.values[t.indicator] = null;
    }
  }
  return data;
}

function unitFactor(code: string): number {
  return findUnit(code)?.factor ?? 1;
}
