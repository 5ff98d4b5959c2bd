import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { describe, expect, it } from 'vitest';
import { DEV_BASE_URL, renderManifest } from '../scripts/render-manifest.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASSETS = join(ROOT, 'addin/assets');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

/** The OfficeApp schema's sequence for a TaskPaneApp (elements we use, in the schema's order). */
const SCHEMA_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

type Ordered = Array<Record<string, unknown> & { ':@'?: Record<string, string> }>;
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Ordered;
const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { OfficeApp: Record<string, any> };
const app = tree.OfficeApp;

const childNames = (nodes: Ordered) => nodes.flatMap((n) => Object.keys(n).filter((k) => k !== ':@' && k !== '#text' && k !== '#comment'));
const rootNode = ordered.find((n) => 'OfficeApp' in n)!;
const topLevel = childNames(rootNode['OfficeApp'] as Ordered);

/** Every attribute value and text in the document, for URL checks. */
function allStrings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => allStrings(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((v) => allStrings(v, out));
  return out;
}

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('is a task pane add-in for the Excel workbook host', () => {
    expect(app['xsi:type']).toBe('TaskPaneApp');
    expect(app.Hosts.Host.Name).toBe('Workbook');
    expect(app.VersionOverrides.Hosts.Host['xsi:type']).toBe('Workbook');
  });

  it('has the required elements in the order the schema documents', () => {
    for (const name of REQUIRED) expect(topLevel, name).toContain(name);
    const known = topLevel.filter((n) => SCHEMA_ORDER.includes(n));
    expect(known).toEqual(topLevel);
    const positions = known.map((n) => SCHEMA_ORDER.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('has a GUID id', () => {
    expect(String(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  });

  it('asks for ExcelApi 1.8 at least', () => {
    expect(app.Requirements.Sets.Set).toMatchObject({ Name: 'ExcelApi', MinVersion: '1.8' });
  });

  it('is Chinese by default with English overrides', () => {
    expect(app.DefaultLocale).toBe('zh-CN');
    expect(app.DisplayName.DefaultValue).toBe('园区指标填报');
    expect(app.DisplayName.Override).toMatchObject({ Locale: 'en-US', Value: 'Park indicator returns' });
    expect(app.Description.Override.Locale).toBe('en-US');
    const strings = [app.VersionOverrides.Resources['bt:ShortStrings']['bt:String'], app.VersionOverrides.Resources['bt:LongStrings']['bt:String']].flat();
    for (const s of strings) expect(s['bt:Override'], s.id).toMatchObject({ Locale: 'en-US' });
  });

  it('uses https for every location', () => {
    const urls = allStrings(tree).filter(
      (s) => /^[a-z]+:\/\//i.test(s) && !s.startsWith('http://schemas.microsoft.com/') && !s.startsWith('http://www.w3.org/'),
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it('points at icon files that exist, of the sizes it claims', () => {
    const images = [
      app.IconUrl.DefaultValue,
      app.HighResolutionIconUrl.DefaultValue,
      ...app.VersionOverrides.Resources['bt:Images']['bt:Image'].map((i: { DefaultValue: string }) => i.DefaultValue),
    ];
    for (const url of images) {
      const file = join(ASSETS, url.slice(`${DEV_BASE_URL}/assets/`.length));
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(/icon-(\d+)\.png$/.exec(file)![1]);
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
    expect(app.IconUrl.DefaultValue).toMatch(/icon-32\.png$/);
    expect(app.HighResolutionIconUrl.DefaultValue).toMatch(/icon-64\.png$/);
  });

  it('parses with office-addin-manifest (the `info` command), offline', async () => {
    const info = await OfficeAddinManifest.readManifestFile(join(ROOT, 'manifest.xml'));
    expect(info).toMatchObject({
      id: app.Id,
      officeAppType: 'TaskPaneApp',
      defaultLocale: 'zh-CN',
      displayName: '园区指标填报',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
    });
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_BASE_URL}/taskpane.html`);
  });
});

describe('renderManifest (the production manifest)', () => {
  it('moves every URL to the configured base and keeps the document valid', async () => {
    const rendered = renderManifest(xml, 'https://returns.zjpark.example.cn/addin/');
    expect(XMLValidator.validate(rendered)).toBe(true);
    expect(rendered).not.toContain(DEV_BASE_URL);
    expect(rendered).toContain('<AppDomain>https://returns.zjpark.example.cn</AppDomain>');
    expect(rendered).toContain('DefaultValue="https://returns.zjpark.example.cn/addin/taskpane.html"');
    const dir = mkdtempSync(join(tmpdir(), 'zj-manifest-'));
    try {
      writeFileSync(join(dir, 'manifest.xml'), rendered);
      const info = await OfficeAddinManifest.readManifestFile(join(dir, 'manifest.xml'));
      expect(info.iconUrl).toBe('https://returns.zjpark.example.cn/addin/assets/icon-32.png');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['http://returns.example.cn', 'not a url', 'https://x.example.cn/?a=1'])('refuses %s', (base) => {
    expect(() => renderManifest(xml, base)).toThrow(/ADDIN_BASE_URL/);
  });
});
