import { describe, expect, it } from 'vitest';
import { readCorsOrigins } from './read-cors-origins.js';

describe('readCorsOrigins (CORS_ORIGINS)', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['', []],
    [' , ', []],
    ['https://zj-pane.azurestaticapps.net', ['https://zj-pane.azurestaticapps.net']],
    // Written as a browser sends Origin: scheme and host in lower case, no default port, no slash.
    ['HTTPS://ZJ-Pane.AzureStaticApps.net:443/', ['https://zj-pane.azurestaticapps.net']],
    ['https://localhost:3000, http://127.0.0.1:7071', ['https://localhost:3000', 'http://127.0.0.1:7071']],
    ['http://localhost:3000', ['http://localhost:3000']],
  ])('%j → %j', (raw, expected) => {
    expect(readCorsOrigins(raw)).toEqual(expected);
  });

  it.each([
    ['*', /CORS_ORIGINS may not be \*/],
    ['https://pane.example.org,*', /CORS_ORIGINS may not be \*/],
    ['https://*.azurestaticapps.net', /not an origin/],
    ['pane.example.org', /not an origin/],
    ['https://pane.example.org/taskpane.html', /not an origin.*no path/],
    ['https://pane.example.org?x=1', /not an origin/],
    ['http://pane.example.org', /https/],
    ['null', /not an origin/],
  ])('refuses %j, naming the setting', (raw, message) => {
    expect(() => readCorsOrigins(raw)).toThrow(message);
  });
});
