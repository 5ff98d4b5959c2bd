import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// The GitHub Actions workflows: tests on both Node versions as CI runs them, then provisioning
// and deployment with azd, signed in through OpenID Connect (a federated credential): no secret.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKFLOWS = join(ROOT, '.github', 'workflows');

interface Step {
  uses?: string;
  run?: string;
  name?: string;
  with?: Record<string, unknown>;
}
interface Job {
  uses?: string;
  needs?: string | string[];
  environment?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  strategy?: { matrix: { node: number[] } };
  container?: string;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const read = (name: string) => parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as Workflow;
const tests = read('tests.yml');
const deploy = read('deploy.yml');
const runs = (job: Job) => (job.steps ?? []).flatMap((s) => (s.run ? [s.run.trim()] : [])).join('\n');

describe('.github/workflows', () => {
  it('hold no secret and ask for none: identifiers come from variables, sign-in is federated', () => {
    for (const file of files) {
      const text = readFileSync(join(WORKFLOWS, file), 'utf8');
      expect(text, file).not.toMatch(/\bsecrets\./);
      expect(text, file).not.toMatch(/client[-_]?secret|AZURE_CREDENTIALS|password|AccountKey=|InstrumentationKey=/i);
    }
    for (const [name, value] of Object.entries(deploy.jobs.deploy!.env!)) expect(value, name).toMatch(/^\$\{\{ vars\.[A-Z_]+ \}\}$/);
  });

  it("tests: the CI command (bash .ci/run, which runs the README's npm test) on Node 22 and 20, for every pull request", () => {
    expect(Object.keys(tests.on)).toEqual(expect.arrayContaining(['pull_request', 'workflow_call']));
    const job = tests.jobs.test!;
    expect(job.strategy!.matrix.node.sort()).toEqual([20, 22]);
    expect(job.container).toBe('node:${{ matrix.node }}-bookworm');
    expect(runs(job)).toBe('bash .ci/run');
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
    expect(tests.permissions).toEqual({ contents: 'read' });
  });

  it('deploy: only after the tests pass, with an OpenID Connect token, then azd provision and azd deploy', () => {
    expect(Object.keys(deploy.on)).toEqual(expect.arrayContaining(['push', 'workflow_dispatch']));
    expect(deploy.permissions).toEqual({ contents: 'read' });
    expect(deploy.jobs.tests!.uses).toBe('./.github/workflows/tests.yml');
    const job = deploy.jobs.deploy!;
    expect([job.needs].flat()).toEqual(['tests']);
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(job.steps!.map((s) => s.uses).filter(Boolean)).toEqual(expect.arrayContaining([expect.stringMatching(/^Azure\/setup-azd@/)]));
    const commands = runs(job).split('\n');
    const login = commands.findIndex((c) => c.startsWith('azd auth login'));
    expect(commands[login]).toBe('azd auth login --client-id "$AZURE_CLIENT_ID" --federated-credential-provider github --tenant-id "$AZURE_TENANT_ID"');
    expect(commands.indexOf('azd provision --no-prompt')).toBeGreaterThan(login);
    expect(commands.indexOf('azd deploy --no-prompt')).toBeGreaterThan(commands.indexOf('azd provision --no-prompt'));
  });

  it('deploy: keeps what it deployed (the package and the manifest), to roll back to', () => {
    const upload = deploy.jobs.deploy!.steps!.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(
      String(upload.with!.path)
        .trim()
        .split('\n')
        .map((p) => p.trim()),
    ).toEqual(['functions/dist/package.zip', 'addin/dist/manifest.xml']);
  });

  it('deploy: the environment azd needs, and every value main.parameters.json takes from it (which azd pipeline config copies)', () => {
    const env = Object.keys(deploy.jobs.deploy!.env!);
    expect(env).toEqual(expect.arrayContaining(['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_SUBSCRIPTION_ID', 'AZURE_ENV_NAME', 'AZURE_LOCATION']));
    const parameters = JSON.parse(readFileSync(join(ROOT, 'infra', 'main.parameters.json'), 'utf8')) as { parameters: Record<string, { value: string }> };
    const needed = Object.values(parameters.parameters).map((p) => /^\$\{([A-Z0-9_]+)\}$/.exec(p.value)![1]!);
    expect(needed.filter((name) => !env.includes(name))).toEqual([]);
    const azureYaml = parse(readFileSync(join(ROOT, 'azure.yaml'), 'utf8')) as { pipeline: { variables: string[] } };
    expect(needed.filter((name) => !name.startsWith('AZURE_') && !azureYaml.pipeline.variables.includes(name))).toEqual([]);
  });
});
