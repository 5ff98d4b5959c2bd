import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, unzipSync, type Unzipped, type ZipInputFile } from 'fflate';
import type { Workbook } from 'exceljs';

/**
 * An .xlsx compressed once, by node's own zlib: exceljs writes its parts uncompressed (its
 * JavaScript deflate took half the build of a 24-park workbook), `edit` may change the parts
 * (injectChartParts adds the charts), and each part is deflated natively (level 6) into a zip
 * written by fflate.
 */
export async function packWorkbook(wb: Workbook, edit?: (files: Unzipped) => void): Promise<Buffer> {
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Parameters<Workbook['xlsx']['writeBuffer']>[0]);
  const files = unzipSync(new Uint8Array(stored as ArrayBuffer));
  edit?.(files);
  return zipParts(files);
}

/** The parts as a zip, each deflated by node:zlib (level 6), in the order given. */
export function zipParts(files: Unzipped): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [filename, data] of Object.entries(files)) {
    const part: ZipInputFile = { filename, size: data.length, crc: crc32(data), compression: 8 };
    zip.add(part);
    part.ondata?.(null, deflateRawSync(data, { level: 6 }), true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
