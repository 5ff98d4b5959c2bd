import { readFileSync } from 'node:fs';
import { checkOnboarding, extractTargets, initialReview, loadCatalogue, readPlanHeader } from '@zj/shared';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { seenProposals as seen } from './__fixtures__/seen-proposals.js';
import { joinPdfLines, type PdfLine } from './join-pdf-lines.js';
import { readPlanFile } from './read-plan-file.js';

/**
 * A plan uploaded as a .docx or a PDF reads as the same plan as its text. The fixtures were made
 * from baoshan-plan.txt (a plan that is none of the five seeds) by LibreOffice headless: the .docx
 * from the text, the PDF from the .docx (A4, its lines wrap inside sentences: 「每年举办科技成
 * 果路演活动不少于20场」), scanned-plan.pdf is page 1 of that PDF as a JPEG and nothing else,
 * locked-plan.pdf has an opening password (functions/src/plans/__fixtures__/README.md).
 */
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));
const TEXT = readFileSync(new URL('./__fixtures__/baoshan-plan.txt', import.meta.url), 'utf8');
const catalogue = loadCatalogue();

describe('readPlanFile', () => {
  const fromText = extractTargets(TEXT, catalogue);

  it('reads a .docx as its text, a paragraph a line, and the extractor proposes the same targets', async () => {
    const read = await readPlanFile(fixture('baoshan-plan.docx'), '宝山园行动方案.docx');
    if (!read.ok) throw new Error(read.code);
    expect(read.format).toBe('docx');
    expect(read.text).toBe(TEXT);
    expect(seen(extractTargets(read.text, catalogue))).toEqual(seen(fromText));
  });

  it('reads a PDF with a text layer: lines broken inside a sentence joined, no spaces between runs of Chinese and digits, the same targets', async () => {
    const read = await readPlanFile(fixture('baoshan-plan.pdf'), '宝山园行动方案.pdf');
    if (!read.ok) throw new Error(read.code);
    expect([read.format, read.pages]).toEqual(['pdf', 1]);
    // The text as in the plain file, less its empty lines (a PDF has none, only space on the page).
    expect(read.text).toBe(TEXT.replace(/\n{2,}/g, '\n'));
    const proposals = extractTargets(read.text, catalogue);
    expect(seen(proposals)).toEqual(seen(fromText));
    expect(proposals.map((p) => p.quote)).toContain('每年举办科技成果路演活动不少于20场');
    // The quote check of the review runs on this text: every quote of the proposals passes it.
    const review = initialReview(catalogue, proposals, readPlanHeader(read.text), new Date('2026-03-01T00:00:00Z'));
    expect(review.plan).toMatchObject({ documentNumber: '宝府发〔2025〕5号', startYear: 2025, endYear: 2026 });
    const accepted = { ...review, items: review.items.map((i) => ({ ...i, decision: 'accepted' as const })) };
    expect(checkOnboarding(catalogue, accepted, read.text).filter((i) => i.code === 'onboarding_quote_not_in_plan')).toEqual([]);
  });

  it('says a PDF without a text layer (a scan) has no text, and a password-protected one is encrypted', async () => {
    expect(await readPlanFile(fixture('scanned-plan.pdf'), '扫描件.pdf')).toEqual({
      ok: false,
      code: 'plan_no_text',
      params: { file: '扫描件.pdf', pages: 1 },
    });
    expect(await readPlanFile(fixture('locked-plan.pdf'), 'locked.pdf')).toEqual({ ok: false, code: 'plan_encrypted', params: { file: 'locked.pdf' } });
    // Office keeps a password-protected .docx encrypted inside an OLE2 file.
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from('EncryptionInfo', 'utf16le'), 600);
    expect((await readPlanFile(ole, 'locked.docx')).ok === false && (await readPlanFile(ole, 'locked.docx'))).toMatchObject({ code: 'plan_encrypted' });
    ole.fill(0, 600);
    expect(await readPlanFile(ole, 'old.doc')).toMatchObject({ ok: false, code: 'plan_unreadable' });
  });

  it('refuses a damaged file, a file that is no plan document, an empty or too large one', async () => {
    const pdf = fixture('baoshan-plan.pdf');
    expect(await readPlanFile(pdf.slice(0, 4000), 'cut.pdf')).toMatchObject({ ok: false, code: 'plan_file_corrupt', params: { file: 'cut.pdf' } });
    const docx = fixture('baoshan-plan.docx');
    expect(await readPlanFile(docx.slice(0, docx.length - 300), 'cut.docx')).toMatchObject({ ok: false, code: 'plan_file_corrupt' });
    expect(await readPlanFile(new Uint8Array(0), 'empty.docx')).toMatchObject({ ok: false, code: 'plan_unreadable' });
    expect(await readPlanFile(strToU8('<html>方案</html>'), 'plan.html')).toMatchObject({ ok: false, code: 'plan_unreadable' });
    const workbook = zipSync({
      '[Content_Types].xml': strToU8('<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
    });
    expect(await readPlanFile(workbook, 'plan.xlsx')).toMatchObject({ ok: false, code: 'plan_unreadable' });
    expect(await readPlanFile(pdf, 'big.pdf', { maxBytes: 50_000, maxEntries: 200, maxUncompressedBytes: 50 * 1024 * 1024, maxRatio: 100 })).toEqual({
      ok: false,
      code: 'plan_file_too_large',
      params: { file: 'big.pdf', size: 0.1, limit: 0.05 },
    });
  });

  it('refuses a .docx that would expand too far (a zip bomb) before mammoth unzips it', async () => {
    const bomb = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/document.xml': new Uint8Array(60 * 1024 * 1024),
    });
    const read = await readPlanFile(bomb, 'bomb.docx');
    expect(read).toMatchObject({ ok: false, code: 'plan_file_unsafe', params: { file: 'bomb.docx', size: 60 } });
  });
});

describe('joinPdfLines', () => {
  const line = (page: number, y: number, x: number, str: string, width = str.length * 10): PdfLine => ({ page, y, runs: [{ x, width, size: 10, str }] });

  it('joins a sentence over a page break, leaving out the page number, and keeps indented paragraphs and sentence ends apart', () => {
    const text = joinPdfLines([
      line(1, 700, 57, '到2026年,园区营业收入达到1250亿元,有效期内高新技术企业数', 480),
      line(1, 60, 280, '— 1 —', 40),
      line(2, 780, 57, '量达到1100家。'),
      line(2, 765, 77, '新的一段,缩进两个字。', 480),
      line(2, 750, 57, '一段在行末结束。', 480),
      line(2, 735, 57, '下一段从左边开始。'),
    ]);
    expect(text).toBe('到2026年,园区营业收入达到1250亿元,有效期内高新技术企业数量达到1100家。\n新的一段,缩进两个字。\n一段在行末结束。\n下一段从左边开始。\n');
  });

  it('orders runs by x, drops the spaces between Chinese and digits, and keeps one between Latin words', () => {
    const text = joinPdfLines([
      {
        page: 1,
        y: 700,
        runs: [
          { x: 117, width: 20, size: 10, str: ' 家' },
          { x: 57, width: 40, size: 10, str: '达到 ' },
          { x: 97, width: 12, size: 10, str: '80' },
        ],
      },
      {
        page: 1,
        y: 685,
        runs: [
          { x: 57, width: 60, size: 10, str: 'G60 Science' },
          { x: 120, width: 40, size: 10, str: 'Corridor' },
        ],
      },
    ]);
    expect(text).toBe('达到80家\nG60 Science Corridor\n');
  });
});
