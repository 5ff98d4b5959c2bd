import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../addin/scripts/build.js';
import { NODE_MAJOR } from '../functions/src/package/build-package.js';
import { literalString, objectLiteral, outputsRead, readBicep, type BicepFile } from './bicep-text.js';

// What the Bicep compiler would catch, and what the deployment needs, checked on the text of
// the templates (no Bicep compiler can be installed here: README, "Deploy to Azure"): modules
// are called with parameters they declare and every required one; outputs read exist; the
// parameters file maps what has no default; and the resources say what the issue asks for.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INFRA = join(ROOT, 'infra');
const main = readBicep(join(INFRA, 'main.bicep'));
const moduleFiles = new Map<string, BicepFile>(main.modules.map((m) => [m.symbol, readBicep(join(INFRA, m.path))]));
const all = [main, ...new Set(moduleFiles.values())];
const text = (name: string) => readFileSync(join(INFRA, 'modules', name), 'utf8');
const azureYaml = parse(readFileSync(join(ROOT, 'azure.yaml'), 'utf8')) as {
  name: string;
  infra: { provider: string; path: string; module: string };
  services: Record<
    string,
    { project: string; language?: string; host: string; dist?: string; remoteBuild?: boolean; hooks?: Record<string, { shell: string; run: string }> }
  >;
};

