// extension.js against a stand-in of the vscode API (test/support/vscode-mock.js) and a stand-in tpm
// (test/support/fake-tpm.js): the language client it starts, its commands, the Gantt panel and its refresh on save.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { loadExtension } = require('./support/vscode-mock');
const fake = require('./support/fake-tpm');

const manifest = require('../package.json');

function setup(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpm-vscode-ext-'));
  const loaded = loadExtension();
  const context = {
    subscriptions: [],
    storageUri: { fsPath: path.join(dir, 'storage') },
    globalStorageUri: { fsPath: path.join(dir, 'global-storage') },
  };
  const exe = fake.install(path.join(dir, 'bin'));
  const log = path.join(dir, 'calls.log');
  process.env.FAKE_TPM_LOG = log;
  loaded.config.path = exe;
  t.after(async () => {
    await loaded.extension.deactivate();
    context.subscriptions.forEach((s) => s.dispose());
    delete process.env.FAKE_TPM_LOG;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const tpmCalls = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : []);
  return { ...loaded, context, dir, exe, tpmCalls };
}

function openEditor(mock, file) {
  mock.state.activeTextEditor = {
    document: {
      languageId: 'tpm',
      uri: mock.vscode.Uri.file(file),
      isDirty: false,
      getText: () => fs.readFileSync(file, 'utf8'),
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(condition, what) {
  for (let i = 0; i < 100; i++) {
    if (condition()) return;
    await sleep(50);
  }

  assert.fail('timed out waiting for ' + what);
}

test('activate registers every command the manifest declares, and no other', async (t) => {
  const s = setup(t);
  s.extension.activate(s.context);
  await s.extension.settled();
  const declared = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual([...s.calls.commands.keys()].sort(), declared);
  assert.ok(declared.includes('tpm.showGantt'));
});

test('activate starts `<tpm.path> lsp` over stdio for tpm files, honouring tpm.trace.server', async (t) => {
  const s = setup(t);
  s.extension.activate(s.context);
  await s.extension.settled();
  assert.equal(s.calls.clients.length, 1);
  const client = s.calls.clients[0];
  assert.equal(client.id, 'tpm', 'the client id is the prefix of the tpm.trace.server setting');
  assert.ok(manifest.contributes.configuration.properties[`${client.id}.trace.server`]);
  assert.deepEqual(client.serverOptions, { command: s.exe, args: ['lsp'], transport: 0 });
  assert.deepEqual(client.clientOptions.documentSelector, [{ scheme: 'file', language: 'tpm' }]);
  assert.equal(client.clientOptions.synchronize.fileEvents.glob, '**/{*.tpm,.globalconfig}');
  assert.equal(client.started, 1);
  assert.deepEqual(s.calls.errors, []);
});

test('a tpm.path that cannot be found is one clear error, and no server', async (t) => {
  const s = setup(t);
  s.config.path = path.join(s.dir, 'no-such-tpm');
  s.extension.activate(s.context);
  await s.extension.settled();
  assert.equal(s.calls.clients.length, 0);
  assert.equal(s.calls.errors.length, 1);
  assert.match(s.calls.errors[0], /no-such-tpm' \(setting tpm\.path\) does not exist/);
});

test('changing tpm.path stops the server and starts the new executable', async (t) => {
  const s = setup(t);
  s.extension.activate(s.context);
  await s.extension.settled();
  const other = fake.install(path.join(s.dir, 'other-bin'));
  s.config.path = other;
  s.listeners.configuration.forEach((l) => l({ affectsConfiguration: (k) => k === 'tpm.path' || k === 'tpm' }));
  await s.extension.settled();
  assert.equal(s.calls.clients.length, 2);
  assert.equal(s.calls.clients[0].stopped, 1);
  assert.equal(s.calls.clients[1].serverOptions.command, other);
  assert.equal(s.calls.clients[1].started, 1);
  assert.deepEqual(s.calls.watchers.map((w) => w.disposed), [1, 0], 'the old client\'s file watcher is disposed with it');
  // Another setting does not restart it.
  s.listeners.configuration.forEach((l) => l({ affectsConfiguration: (k) => k === 'editor.tabSize' }));
  await s.extension.settled();
  assert.equal(s.calls.clients.length, 2);
});

test('Show Gantt builds the active program and shows its gantt.html beside the editor, with scripts', async (t) => {
  const s = setup(t);
  s.extension.activate(s.context);
  const plan = path.join(s.dir, 'program.tpm');
  fs.writeFileSync(plan, '// plan\nprogram fraud-v3 "Fraud" { start 2027-01-04 }\n');
  openEditor(s, plan);
  await s.calls.commands.get('tpm.showGantt')();
  assert.deepEqual(s.calls.errors, []);
  const outDir = path.join(s.context.storageUri.fsPath, 'gantt');
  const [call] = s.tpmCalls();
  assert.deepEqual(call.slice(0, 7), ['build', plan, '--emit', 'html', '--iterations', '0', '-o']);
  assert.equal(path.dirname(call[7]), outDir);
  assert.equal(s.calls.panels.length, 1);
  const panel = s.calls.panels[0];
  assert.equal(panel.viewType, 'tpm.gantt');
  assert.equal(panel.title, 'Gantt: fraud-v3');
  assert.equal(panel.showOptions.viewColumn, s.vscode.ViewColumn.Beside);
  assert.equal(panel.options.enableScripts, true);
  assert.match(panel.webview.html, /<head><meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'unsafe-inline'/);
  assert.match(panel.webview.html, /GANTT fraud-v3 \d+/);
});

test('saving any .tpm file rebuilds the chart shown; other saves do not', async (t) => {
  const s = setup(t);
  s.extension.activate(s.context);
  const plan = path.join(s.dir, 'program.tpm');
  fs.writeFileSync(plan, 'program p { start 2027-01-04 }\n');
  openEditor(s, plan);
  await s.calls.commands.get('tpm.showGantt')();
  const panel = s.calls.panels[0];
  assert.match(panel.webview.html, /GANTT p 31/);
  fs.writeFileSync(plan, 'program p { start 2027-01-04  deadline 2027-12-31 }\n');
  s.listeners.save.forEach((l) => l({ languageId: 'json' }));
  await sleep(500);
  assert.equal(s.tpmCalls().length, 1, 'a JSON save builds nothing');
  s.listeners.save.forEach((l) => l({ languageId: 'tpm' }));
  s.listeners.save.forEach((l) => l({ languageId: 'tpm' }));
  await until(() => /GANTT p 52/.test(panel.webview.html), 'the rebuilt chart');
  assert.equal(s.tpmCalls().length, 2, 'two saves at once make one build');
  assert.equal(s.calls.panels.length, 1, 'the same panel shows the new chart');
  // Once the panel is closed, saves build nothing.
  panel.dispose();
  s.listeners.save.forEach((l) => l({ languageId: 'tpm' }));
  await sleep(500);
  assert.equal(s.tpmCalls().length, 2);
});

test('a rebuild that fails after a save keeps the last chart and says so in the status bar, not in a pop-up', async (t) => {
  const s = setup(t);
  s.extension.activate(s.context);
  const plan = path.join(s.dir, 'program.tpm');
  fs.writeFileSync(plan, 'program p { start 2027-01-04 }\n');
  openEditor(s, plan);
  await s.calls.commands.get('tpm.showGantt')();
  const panel = s.calls.panels[0];
  const shown = panel.webview.html;
  fs.writeFileSync(plan, 'program p { BROKEN }\n');
  s.listeners.save.forEach((l) => l({ languageId: 'tpm' }));
  await until(() => s.calls.statusMessages.length > 0, 'the status bar message');
  assert.match(s.calls.statusMessages[0], /^ProgramDsl: the Gantt chart was not rebuilt: tpm build failed \(exit code 1\): .*TPM0001/);
  assert.deepEqual(s.calls.errors, []);
  assert.equal(panel.webview.html, shown);
  // Fixed and saved again: the chart follows.
  fs.writeFileSync(plan, 'program p { start 2027-01-04  deadline 2027-12-31 }\n');
  s.listeners.save.forEach((l) => l({ languageId: 'tpm' }));
  await until(() => panel.webview.html !== shown, 'the chart after the fix');
  assert.equal(s.tpmCalls().length, 3);
});

test('Show Gantt on a fragment builds its workspace folder and asks which program', async (t) => {
  const s = setup(t);
  s.extension.activate(s.context);
  const folder = path.join(s.dir, 'plans');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'a.tpm'), 'program alpha { start 2027-01-04  include "people.tpm" }\n');
  fs.writeFileSync(path.join(folder, 'b.tpm'), 'program beta { start 2027-01-04  include "people.tpm" }\n');
  const fragment = path.join(folder, 'people.tpm');
  fs.writeFileSync(fragment, '// people\nperson alice "Alice"\n');
  s.state.workspaceFolder = { uri: s.vscode.Uri.file(folder) };
  s.state.quickPickChoice = (items) => items.find((i) => i.label === 'beta');
  openEditor(s, fragment);
  await s.calls.commands.get('tpm.showGantt')();
  assert.equal(s.tpmCalls()[0][1], folder);
  assert.deepEqual(s.calls.quickPicks[0].items.map((i) => i.label).sort(), ['alpha', 'beta']);
  assert.equal(s.calls.panels[0].title, 'Gantt: beta');
  assert.match(s.calls.panels[0].webview.html, /GANTT beta/);
});

test('a failed build shows tpm\'s error and opens no panel', async (t) => {
  const s = setup(t);
  s.extension.activate(s.context);
  const plan = path.join(s.dir, 'program.tpm');
  fs.writeFileSync(plan, 'program p { BROKEN }\n');
  openEditor(s, plan);
  await s.calls.commands.get('tpm.showGantt')();
  assert.equal(s.calls.panels.length, 0);
  assert.equal(s.calls.errors.length, 1);
  assert.match(s.calls.errors[0], /^ProgramDsl: tpm build failed \(exit code 1\): .*program\.tpm\(1,1\): error TPM0001/);
});

test('Show Gantt without a .tpm editor says to open one', async (t) => {
  const s = setup(t);
  s.extension.activate(s.context);
  s.state.activeTextEditor = { document: { languageId: 'json', uri: s.vscode.Uri.file('/x.json') } };
  await s.calls.commands.get('tpm.showGantt')();
  assert.deepEqual(s.calls.errors, ['ProgramDsl: open a saved .tpm file first.']);
  assert.equal(s.tpmCalls().length, 0);
});

test('Show Schedule asks the server for tpm/schedule of the active file and opens the JSON beside', async (t) => {
  const s = setup(t);
  s.extension.activate(s.context);
  await s.extension.settled();
  const plan = path.join(s.dir, 'program.tpm');
  fs.writeFileSync(plan, 'program p { start 2027-01-04 }\n');
  openEditor(s, plan);
  await s.calls.commands.get('tpm.showSchedule')();
  assert.deepEqual(s.calls.clients[0].requests, [{ method: 'tpm/schedule', params: { textDocument: { uri: 'file://' + plan } } }]);
  assert.equal(s.calls.openedDocuments[0].language, 'json');
  assert.deepEqual(JSON.parse(s.calls.openedDocuments[0].content), { program: { id: 'fraud-v3' }, tasks: [] });
  assert.equal(s.calls.shownDocuments[0].options.viewColumn, s.vscode.ViewColumn.Beside);
});
