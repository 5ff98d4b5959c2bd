import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '@zj/shared';
import { fillTemplateWorkbook } from '../demo/fill-template-workbook.js';
import { makeSampleData } from '../demo/make-sample-data.js';
import { checkXlsxZip } from './check-xlsx-zip.js';
import { readTemplateWorkbook } from './read-template-workbook.js';
import { SOFFICE } from './__fixtures__/lo-available.js';
import { sampleTemplate } from './__fixtures__/sample-template.js';
import { withActiveXControl, withExternalLink, withOleObject, withPadding, withRenamedVbaProject, withVbaProject } from './__fixtures__/tamper-xlsx.js';
import { writeTemplateWorkbook } from './write-template-workbook.js';

// A return filled as a statistician fills it, which the upload accepts; then the same workbook
// with one thing added that the upload must refuse, each with its own code.
const template = sampleTemplate('jinshan', '2025');
const sample = makeSampleData(loadCatalogue(), { years: [2025] });
const filled = await fillTemplateWorkbook(
  await writeTemplateWorkbook(template),
  template,
  sample.years.find((y) => y.park === 'jinshan')!.values,
  sample.baselines.jinshan,
  Object.fromEntries(template.fields.map((f) => [f.key, '示例数据'])),
);
const refusal = async (bytes: Uint8Array) => {
  const r = await checkXlsxZip(bytes);
  return r.ok ? null : r.issue;
};

describe('checkXlsxZip: parts a return never has', () => {
  it('accepts the filled return, and reads it', async () => {
    expect(await checkXlsxZip(filled)).toEqual({ ok: true });
    expect((await readTemplateWorkbook(filled, template)).ok).toBe(true);
  });

  it.each([
    ['a VBA project (macros) in a workbook declared .xlsx', withVbaProject, 'upload_vba_project'],
    ['a VBA project under another part name (found by its content type)', withRenamedVbaProject, 'upload_vba_project'],
    ['an ActiveX control', withActiveXControl, 'upload_embedded_objects'],
    ['an embedded OLE object', withOleObject, 'upload_embedded_objects'],
  ])('refuses %s', async (_label, tamper, code) => {
    const issue = await refusal(tamper(filled));
    expect(issue?.code).toBe(code);
    expect(issue?.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(issue?.message.en).toMatch(/^[\x20-\x7e’]+$/);
  });

  it.skipIf(!SOFFICE)(
    'refuses a return whose figure is linked to another workbook, as LibreOffice saves it',
    async () => {
      const linked = await withExternalLink(filled, template);
      expect(Object.keys(unzipSync(linked)).filter((n) => n.startsWith('xl/externalLinks/'))).toContain('xl/externalLinks/externalLink1.xml');
      const issue = await refusal(linked);
      expect(issue?.code).toBe('upload_external_links');
      expect(issue?.message.zh).toContain('外部链接');
      expect(issue?.message.en).toContain('links to other workbooks');
    },
    120_000,
  );
});

describe('checkXlsxZip: what the zip-bomb refusal says', () => {
  it('names the compression ratio when the ratio is the reason, not the 50 MB limit the file is under', async () => {
    const padded = withPadding(filled, 8);
    const issue = await refusal(padded);
    expect(issue?.code).toBe('upload_compression_too_high');
    expect(Number(issue?.params.ratio)).toBeGreaterThan(100);
    expect(issue?.params.maxRatio).toBe(100);
    expect(issue?.message.zh).toContain(`压缩比约为${issue?.params.ratio}倍`);
    expect(issue?.message.zh).not.toContain('50MB');
    expect(issue?.message.en).toContain('compressed about');
    expect(issue?.message.en).not.toContain('50 MB');
  });

  it('names the 50 MB limit when the size is the reason', async () => {
    const issue = await refusal(withPadding(filled, 60));
    expect(issue?.code).toBe('upload_expands_too_far');
    expect(issue?.message.zh).toContain('超过上限50MB');
  });
});
