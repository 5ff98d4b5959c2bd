import type { HttpResponseInit } from '@azure/functions';
import { XLSX_CONTENT_TYPE } from './xlsx-content-type.js';

/**
 * A workbook download. The file name is given twice: plain ASCII for old clients and RFC 5987
 * UTF-8 for the Chinese name browsers show (金山园-2025-填报表.xlsx).
 */
export function xlsxResponse(body: Buffer, asciiName: string, name: string, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status: 200,
    body,
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'content-length': String(body.length),
      'cache-control': 'no-store',
      ...headers,
    },
  };
}
