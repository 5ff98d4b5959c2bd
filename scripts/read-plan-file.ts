import { readFileSync } from 'node:fs';

/**
 * Reads a plan text file as the extractor needs it: decoded strictly, never guessed. Plans
 * saved from Windows desks are often GB18030/GBK; read as UTF-8 they would turn into mojibake
 * and silently yield no targets, so invalid UTF-8 is refused with a message that says how to
 * read the file (--encoding gb18030). Expected problems are values, in both languages.
 */
export type PlanFileResult =
  | { ok: true; text: string }
  | {
      ok: false;
      code: 'plan_file_unreadable' | 'plan_file_not_utf8' | 'plan_file_bad_encoding' | 'plan_file_undecodable';
      message: { zh: string; en: string };
    };

export function readPlanFile(path: string, encoding = 'utf-8'): PlanFileResult {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  } catch {
    return {
      ok: false,
      code: 'plan_file_bad_encoding',
      message: { zh: `不支持的编码“${encoding}”，可用 utf-8 或 gb18030。`, en: `Unsupported encoding "${encoding}"; use utf-8 or gb18030.` },
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return {
      ok: false,
      code: 'plan_file_unreadable',
      message: { zh: `无法读取文件 ${path}（${reason}）。`, en: `Cannot read the file ${path} (${reason}).` },
    };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    if (decoder.encoding === 'utf-8') {
      return {
        ok: false,
        code: 'plan_file_not_utf8',
        message: {
          zh: `文件 ${path} 不是有效的 UTF-8 文本（第 ${at} 字节起）。如为 GB18030/GBK 编码，请加 --encoding gb18030 重新运行，或另存为 UTF-8。`,
          en: `The file ${path} is not valid UTF-8 (from byte ${at}). If it is GB18030/GBK, run again with --encoding gb18030, or save it as UTF-8.`,
        },
      };
    }
    return {
      ok: false,
      code: 'plan_file_undecodable',
      message: { zh: `文件 ${path} 不是有效的 ${decoder.encoding} 文本。`, en: `The file ${path} is not valid ${decoder.encoding} text.` },
    };
  }
}

/** Byte offset of the first invalid UTF-8 sequence, for the message (so a user can look). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}
