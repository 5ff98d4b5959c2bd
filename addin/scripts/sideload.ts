import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * `npm run sideload [-- web <document-url>]`: loads the add-in into Excel with
 * office-addin-debugging where it is installed (an optional dependency: it needs Windows or a Mac
 * with Excel, or a document URL for Excel on the web), serving the task pane from
 * https://localhost:3000 (scripts/serve-https.ts). Where it cannot run, prints the manual steps.
 */
const MANIFEST = fileURLToPath(new URL('../dist/manifest.xml', import.meta.url));
const require = createRequire(import.meta.url);

function debuggingCli(): string | null {
  try {
    const pkg = require.resolve('office-addin-debugging/package.json');
    const cli = pkg.replace(/package\.json$/, 'cli.js');
    return existsSync(cli) ? cli : null;
  } catch {
    return null;
  }
}

const MANUAL = `
office-addin-debugging is not installed here (it is optional and only installs where Excel runs).
Load the add-in by hand:

  1. npm start                      the API on http://127.0.0.1:7071 (prints the demo tokens)
  2. npm run build:addin            writes addin/dist and addin/dist/manifest.xml
  3. npx office-addin-dev-certs install   (once) a trusted https certificate for localhost
  4. npm run serve -w addin         the task pane on https://localhost:3000, /api passed to :7071

  Excel on the web:  open a workbook, Home > Add-ins > More add-ins > My add-ins >
                     Upload My Add-in, and choose ${MANIFEST}
  Excel on Windows:  share a folder holding manifest.xml, add it as a trusted catalog
                     (File > Options > Trust Center > Trusted Add-in Catalogs), restart Excel,
                     then Home > Add-ins > Shared Folder
  Excel on a Mac:    copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                     and restart Excel
Then choose 园区填报 (Park returns) on the Home tab and paste a demo token.
`;

if (!existsSync(MANIFEST)) {
  console.error('addin/dist/manifest.xml is missing: run `npm run build:addin` first.');
  process.exit(1);
}
const cli = debuggingCli();
if (!cli) {
  console.log(MANUAL);
  process.exit(0);
}
const [platform = 'desktop', document] = process.argv.slice(2);
const args = [cli, 'start', MANIFEST, platform, '--app', 'excel', '--dev-server', 'npm run serve -w addin', '--dev-server-port', '3000'];
if (platform === 'web') {
  if (!document) {
    console.error('Excel on the web needs a workbook: npm run sideload -- web <url of a workbook in OneDrive or SharePoint>');
    process.exit(1);
  }
  args.push('--document', document);
}
const child = spawn(process.execPath, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
