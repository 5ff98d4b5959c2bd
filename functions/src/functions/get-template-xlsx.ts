import { loadTemplate } from '../app/load-template.js';
import { attachment, registerRoute, routeHandler } from '../http/route-handler.js';
import { writeTemplateWorkbook } from '../workbooks/write-template-workbook.js';

/**
 * GET /api/templates/{park}/{period}.xlsx: the template workbook for offline and WPS use, the
 * same layout the add-in writes; ETag is the template version.
 */
export const getTemplateXlsx = routeHandler('getTemplateXlsx', 'read_park', async ({ svc, park, period }) => {
  const template = await loadTemplate(svc, park, period);
  const body = await writeTemplateWorkbook(template);
  return { status: 200, body, headers: { ...attachment(`${park.code}-${period.code}.xlsx`, `${park.name.zh}-${period.code}-填报表.xlsx`), etag: `"${template.version}"` } };
});

export const registration = registerRoute('getTemplateXlsx', getTemplateXlsx);
