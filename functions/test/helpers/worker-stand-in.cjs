// The part of the Azure Functions Node.js worker that loads an app and invokes it, for
// package.test.ts: plain Node, nothing else, so it can run beside an unpacked deployment
// package in a folder that has no node_modules anywhere above it.
//
// What the real worker (github.com/Azure/azure-functions-nodejs-worker) does and this does too:
// - it answers require('@azure/functions-core') with its own API (setupCoreModule.ts: a
//   Proxy on Module.prototype.require), which the app's @azure/functions calls to set the
//   programming model and to register each function (registerFunction);
// - it reads package.json's `main` (a file or a glob), and imports each file, as an ES module
//   when package.json says "type": "module" (startApp.ts, loadScriptFile.ts);
// - it asks the programming model for its capabilities, which locks the app's setup;
// - per invocation it builds the core invocation context (the RPC request: an `http` typed
//   datum with method, url, headers, params, body bytes), gets the invocation model from the
//   programming model, and calls getArguments, invokeFunction and getResponse
//   (InvocationHandler.ts); the response is the RPC `http` datum (status, headers, body).
// The host's part (routing a URL to a function, filling its params) is the test's.
//
// Protocol: argv[2] is the app folder. Once loaded it writes one JSON line
// {type:'ready', functions:[{name, bindings}], loadMs, programmingModel}. Then each line on
// stdin {id, functionName, method, url, headers, params, body?: base64} is answered by a line
// {id, status, headers, body: base64, logs}. A load failure is {type:'failed', error}.
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { pathToFileURL } = require('node:url');
const { randomUUID } = require('node:crypto');

const appDir = path.resolve(process.argv[2]);
const functions = new Map();
let programmingModel = null;

const coreApi = {
  version: 'worker-stand-in',
  hostVersion: 'worker-stand-in',
  setProgrammingModel(model) {
    programmingModel = model;
  },
  getProgrammingModel: () => programmingModel,
  registerFunction(metadata, callback) {
    const id = metadata.functionId || metadata.name;
    if (functions.has(id)) throw new Error(`A function with id "${id}" has already been registered.`);
    functions.set(id, { metadata, callback });
    return { dispose: () => functions.delete(id) };
  },
  registerHook: () => ({ dispose() {} }),
  log: () => {},
  Disposable: class {
    constructor(fn) {
      this.fn = fn;
    }
    dispose() {
      this.fn();
    }
  },
};

Module.prototype.require = new Proxy(Module.prototype.require, {
  apply(target, thisArg, args) {
    return args[0] === '@azure/functions-core' ? coreApi : Reflect.apply(target, thisArg, args);
  },
});

/** package.json `main`: one file, or a glob with `*` in its last segment (as the worker's globby would match it). */
function entryFiles(main) {
  if (!main.includes('*')) return [main];
  const dir = path.dirname(main);
  const pattern = new RegExp(
    `^${path
      .basename(main)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')}$`,
  );
  return fs
    .readdirSync(path.join(appDir, dir))
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

function write(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function load() {
  const started = performance.now();
  const packageJson = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8'));
  if (!packageJson.main) throw new Error('package.json has no "main"');
  for (const file of entryFiles(packageJson.main)) {
    const full = path.join(appDir, file);
    const esm = file.endsWith('.mjs') || (!file.endsWith('.cjs') && packageJson.type === 'module');
    if (esm) await import(pathToFileURL(full).href);
    else require(full);
  }
  if (!programmingModel) throw new Error('the app set no programming model (no @azure/functions registration reached the worker)');
  await programmingModel.getCapabilities({});
  return Math.round(performance.now() - started);
}

async function invoke(request) {
  const registered = functions.get(request.functionName);
  if (!registered) throw new Error(`no function ${request.functionName}`);
  const { metadata, callback } = registered;
  const triggerName = Object.entries(metadata.bindings).find(([, b]) => b.direction === 'in' && /trigger$/i.test(b.type))[0];
  const logs = [];
  const coreCtx = {
    invocationId: randomUUID(),
    metadata,
    request: {
      inputData: [
        {
          name: triggerName,
          data: {
            http: {
              method: request.method,
              url: request.url,
              headers: request.headers,
              params: request.params,
              query: Object.fromEntries(new URL(request.url).searchParams),
              body: request.body ? { bytes: Buffer.from(request.body, 'base64') } : undefined,
            },
          },
        },
      ],
      triggerMetadata: {},
    },
    state: undefined,
    log(level, category, message) {
      logs.push({ level, category, message });
    },
  };
  const model = programmingModel.getInvocationModel(coreCtx);
  const { context, inputs } = await model.getArguments();
  const result = await model.invokeFunction(context, inputs, callback);
  const response = await model.getResponse(context, result);
  const http = response.returnValue?.http;
  return {
    id: request.id,
    status: Number(http.statusCode),
    headers: http.headers,
    body: http.body?.bytes ? Buffer.from(http.body.bytes).toString('base64') : '',
    logs,
  };
}

load().then(
  (loadMs) => {
    write({
      type: 'ready',
      loadMs,
      programmingModel: { name: programmingModel.name, version: programmingModel.version },
      functions: [...functions.values()].map(({ metadata }) => ({ name: metadata.name, bindings: metadata.bindings })),
    });
    const lines = readline.createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      const request = JSON.parse(line);
      invoke(request).then(write, (error) => write({ id: request.id, error: String(error?.stack ? error.stack : error) }));
    });
    lines.on('close', () => process.exit(0));
  },
  (error) => {
    write({ type: 'failed', error: String(error?.stack ? error.stack : error) });
    process.exit(1);
  },
);
