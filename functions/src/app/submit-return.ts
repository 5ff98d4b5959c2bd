import { contentHash, validateReturn, type Actor, type Park, type Period, type TemplateModel } from '@zj/shared';
import { storedResultOf, type ReturnInput, type ReturnVersion } from '@zj/shared/api';
import { DomainError } from './domain-error.js';
import { loadTemplate, templatePeriods } from './load-template.js';
import { periodLocked } from './period-locked.js';
import { assertPeriodBegun } from './resolve-scope.js';
import type { Services } from './services.js';

export interface SubmitCommand {
  actor: Actor;
  park: Park;
  period: Period;
  input: ReturnInput;
  idempotencyKey: string | null;
  source: ReturnVersion['source'];
  /**
   * For source 'upload': keeps the original workbook and answers the blob's name for the
   * version. Called only once every check has passed, just before the version is appended, so
   * a refused upload leaves no copy behind (and a replay keeps none).
   */
  keepUpload?: () => Promise<string>;
  /** The template, when the caller has it already (an upload is read against it): it is not loaded twice. */
  template?: TemplateModel;
}

export interface SubmitOutcome {
  version: ReturnVersion;
  /** The idempotency key had already stored this content: nothing new was stored. */
  replayed: boolean;
}

/**
 * Submits (报送) a return: everything is checked before anything is written, on the server's
 * own template and validation (the client's word is never trusted), then one new version is
 * appended. Refusals throw DomainError; nothing is stored for them.
 */
export async function submitReturn(svc: Services, cmd: SubmitCommand): Promise<SubmitOutcome> {
  const { store } = svc;
  const { park, period, input, idempotencyKey } = cmd;
  assertPeriodBegun(period, svc.now());
  const hash = contentHash(input);

  // Read what the checks need at once: the head (lock, latest version and its idempotency key)
  // and the rows the template is made from, in one query of the park's heads partition, and the
  // period's lock history. The head is read before the key's entity (findIdempotent), and is the
  // head the version is committed on, unless it moves first. The history is read too: a park
  // onboarded after the lock has no locked head (periodLocked).
  const [rows, lock] = await Promise.all([
    store.readHeadsAndBaselines(park.code, [period.code, ...templatePeriods(park, period)]),
    store.readLock(period.code),
  ]);
  const [head = null, ...templateHeads] = rows.heads;
  const template = cmd.template ?? (await loadTemplate(svc, park, period, { heads: templateHeads, baselines: rows.baselines }));
  const used = idempotencyKey === null ? null : await store.findIdempotent(park.code, period.code, idempotencyKey, head);
  // A retry of a request that was stored answers the same receipt, even if the period has
  // been locked or the template has moved on since.
  if (used) {
    if (used.contentHash !== hash) throw new DomainError('idempotency_key_reused');
    const version = await store.readVersion(park.code, period.code, used.version);
    if (!version) throw new Error(`idempotency key names missing version ${used.version}`);
    // The first attempt may have committed and then failed to bump the period's change stamp
    // (answered 503): the retry bumps it, so zone documents see the version at once.
    await store.bumpChangeStamps(period.code, true);
    return { version, replayed: true };
  }
  if (periodLocked(head, lock)) throw new DomainError('period_locked', { period: period.code });
  if (input.templateVersion !== template.version) {
    throw new DomainError('stale_template', { current: template.version.slice(0, 12) }, { currentTemplateVersion: template.version });
  }
  const result = validateReturn(template, input);
  if (!result.acceptable) {
    throw new DomainError('return_not_acceptable', { errors: result.errorCount, unexplained: result.unexplained.length }, { issues: result.issues });
  }

  const uploadBlob = cmd.keepUpload ? await cmd.keepUpload() : undefined;
  const outcome = await store.appendVersion(
    {
      park: park.code,
      period: period.code,
      submittedAt: svc.now().toISOString(),
      submittedBy: cmd.actor,
      templateVersion: template.version,
      catalogueVersion: template.catalogueVersion,
      contentHash: hash,
      input,
      ...storedResultOf(result),
      source: cmd.source,
      ...(uploadBlob !== undefined ? { uploadBlob } : {}),
    },
    idempotencyKey,
    head,
  );
  switch (outcome.kind) {
    case 'created':
      return { version: outcome.version, replayed: false };
    case 'replayed':
      return { version: outcome.version, replayed: true };
    case 'key_reused':
      throw new DomainError('idempotency_key_reused');
    case 'locked':
      // A lock landed after the check above: the commit's guard saw it.
      throw new DomainError('period_locked', { period: period.code });
    case 'conflict':
      throw new DomainError('version_conflict');
  }
}
