import { startOnboardingFromFile } from '../app/onboarding.js';
import { DomainError } from '../app/domain-error.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';
import { PLAN_FILE_LIMITS } from '../plans/read-plan-file.js';
import { formatMegabytes } from '../workbooks/format-megabytes.js';

/**
 * POST /api/onboarding/file, body: a plan as a .docx or a PDF with a text layer (any content
 * type: the bytes are read, not the label), its name in X-File-Name. Its text is read here
 * (functions/src/plans/read-plan-file.ts) and onboarded like a pasted text. Consolidator only.
 */
export const startOnboardingFileHandler = routeHandler('startOnboardingFile', 'edit_catalogue', async ({ svc, actor, request }) => {
  const fileName = readFileName(request.headers.get('x-file-name'));
  // A plan document has its own cap (the route table's maxBodyBytes), not MAX_BODY_BYTES: a PDF embeds its fonts.
  const limits = PLAN_FILE_LIMITS;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes)
    throw new DomainError('plan_file_too_large', { file: fileName, size: formatMegabytes(declared), limit: formatMegabytes(limits.maxBytes) });
  const bytes = new Uint8Array(await request.arrayBuffer());
  const draft = await startOnboardingFromFile(svc, actor, fileName, bytes, limits);
  return { status: 201, body: draft, headers: { location: `/api/onboarding/${draft.id}`, etag: draft.etag } };
});

/** The file name as sent (percent-encoded UTF-8), or a neutral one: a name that does not decode is not a reason to refuse the plan. */
function readFileName(header: string | null): string {
  if (!header) return 'plan';
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    name = header;
  }
  // Only the last path segment, no control characters, no lone surrogates, at most 200 characters (as PlanUpload).
  name = (name.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim();
  return name !== '' && !/\p{Cs}/u.test(name) ? name.slice(0, 200) : 'plan';
}

export const registration = registerRoute('startOnboardingFile', startOnboardingFileHandler);
