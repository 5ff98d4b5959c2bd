import type { HttpRequest } from '@azure/functions';
import { authorizePark } from '../app/authorize.js';
import { loadTemplate } from '../app/load-template.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';
import { writeTemplateWorkbook } from '../workbooks/write-template-workbook.js';
import { xlsxResponse } from '../workbooks/xlsx-response.js';

/**
 * GET /api/templates/{park}/{period}.xlsx: the template workbook for offline and WPS use, the
 * same layout the add-in writes; ETag is the template version.
 */
export const getTemplateXlsx = withApiErrors(async (request: HttpRequest) => {
  const { svc, park, period } = await authorizePark(request, 'read_park');
  const template = await loadTemplate(svc, park, period);
  const body = await writeTemplateWorkbook(template);
  return xlsxResponse(body, `${park.code}-${period.code}.xlsx`, `${park.name.zh}-${period.code}-填报表.xlsx`, { etag: `"${template.version}"` });
});

export const registration = registerHttp({
  name: 'getTemplateXlsx',
  methods: ['GET'],
  route: 'templates/{park}/{period}.xlsx',
  handler: getTemplateXlsx,
});
