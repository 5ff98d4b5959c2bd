#!/usr/bin/env node
// Installs the system programs the tests and the local stack use, when they are missing:
// Debian's Chromium (browser tests of the task pane) and LibreOffice Calc (a second client that
// opens and recalculates our workbooks), plus CJK fonts so Chinese renders in both.
// As root on Debian it installs them with apt-get; elsewhere it says what to install and stops.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { pkg: 'libreoffice-calc', present: () => existsSync('/usr/bin/soffice') || existsSync('/usr/bin/libreoffice') },
  { pkg: 'fonts-noto-cjk', present: () => existsSync('/usr/share/fonts/opentype/noto') },
  // pdftoppm and pdffonts: the workbook tests render LibreOffice's PDF of a workbook to check its charts and fonts.
  { pkg: 'poppler-utils', present: () => existsSync('/usr/bin/pdftoppm') },
];

const missing = needs.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(`Missing system packages: ${missing.join(' ')}.\nInstall them (Debian: sudo apt-get install -y ${missing.join(' ')}) and run again.`);
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} with apt-get (first run on this machine only)...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
