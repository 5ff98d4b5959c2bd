/**
 * The figures of one park for one period, in canonical units, taken from the latest accepted
 * version of its return. Consolidation and evaluation read only these and name the versions used.
 */
export interface ParkReturnValues {
  park: string;
  period: string;
  version: number;
  /** By indicator code; null = blank (not reported), which is never the same as 0. */
  values: Record<string, number | null>;
  /**
   * Indicator codes declared none (无, —, N/A) in this return: answered, and read as 0
   * (docs/domain.md, "Declared none (无)"). Versions stored before 无 was kept as 0 hold null
   * there; `readAnswers` reads both the same way.
   */
  declaredNone?: readonly string[];
}

/** A return's figures as consolidation and evaluation read them. */
export interface Answers {
  /** By indicator code: a figure declared none is 0, a blank stays null. */
  values: Readonly<Record<string, number | null>>;
  /** The codes the park declared none (无), to show 「无」 where the figure is shown. */
  none: ReadonlySet<string>;
}

/**
 * The one reading of 无 (docs/domain.md, "Declared none (无)"): a figure declared none is 0,
 * whether it was stored as 0 or, by versions before that, as null. A declared code that holds
 * another value is read as that value (the value wins).
 */
export function readAnswers(r: Pick<ParkReturnValues, 'values' | 'declaredNone'>): Answers {
  const declared = r.declaredNone ?? [];
  if (declared.length === 0) return { values: r.values, none: new Set() };
  const values = { ...r.values };
  const none = new Set<string>();
  for (const code of declared) {
    const v = values[code] ?? null;
    if (v === null || v === 0) {
      values[code] = 0;
      none.add(code);
    }
  }
  return { values, none };
}

/** Which stored return a figure came from. */
export interface ReturnSource {
  park: string;
  version: number;
}

/**
 * The returns of one period by park. The caller passes the latest accepted version of each
 * park, so a second return of the same park, a return of another period, or a value that is
 * not a finite number is misuse: this throws rather than guess which one counts.
 */
export function computeReturnIndex(returns: readonly ParkReturnValues[], period: string): Map<string, ParkReturnValues> {
  const byPark = new Map<string, ParkReturnValues>();
  for (const r of returns) {
    if (r.period !== period) throw new Error(`return of ${r.park} is for period ${r.period}, not ${period}`);
    if (byPark.has(r.park)) throw new Error(`two returns of ${r.park} for ${period}: pass only the latest accepted version`);
    for (const [code, v] of Object.entries(r.values)) {
      if (v !== null && !Number.isFinite(v)) throw new Error(`return of ${r.park} (${period}) has a non-finite ${code}`);
    }
    byPark.set(r.park, r);
  }
  return byPark;
}
