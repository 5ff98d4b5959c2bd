import { loadTemplate } from '../app/load-template.js';
import { ifNoneMatchHits, REVALIDATE } from '../http/not-modified.js';
import { attachment, registerRoute, routeHandler } from '../http/route-handler.js';
import { writeTemplateWorkbook } from '../workbooks/write-template-workbook.js';

/**
 * GET /api/templates/{park}/{period}.xlsx: the template workbook for offline and WPS use, the
 * same layout the add-in writes; ETag is the template version. 304, without building the
 * workbook, when If-None-Match names it.
 */
export const getTemplateXlsx = routeHandler('getTemplateXlsx', 'read_park', async ({ request, svc, park, period }) => {
  const template = await loadTemplate(svc, park, period);
  const headers = { etag: `"${template.version}"`, 'cache-control': REVALIDATE };
  if (ifNoneMatchHits(request.headers.get('if-none-match'), headers.etag)) return { status: 304, headers };
  const body = await writeTemplateWorkbook(template);
  return { status: 200, body, headers: { ...attachment(`${park.code}-${period.code}.xlsx`, `${park.name.zh}-${period.code}-填报表.xlsx`), ...headers } };
});

export const registration = registerRoute('getTemplateXlsx', getTemplateXlsx);
