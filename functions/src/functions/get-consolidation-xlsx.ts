import type { HttpRequest } from '@azure/functions';
import { consolidate, reportingDays, previousPeriod, type ReturnVersion } from '@zj/shared';
import { authorize } from '../app/authorize.js';
import { readPeriodReturns } from '../app/read-period-returns.js';
import { readParkStatus } from '../app/read-park-status.js';
import { resolvePeriod } from '../app/resolve-scope.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';
import { writeConsolidatedWorkbook } from '../workbooks/write-consolidated-workbook.js';
import { xlsxResponse } from '../workbooks/xlsx-response.js';

/**
 * GET /api/consolidation/{period}.xlsx: the consolidated workbook (汇总表) of the latest accepted
 * versions, with the previous period beside each figure and the versions, explanations and
 * warnings used (and the returned versions left out).
 */
export const getConsolidationXlsx = withApiErrors(async (request: HttpRequest) => {
  const { svc } = await authorize(request, 'read_zone');
  const period = resolvePeriod(request.params.period ?? '');
  const previous = previousPeriod(period);
  const [current, before, states] = await Promise.all([
    readPeriodReturns(svc, period.code),
    readPeriodReturns(svc, previous.code),
    Promise.all(svc.catalogue.parks.map((p) => readParkStatus(svc, p, period))),
  ]);
  const consolidation = consolidate(svc.catalogue, period.code, current.returns, { periodDays: reportingDays(period), returned: current.returned });
  const versions = await Promise.all(consolidation.sources.map((s) => svc.store.readVersion(s.park, period.code, s.version)));
  const body = await writeConsolidatedWorkbook({
    catalogue: svc.catalogue,
    consolidation,
    previous: before.returns.length ? consolidate(svc.catalogue, previous.code, before.returns, { periodDays: reportingDays(previous), returned: before.returned }) : null,
    versions: versions.filter((v): v is ReturnVersion => v !== null),
    states: Object.fromEntries(states.map((s) => [s.park, s.state])),
    generatedAt: svc.now().toISOString(),
  });
  return xlsxResponse(body, `consolidation-${period.code}.xlsx`, `${svc.catalogue.zone.name.zh}-${period.code}-汇总表.xlsx`);
});

export const registration = registerHttp({
  name: 'getConsolidationXlsx',
  methods: ['GET'],
  route: 'consolidation/{period}.xlsx',
  handler: getConsolidationXlsx,
});
