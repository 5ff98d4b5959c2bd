import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { UploadLimits } from '../workbooks/upload-limits.js';

/** Why a zip was refused, and the figures its message names ({size} in bytes, uncompressed). */
export type ZipRefusal =
  | { reason: 'corrupt' }
  | { reason: 'too_many_entries'; count: number }
  | { reason: 'expands_too_far'; size: number }
  | { reason: 'compression_too_high'; ratio: number; size: number };

export type ZipBudget = { ok: true; names: string[]; contentTypes: string | null; mimetype: string | null } | ({ ok: false } & ZipRefusal);

const MB = 1024 * 1024;

/**
 * Checks that a zip (an .xlsx or a .docx) is safe to hand to a library that unzips it whole into
 * memory (exceljs, mammoth):
 * 1. from the central directory alone, nothing decompressed yet: the number of parts, their total
 *    uncompressed size and the compression ratio (checked once the total passes 1 MB);
 * 2. then every part is inflated once as a stream, with yauzl refusing any part that inflates past
 *    the size its directory entry declares, so a lying directory cannot get round step 1.
 * Answers the parts' names, [Content_Types].xml and an OpenDocument's mimetype part (each null
 * when there is none). The caller checks
 * the signature first: this reads whatever it is given as a zip.
 */
export async function checkZipBudget(bytes: Uint8Array, limits: UploadLimits): Promise<ZipBudget> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await openZip(buffer);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  try {
    if (zip.entryCount > limits.maxEntries) return { ok: false, reason: 'too_many_entries', count: zip.entryCount };
    let entries: Entry[];
    try {
      entries = await readDirectory(zip);
    } catch {
      return { ok: false, reason: 'corrupt' };
    }
    const uncompressed = entries.reduce((s, e) => s + e.uncompressedSize, 0);
    const compressed = Math.max(
      1,
      entries.reduce((s, e) => s + e.compressedSize, 0),
    );
    const ratio = Math.round(uncompressed / compressed);
    if (uncompressed > limits.maxUncompressedBytes) return { ok: false, reason: 'expands_too_far', size: uncompressed };
    if (uncompressed > MB && ratio > limits.maxRatio) return { ok: false, reason: 'compression_too_high', ratio, size: uncompressed };
    let contentTypes: string | null = null;
    let mimetype: string | null = null;
    try {
      for (const entry of entries) {
        const data = await inflate(zip, entry);
        if (entry.fileName === '[Content_Types].xml') contentTypes = data.toString('utf8');
        if (entry.fileName === 'mimetype') mimetype = data.toString('utf8').trim();
      }
    } catch {
      return { ok: false, reason: 'corrupt' };
    }
    return { ok: true, names: entries.map((e) => e.fileName), contentTypes, mimetype };
  } finally {
    zip.close();
  }
}

/** A zip's local file header signature (PK\3\4): .xlsx, .docx and every other OOXML file start with it. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err || !zip ? reject(err) : resolve(zip)));
  });
}

/** Every entry of the central directory; nothing is inflated. */
function readDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/**
 * Inflates one part, keeping only [Content_Types].xml and an OpenDocument's mimetype (the rest
 * is discarded as it streams).
 * yauzl's validateEntrySizes makes the stream fail as soon as a part exceeds its declared size.
 */
function inflate(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const keep = entry.fileName === '[Content_Types].xml' || (entry.fileName === 'mimetype' && entry.uncompressedSize < 200);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (keep) chunks.push(c);
      });
      stream.once('end', () => resolve(Buffer.concat(chunks)));
      stream.once('error', reject);
    });
  });
}