describe('infra/*.bicep, read without a compiler', () => {
  it('every module file exists and every file of infra/modules is used', () => {
    for (const m of main.modules) expect(existsSync(join(INFRA, m.path)), m.path).toBe(true);
    const used = new Set(main.modules.map((m) => m.path.replace(/^modules\//, '')));
    expect(readdirSync(join(INFRA, 'modules')).filter((f) => f.endsWith('.bicep') && !used.has(f))).toEqual([]);
  });

  it.each(main.modules.map((m) => [m.symbol, m] as const))('module %s: passes only parameters it declares, and every required one', (symbol, call) => {
    const declared = moduleFiles.get(symbol)!.params;
    expect(call.params.size, `${symbol} passes no parameters: the reader missed them`).toBeGreaterThan(0);
    expect([...call.params.keys()].filter((p) => !declared.has(p))).toEqual([]);
    expect([...declared.values()].filter((p) => p.default === null && !call.params.has(p.name)).map((p) => p.name)).toEqual([]);
  });

  it('every module output read in main.bicep is declared by that module', () => {
    const missing = outputsRead(main.text).filter(({ symbol, output }) => !moduleFiles.get(symbol)?.outputs.has(output));
    expect(missing).toEqual([]);
  });

  it('every parameter of main.bicep without a default comes from the azd environment (main.parameters.json), and nothing else is there', () => {
    const file = JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')) as { parameters: Record<string, { value: string }> };
    const mapped = Object.keys(file.parameters);
    expect(mapped.filter((p) => !main.params.has(p))).toEqual([]);
    expect([...main.params.values()].filter((p) => p.default === null && !mapped.includes(p.name)).map((p) => p.name)).toEqual([]);
    for (const [name, { value }] of Object.entries(file.parameters)) expect(value, name).toMatch(/^\$\{[A-Z][A-Z0-9_]*\}$/);
  });

  it('both storage accounts refuse shared keys, anonymous access and old TLS; no other account is declared', () => {
    const storage = text('storage-account.bicep');
    expect(storage).toMatch(/allowSharedKeyAccess: false/);
    expect(storage).toMatch(/allowBlobPublicAccess: false/);
    expect(storage).toMatch(/minimumTlsVersion: 'TLS1_2'/);
    expect(storage).toMatch(/defaultToOAuthAuthentication: true/);
    for (const file of all) {
      const declared = [...file.text.matchAll(/^resource \w+ 'Microsoft\.Storage\/storageAccounts@[^']+' = \{/gm)];
      expect(declared.length, file.path).toBe(file.path.endsWith('storage-account.bicep') ? 1 : 0);
    }
    expect(
      main.modules
        .filter((m) => m.path === 'modules/storage-account.bicep')
        .map((m) => m.symbol)
        .sort(),
    ).toEqual(['dataStorage', 'hostStorage']);
  });

  it("the app's identity holds Table and Blob data roles on the returns, Blob Data Owner on the host storage, and publishes to Application Insights", () => {
    const roles = objectLiteral(main.text, /^var roles = \{$/);
    expect(Object.fromEntries([...roles].map(([k, v]) => [k, literalString(v)]))).toEqual({
      storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
      storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
      storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
      monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
    });
    const call = (symbol: string) => main.modules.find((m) => m.symbol === symbol)!;
    expect(call('dataStorageRoles').params.get('storageAccountName')).toBe('dataStorage.outputs.name');
    expect(main.text).toMatch(/module dataStorageRoles[\s\S]*?roles\.storageTableDataContributor\s+roles\.storageBlobDataContributor/);
    expect(call('hostStorageRoles').params.get('storageAccountName')).toBe('hostStorage.outputs.name');
    expect(main.text).toMatch(/module hostStorageRoles[\s\S]*?roles\.storageBlobDataOwner/);
    expect(call('monitoringRoles').params.get('roleDefinitionId')).toBe('roles.monitoringMetricsPublisher');
    // The app starts only once its roles exist.
    expect(main.text).toMatch(/module api [\s\S]*?dependsOn: \[\s*hostStorageRoles\s+dataStorageRoles\s+monitoringRoles\s*\]/);
  });

  it('the Function App: Flex Consumption, Node 22 (as the package is built), its package read by the identity, CORS for the pane alone', () => {
    const app = text('function-app.bicep');
    expect(app).toMatch(/name: 'FC1'\s+tier: 'FlexConsumption'/);
    expect(main.modules.find((m) => m.symbol === 'api')!.params.get('nodeVersion')).toBe(`'${NODE_MAJOR}'`);
    expect(NODE_MAJOR).toBe(22);
    expect(app).toMatch(/runtime: \{\s+name: 'node'\s+version: nodeVersion\s+\}/);
    expect(app).toMatch(/authentication: \{\s+type: 'UserAssignedIdentity'\s+userAssignedIdentityResourceId: identityId/);
    expect(app).toMatch(/allowedOrigins: \[\s+paneOrigin\s+\]/);
    expect(app).toMatch(/httpsOnly: true/);
    for (const file of all) expect(file.text, file.path).not.toMatch(/'\*'/);
    // Every app setting lives in one place, the one the settings cross-check reads.
    expect(app.match(/appSettings/g)?.length).toBe(2);
    expect(JSON.parse(readFileSync(join(ROOT, 'functions', 'package.json'), 'utf8')).engines.node).toBe(`>=${NODE_MAJOR}`);
  });

  it('sign-in: the app validates Entra ID tokens itself (AUTH_MODE=entra) for the tenant, cloud and API registration of the parameters; no App Service Authentication', () => {
    const app = text('function-app.bicep');
    expect(app).not.toMatch(/authsettings/i);
    const settings = objectLiteral(app, /^var appSettings = \{$/);
    expect(settings.get('AUTH_MODE')).toBe("'entra'");
    expect(
      Object.fromEntries(
        ['ENTRA_TENANT_ID', 'ENTRA_API_CLIENT_ID', 'ENTRA_AUTHORITY_HOST', 'ENTRA_API_SCOPE', 'ACCESS_CONTACT'].map((k) => [k, settings.get(k)]),
      ),
    ).toEqual({
      ENTRA_TENANT_ID: 'entraTenantId',
      ENTRA_API_CLIENT_ID: 'entraApiClientId',
      ENTRA_AUTHORITY_HOST: 'entraAuthorityHost',
      ENTRA_API_SCOPE: 'entraApiScope',
      ACCESS_CONTACT: 'accessContact',
    });
    // Only Entra ID's two clouds: the global one and 21Vianet's.
    expect(app).toMatch(
      /@allowed\(\[\s+'https:\/\/login\.microsoftonline\.com'\s+'https:\/\/login\.partner\.microsoftonline\.cn'\s+\]\)\s+param entraAuthorityHost string/,
    );
    const api = main.modules.find((m) => m.symbol === 'api')!.params;
    expect(api.get('entraTenantId')).toBe('entraTenant');
    expect(main.text).toContain('var entraTenant = empty(entraTenantId) ? tenant().tenantId : entraTenantId');
    expect(main.params.get('entraApiClientId')!.default).toBeNull();
    expect(main.params.get('entraPaneClientId')!.default).toBeNull();
  });

  it('the pane is built for the same tenant, cloud and API as the app validates', () => {
    expect(main.outputs.get('ADDIN_ENTRA_CLIENT_ID')).toBe('entraPaneClientId');
    expect(main.outputs.get('ADDIN_ENTRA_AUTHORITY')).toBe("'${authorityHost}/${entraTenant}'");
    expect(main.outputs.get('ADDIN_ENTRA_API_SCOPE')).toBe("'api://${entraApiClientId}/${apiScope}'");
    expect(main.outputs.get('ADDIN_OFFICE_JS')).toBe("authorityHost == 'https://login.partner.microsoftonline.cn' ? 'cdn-21vianet' : 'cdn'");
  });

  it('Application Insights on Log Analytics, taking Entra ID-signed telemetry only', () => {
    const monitoring = text('monitoring.bicep');
    expect(monitoring).toMatch(/WorkspaceResourceId: logAnalytics\.id/);
    expect(monitoring).toMatch(/DisableLocalAuth: true/);
    expect(objectLiteral(text('function-app.bicep'), /^var appSettings = \{$/).get('APPLICATIONINSIGHTS_AUTHENTICATION_STRING')).toBe(
      "'ClientId=${identityClientId};Authorization=AAD'",
    );
  });

  it('the returns are protected: versioning and soft delete, and a delete lock', () => {
    expect(main.modules.find((m) => m.symbol === 'dataStorage')!.params.get('blobRecoveryDays')).toBe('dataRecoveryDays');
    expect(text('storage-account.bicep')).toMatch(/isVersioningEnabled: true/);
    expect(text('delete-lock.bicep')).toMatch(/level: 'CanNotDelete'/);
    expect(main.params.get('protectData')!.default).toBe('true');
  });
});

describe('azure.yaml (Azure Developer CLI)', () => {
  it('provisions infra/main.bicep', () => {
    expect(azureYaml.infra).toEqual({ provider: 'bicep', path: 'infra', module: 'main' });
  });

  it('api: the package of `npm run build` in functions/ (the deployment package), deployed as is with no remote build', () => {
    const api = azureYaml.services.api!;
    expect(api).toMatchObject({ project: './functions', language: 'js', host: 'function', dist: 'dist/package', remoteBuild: false });
    const pkg = JSON.parse(readFileSync(join(ROOT, api.project, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('tsx src/package/build-package.ts');
    expect(readFileSync(join(ROOT, 'functions', 'src', 'package', 'build-package.ts'), 'utf8')).toContain("join(FUNCTIONS_DIR, 'dist', 'package')");
    expect(text('function-app.bicep')).toContain("tags: union(tags, { 'azd-service-name': 'api' })");
  });

  it('web: the production pane, built from the outputs of provisioning, on the Static Web App', () => {
    const web = azureYaml.services.web!;
    expect(web).toMatchObject({ project: './addin', host: 'staticwebapp', dist: 'dist' });
    // No language: azd must not run the development build over it.
    expect(web.language).toBeUndefined();
    expect(web.hooks?.prepackage?.run).toBe('npm run build:prod');
    const pkg = JSON.parse(readFileSync(join(ROOT, web.project, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build:prod']).toContain('--production');
    expect(text('static-web-app.bicep')).toContain("tags: union(tags, { 'azd-service-name': 'web' })");
    // The outputs azd hands the build are the settings the production build requires.
    for (const name of ['ADDIN_BASE_URL', 'ADDIN_API_BASE_URL', 'ADDIN_ENTRA_CLIENT_ID', 'ADDIN_ENTRA_AUTHORITY', 'ADDIN_ENTRA_API_SCOPE', 'ADDIN_OFFICE_JS']) {
      expect(main.outputs.has(name), name).toBe(true);
    }
    const asProvisioned = {
      ADDIN_BASE_URL: 'https://swa-k2x7q3.azurestaticapps.net',
      ADDIN_API_BASE_URL: 'https://func-k2x7q3.azurewebsites.net/api',
      ADDIN_ENTRA_CLIENT_ID: '8c1f0e2d-4b3a-4f5e-9d6c-7a8b9c0d1e2f',
      ADDIN_ENTRA_AUTHORITY: 'https://login.partner.microsoftonline.cn/7d3c2b1a-0f9e-4d8c-b7a6-5e4f3d2c1b0a',
      ADDIN_ENTRA_API_SCOPE: 'api://3f5d2a61-7c1e-4b8f-a0d9-6e2c4b1a9f07/access_as_user',
      ADDIN_OFFICE_JS: 'cdn-21vianet',
    };
    expect(optionsFromEnv(asProvisioned, 'production').entra).toEqual({
      clientId: asProvisioned.ADDIN_ENTRA_CLIENT_ID,
      authority: asProvisioned.ADDIN_ENTRA_AUTHORITY,
      apiScope: asProvisioned.ADDIN_ENTRA_API_SCOPE,
    });
    expect(main.outputs.get('ADDIN_API_BASE_URL')).toBe('api.outputs.apiBaseUrl');
    expect(existsSync(join(ROOT, dirname(web.project), 'addin'))).toBe(true);
  });
});
