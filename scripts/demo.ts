// `npm run demo`: loads 示例数据 (sample returns, not real statistics) for every park into the local
// stack through the real API, then writes the consolidated and the evaluation workbooks to out/.
// Uses the running stack when DEMO_API_URL is set (e.g. http://127.0.0.1:7071/api, the demo tokens
// signed with this machine's dev secret, as npm start does); otherwise it starts Azurite (data in .data/azurite, as
// `npm start` does) and the API on a free port, and stops them when done. Re-running is safe: each
// submission carries an Idempotency-Key made from its content, so it is stored once.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, issueKey, loadCatalogue, type Issue, type ReturnInput, type TemplateModel } from '@zj/shared';
import { demoUsers } from '../functions/src/auth/demo-users.js';
import { signDevToken } from '../functions/src/auth/dev-tokens.js';
import { ensureAzurite } from '../functions/src/local/ensure-azurite.js';
import { localEnvironment } from '../functions/src/local/load-local-settings.js';
import { startLocalApi } from '../functions/src/local/start-local-api.js';
import { readSettings } from '../functions/src/settings/read-settings.js';
import { fillTemplateWorkbook } from '../functions/src/demo/fill-template-workbook.js';
import { makeSampleData, SAMPLE_LABEL } from '../functions/src/demo/make-sample-data.js';

const OUT = fileURLToPath(new URL('../out/', import.meta.url));
const YEARS = [2024, 2025] as const;
/** These parks send their 2025 return as a filled template workbook (the WPS / offline route). */
const UPLOADERS = new Set(['jinshan', 'fengxian']);

const catalogue = loadCatalogue();
// With DEMO_API_URL, the running `npm start` signs with the same secret: this machine's (.data/dev-token-secret).
const { env } = localEnvironment();
const settings = readSettings(env);
if (settings.authMode !== 'dev-token' || !settings.devTokenSecret) throw new Error('the demo needs AUTH_MODE=dev-token (the default of a local run)');

let stop = async () => {};
let base = process.env.DEMO_API_URL ?? '';
if (!base) {
  const azurite = await ensureAzurite(settings.storage, (line) => console.log(line));
  const api = await startLocalApi({ env });
  base = api.url;
  stop = async () => {
    await api.close();
    await azurite?.stop();
  };
}

try {
  const tokens = new Map<string, string>();
  for (const user of demoUsers(catalogue)) tokens.set(user.id, await signDevToken(settings.devTokenSecret, user));
  const token = (id: string) => tokens.get(id)!;
  const sample = makeSampleData(catalogue, { years: YEARS });
  console.log(`\nLoading ${SAMPLE_LABEL} (sample data, not real statistics) into ${base}`);

  for (const year of YEARS) {
    for (const park of catalogue.parks) {
      const values = sample.years.find((y) => y.park === park.code && y.year === year)?.values;
      if (!values) continue;
      const who = token(`${park.code}-statistician`);
      const period = String(year);
      const template = await json<TemplateModel>('GET', `/templates/${park.code}/${period}`, who);
      const input: ReturnInput = { templateVersion: template.version, figures: {}, baselines: {}, explanations: {} };
      for (const f of template.fields) {
        if (f.derived) continue;
        input.figures[f.key] = values[f.key] ?? null;
        if (f.baseline && f.baseline.value === null) input.baselines![f.key] = sample.baselines[park.code]?.[f.key] ?? null;
      }
      const check = await json<{ issues: Issue[]; errorCount: number }>('POST', `/returns/${park.code}/${period}/validate`, who, input);
      if (check.errorCount > 0) throw new Error(`${park.code} ${period}: the sample has errors: ${check.issues.map((i) => i.message.zh).join('; ')}`);
      const warnings = check.issues.filter((i) => i.severity === 'warning');
      const note = (i: Issue) => `${SAMPLE_LABEL}:${i.message.zh.slice(0, 40)}…属示例数据的设定,非真实情况。`;
      let receipt: { version: number };
      let how: string;
      if (year === 2025 && UPLOADERS.has(park.code)) {
        const file = await fetchOk('GET', `/templates/${park.code}/${period}.xlsx`, who);
        const byField = Object.fromEntries(warnings.map((i) => [i.path.replace(/^(figures|baselines)\./, ''), note(i)]));
        const filled = await fillTemplateWorkbook(
          new Uint8Array(await file.arrayBuffer()),
          template,
          input.figures,
          input.baselines as Record<string, number | null>,
          byField,
        );
        receipt = (await (
          await fetchOk('POST', `/returns/${park.code}/${period}/upload`, who, filled, {
            // From the figures, not the file's bytes: a workbook carries its save time, the figures do not.
            'idempotency-key': `demo-upload-${contentHash({ input, byField }).slice(0, 40)}`,
          })
        ).json()) as { version: number };
        how = 'uploaded as a filled template workbook';
      } else {
        for (const i of warnings) input.explanations![issueKey(i)] = note(i);
        receipt = await json('POST', `/returns/${park.code}/${period}`, who, input, { 'idempotency-key': `demo-${contentHash(input).slice(0, 40)}` });
        how = 'submitted as JSON';
      }
      console.log(`  ${park.name.zh} ${period}: version ${receipt.version}, ${warnings.length} warning(s) explained, ${how}`);
    }
  }

  mkdirSync(OUT, { recursive: true });
  const zone = token('zone-consolidator');
  for (const [path, name] of [
    ['/consolidation/2025.xlsx', `示例数据-${catalogue.zone.name.zh}-2025-汇总表.xlsx`],
    ['/evaluation/2025.xlsx', `示例数据-${catalogue.zone.name.zh}-2025-年度评估.xlsx`],
  ] as const) {
    const file = join(OUT, name);
    writeFileSync(file, Buffer.from(await (await fetchOk('GET', path, zone)).arrayBuffer()));
    console.log(`Wrote ${file}`);
  }
} finally {
  await stop();
}

async function fetchOk(method: string, path: string, token: string, body?: Uint8Array | string, headers: Record<string, string> = {}): Promise<Response> {
  const r = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...headers }, ...(body !== undefined ? { body } : {}) });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r;
}

async function json<T>(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const r = await fetchOk(method, path, token, body === undefined ? undefined : JSON.stringify(body), {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...headers,
  });
  return (await r.json()) as T;
}
