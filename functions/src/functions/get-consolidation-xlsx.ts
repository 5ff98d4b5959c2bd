import { consolidate, type ReturnVersion } from '@zj/shared';
import { computeDueDate, periodOf, reportingDays, type Period } from '@zj/shared/periods';
import { cachedBuild, XLSX_FORMAT } from '../app/cached-build.js';
import { parkStatusOf } from '../app/read-park-status.js';
import { readPeriodReturns } from '../app/read-period-returns.js';
import { resolvePeriod } from '../app/resolve-scope.js';
import type { Services } from '../app/services.js';
import { attachment, registerRoute, routeHandler } from '../http/route-handler.js';
import { writeConsolidatedWorkbook } from '../workbooks/write-consolidated-workbook.js';

/**
 * GET /api/consolidation/{period}.xlsx: the consolidated workbook (汇总表) of the latest accepted
 * versions, with the same period of last year (上年同期) beside each figure, never the previous
 * quarter (docs/domain.md, "Periods and comparisons"), and the versions, explanations and
 * warnings used (and the returned versions left out). Built from the heads of the period and of
 * the same period of last year; served from cache while none of them has moved and the catalogue
 * version is the same (app/cached-build.ts): then it reads the change stamps of the two periods
 * (one call), and only when those moved or were last checked more than the trust window ago, the
 * heads' ETags (one query a park).
 */
export const getConsolidationXlsx = routeHandler('getConsolidationXlsx', 'read_zone', async ({ svc, params }) => {
  const period = resolvePeriod(params.period);
  const previous = periodOf(period.year - 1, period.quarter);
  const body = await cachedBuild(svc, {
    kind: `consolidation-${period.code}`,
    format: XLSX_FORMAT,
    stamps: [period.code, previous.code],
    context: contextOf(svc, period),
    probe: async () => {
      const tags = await Promise.all(svc.catalogue.parks.map((p) => svc.store.readHeadTags(p.code, [period.code, previous.code], false)));
      return sourcesOf(
        tags.map((t) => t.heads[0] ?? null),
        tags.map((t) => t.heads[1] ?? null),
      );
    },
    build: async () => {
      const [current, before] = await Promise.all([readPeriodReturns(svc, period.code), readPeriodReturns(svc, previous.code)]);
      const states = svc.catalogue.parks.map((p, i) => parkStatusOf(svc, p, period, current.heads[i] ?? null));
      const consolidation = consolidate(svc.catalogue, period.code, current.returns, { periodDays: reportingDays(period), returned: current.returned });
      // The explanations and warnings of the versions used are in their documents.
      const versions = await Promise.all(consolidation.sources.map((s) => svc.store.readVersion(s.park, period.code, s.version)));
      const value = await writeConsolidatedWorkbook({
        catalogue: svc.catalogue,
        consolidation,
        lastYear: before.returns.length
          ? consolidate(svc.catalogue, previous.code, before.returns, { periodDays: reportingDays(previous), returned: before.returned })
          : null,
        versions: versions.filter((v): v is ReturnVersion => v !== null),
        states: Object.fromEntries(states.map((s) => [s.park, s.state])),
        generatedAt: svc.now().toISOString(),
      });
      const sources = sourcesOf(
        current.heads.map((h) => h?.etag ?? null),
        before.heads.map((h) => h?.etag ?? null),
      );
      return { sources, value };
    },
  });
  return { status: 200, body, headers: attachment(`consolidation-${period.code}.xlsx`, `${svc.catalogue.zone.name.zh}-${period.code}-汇总表.xlsx`) };
});

/** What the workbook is built from: the ETags of each park's head of the period and of the same period of last year. */
function sourcesOf(heads: Array<string | null>, previous: Array<string | null>): unknown {
  return { heads, previous };
}

/**
 * What the workbook depends on besides the heads: the period, and the one thing of a park's
 * state that is not in its head (read-park-status.ts: a park with nothing submitted is 未开始
 * until the period's due date, 逾期 after it).
 */
function contextOf(svc: Services, period: Period): unknown {
  const due = computeDueDate(period, svc.settings.dueDaysAfterPeriodEnd);
  return { period: period.code, due: due.toISOString(), overdue: svc.now() > due };
}

export const registration = registerRoute('getConsolidationXlsx', getConsolidationXlsx);
