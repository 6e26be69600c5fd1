// `npm run package` (vsce) makes a .vsix holding what VS Code loads, and the extension loads from it: its manifest,
// client, grammar, language configuration, snippets, and vscode-languageclient with every package it needs.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const childProcess = require('child_process');
const fs = require('fs');
const Module = require('module');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const root = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** The entries of a zip file: name -> contents, read from its central directory. */
function readZip(file) {
  const zip = fs.readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'broken central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + compressed);
    entries.set(name, method === 8 ? zlib.inflateRawSync(raw) : raw);
    at += 46 + nameLength + extraLength + commentLength;
  }

  return entries;
}

let packaged;

/** Runs the documented command once, writing the .vsix to a temporary folder. */
function vsix(t) {
  if (!packaged) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpm-vsix-'));
    const file = path.join(dir, `${manifest.name}-${manifest.version}.vsix`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = childProcess.spawnSync(npm, ['run', 'package', '--', '--out', file], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
    assert.equal(run.status, 0, `npm run package failed:\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /Packaged: /);
    const entries = readZip(file);
    const size = fs.statSync(file).size;
    console.log(`# ${path.basename(file)}: ${size} bytes, ${entries.size} entries`);
    packaged = { dir, file, entries, size };
  }

  return packaged;
}

test.after(() => {
  if (packaged) fs.rmSync(packaged.dir, { recursive: true, force: true });
});

test('npm run package makes a .vsix with the manifest, client, grammar, configuration, snippets and docs', (t) => {
  const { entries } = vsix(t);
  for (const name of [
    'extension.vsixmanifest',
    'extension/package.json',
    'extension/extension.js',
    'extension/lib/tpm.js',
    'extension/syntaxes/tpm.tmLanguage.json',
    'extension/language-configuration.json',
    'extension/snippets/tpm.json',
    'extension/readme.md',
    'extension/LICENSE.txt',
    'extension/node_modules/vscode-languageclient/package.json',
    'extension/node_modules/vscode-languageclient/lib/node/main.js',
  ]) {
    assert.ok(entries.has(name), `${name} is not in the .vsix`);
  }

  // The packaged files are the sources, unchanged (vsce rewrites only the manifest and the readme's links).
  for (const rel of ['extension.js', 'lib/tpm.js', 'syntaxes/tpm.tmLanguage.json', 'language-configuration.json', 'snippets/tpm.json']) {
    assert.equal(entries.get(`extension/${rel}`).toString('utf8'), fs.readFileSync(path.join(root, rel), 'utf8'), rel);
  }

  const packagedManifest = JSON.parse(entries.get('extension/package.json').toString('utf8'));
  assert.equal(packagedManifest.name, manifest.name);
  assert.equal(packagedManifest.version, manifest.version);
  assert.equal(packagedManifest.main, './extension.js');
  assert.deepEqual(packagedManifest.contributes, manifest.contributes);
  const vsixManifest = entries.get('extension.vsixmanifest').toString('utf8');
  assert.match(vsixManifest, new RegExp(`Id="${manifest.name}"[^>]*Version="${manifest.version.replace(/\./g, '\\.')}"[^>]*Publisher="${manifest.publisher}"`));
});

test('the .vsix leaves out the tests, the build scripts, the development packages and other .vsix files', (t) => {
  const { entries } = vsix(t);
  const names = [...entries.keys()];
  for (const unwanted of [/^extension\/test\//, /^extension\/scripts\//, /\.vsix$/, /node_modules\/@vscode\/vsce\//,
    /node_modules\/vscode-tmgrammar-test\//, /node_modules\/vscode-textmate\//, /node_modules\/[^/]+\/.*\.d\.ts$/]) {
    const found = names.filter((n) => unwanted.test(n));
    assert.deepEqual(found, [], `${unwanted} in the .vsix`);
  }
});

test('the packaged extension loads from the .vsix alone: every runtime package resolves inside it', (t) => {
  const { dir, entries } = vsix(t);
  const extracted = path.join(dir, 'extracted');
  for (const [name, data] of entries) {
    if (name.endsWith('/')) continue;
    const target = path.join(extracted, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }

  const extensionDir = path.join(extracted, 'extension');
  // Every dependency of every packaged package is packaged too.
  const modules = path.join(extensionDir, 'node_modules');
  for (const pkg of fs.readdirSync(modules)) {
    const pkgDir = path.join(modules, pkg);
    const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).dependencies || {});
    for (const dep of deps) {
      assert.ok(fs.existsSync(path.join(modules, dep, 'package.json')) || fs.existsSync(path.join(pkgDir, 'node_modules', dep, 'package.json')),
        `${pkg} needs ${dep}, which is not in the .vsix`);
    }
  }

  // extension.js and vscode-languageclient/node load under node from the extracted folder, with a stand-in for the
  // vscode module (only VS Code provides it): the client library resolves to the packaged copy.
  const client = require.resolve('vscode-languageclient/node', { paths: [extensionDir] });
  assert.ok(client.startsWith(extensionDir + path.sep), `vscode-languageclient resolved outside the .vsix: ${client}`);
  const stub = new Proxy(function stub() {}, {
    get: (target, property) => (property === 'then' ? undefined : stub),
    apply: () => stub,
    construct: () => stub,
  });
  const originalLoad = Module._load;
  Module._load = function load(request, parent, isMain) {
    if (request === 'vscode') return stub;
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    const languageClient = require(client);
    assert.equal(typeof languageClient.LanguageClient, 'function');
    assert.equal(languageClient.TransportKind.stdio, 0);
    const extension = require(path.join(extensionDir, 'extension.js'));
    assert.equal(typeof extension.activate, 'function');
    assert.equal(typeof extension.deactivate, 'function');
  } finally {
    Module._load = originalLoad;
  }
});

test('the .vsix stays small', (t) => {
  const { size } = vsix(t);
  assert.ok(size < 2 * 1024 * 1024, `${size} bytes`);
});
