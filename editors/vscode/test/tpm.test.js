// lib/tpm.js: finding tpm, building a Gantt chart with it and reading what it wrote. With TPM_EXE set to a real tpm
// (the xunit wrapper sets it to the one just built), the last test builds an example plan with it.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const tpm = require('../lib/tpm');
const fake = require('./support/fake-tpm');

const repo = path.resolve(__dirname, '..', '..', '..');

function tempDir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpm-vscode-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('resolveExecutable finds a bare name on the PATH, in PATH order, and only executable files', (t) => {
  const dir = tempDir(t);
  const first = path.join(dir, 'a');
  const second = path.join(dir, 'b');
  fs.mkdirSync(first);
  fs.mkdirSync(second);
  fs.writeFileSync(path.join(first, 'tpm'), 'not executable', { mode: 0o644 });
  const exe = fake.install(second);
  assert.equal(tpm.resolveExecutable('tpm', { PATH: [first, second].join(':') }, 'linux'), exe);
  assert.equal(tpm.resolveExecutable('', { PATH: second }, 'linux'), exe, 'an empty setting means tpm');
  assert.equal(tpm.resolveExecutable('tpm', { PATH: first }, 'linux'), null);
  assert.equal(tpm.resolveExecutable('tpm', { PATH: '' }, 'linux'), null);
});

test('resolveExecutable takes a path as it is and refuses a missing one', (t) => {
  const dir = tempDir(t);
  const exe = fake.install(dir);
  assert.equal(tpm.resolveExecutable(exe, { PATH: '' }, 'linux'), exe);
  assert.equal(tpm.resolveExecutable(path.join(dir, 'missing', 'tpm'), { PATH: dir }, 'linux'), null);
  assert.equal(tpm.resolveExecutable(dir, { PATH: '' }, 'linux'), null, 'a folder is no executable');
});

test('the not-found message names the setting, or the PATH for a bare name', () => {
  assert.match(tpm.notFoundMessage('tpm'), /cannot find 'tpm' on the PATH.*tpm\.path/);
  assert.match(tpm.notFoundMessage('/opt/tpm/tpm'), /'\/opt\/tpm\/tpm' \(setting tpm\.path\) does not exist/);
});

test('ganttArgs asks tpm build for the HTML pages without a forecast, into the given folder', () => {
  assert.deepEqual(tpm.ganttArgs('/p/plan.tpm', '/s/out'), ['build', '/p/plan.tpm', '--emit', 'html', '--iterations', '0', '-o', '/s/out']);
});

test('writtenGantts reads the wrote lines of gantt.html only, resolved against the working folder', () => {
  const stdout = [
    'plan.tpm(3,5): warning TPM2003: effort with no assignee',
    'wrote out/fraud-v3/gantt.html',
    'wrote out/fraud-v3/schedule.json',
    'wrote /abs/other/gantt.html',
    'a wrote out/x/gantt.html',
  ].join('\n');
  assert.deepEqual(tpm.writtenGantts(stdout, '/work'), ['/work/out/fraud-v3/gantt.html', '/abs/other/gantt.html']);
  assert.equal(tpm.programIdOf('/work/out/fraud-v3/gantt.html'), 'fraud-v3');
});

test('isProgramText: a program file starts with program, after comments; anything else is a fragment', () => {
  assert.equal(tpm.isProgramText('program p { start 2027-01-04 }'), true);
  assert.equal(tpm.isProgramText('\uFEFF// header\n/* block\n program x */\n  program p {}'), true);
  assert.equal(tpm.isProgramText('person alice "Alice"\nprogram p {}'), false);
  assert.equal(tpm.isProgramText('program-notes "x"'), false);
  assert.equal(tpm.isProgramText(''), false);
});

test('ganttFolder is stable per input and distinct between inputs', () => {
  assert.equal(tpm.ganttFolder('/s', '/p/a.tpm'), tpm.ganttFolder('/s', '/p/a.tpm'));
  assert.notEqual(tpm.ganttFolder('/s', '/p/a.tpm'), tpm.ganttFolder('/s', '/p/b.tpm'));
  assert.equal(path.dirname(tpm.ganttFolder('/s', '/p/a.tpm')), path.join('/s', 'gantt'));
});

test('buildGantt runs tpm build and returns the chart it wrote', async (t) => {
  const dir = tempDir(t);
  const exe = fake.install(path.join(dir, 'bin'));
  const plan = path.join(dir, 'plan.tpm');
  fs.writeFileSync(plan, 'program fraud-v3 "F" { start 2027-01-04 }\n');
  const log = path.join(dir, 'calls.log');
  process.env.FAKE_TPM_LOG = log;
  t.after(() => delete process.env.FAKE_TPM_LOG);
  const storage = path.join(dir, 'storage');
  const charts = await tpm.buildGantt({ exe, input: plan, storageDir: storage, cwd: dir });
  const outDir = tpm.ganttFolder(storage, plan);
  assert.deepEqual(charts, [{ programId: 'fraud-v3', htmlPath: path.join(outDir, 'fraud-v3', 'gantt.html') }]);
  assert.match(fs.readFileSync(charts[0].htmlPath, 'utf8'), /GANTT fraud-v3/);
  assert.deepEqual(JSON.parse(fs.readFileSync(log, 'utf8').trim()), ['build', plan, '--emit', 'html', '--iterations', '0', '-o', outDir]);
});

test('buildGantt reports tpm\'s errors when the build fails, and when it builds no program', async (t) => {
  const dir = tempDir(t);
  const exe = fake.install(path.join(dir, 'bin'));
  const broken = path.join(dir, 'broken.tpm');
  fs.writeFileSync(broken, 'program p { BROKEN }\n');
  await assert.rejects(tpm.buildGantt({ exe, input: broken, storageDir: dir, cwd: dir }), (err) => {
    assert.ok(err instanceof tpm.BuildError);
    assert.match(err.message, /^tpm build failed \(exit code 1\): .*broken\.tpm\(1,1\): error TPM0001: the plan is BROKEN/);
    assert.match(err.output, /TPM0001/);
    return true;
  });
  const fragment = path.join(dir, 'people.tpm');
  fs.writeFileSync(fragment, 'person alice "Alice"\n');
  await assert.rejects(tpm.buildGantt({ exe, input: fragment, storageDir: dir, cwd: dir }), /wrote no Gantt chart for people\.tpm/);
});

test('buildGantt rejects when the executable cannot be started', async (t) => {
  const dir = tempDir(t);
  await assert.rejects(tpm.buildGantt({ exe: path.join(dir, 'nope'), input: path.join(dir, 'p.tpm'), storageDir: dir }), { code: 'ENOENT' });
});

test('buildGantt with the real tpm writes the Gantt chart of the ml-platform example', { skip: !process.env.TPM_EXE && 'TPM_EXE is not set' }, async (t) => {
  const dir = tempDir(t);
  const plan = path.join(repo, 'examples', 'ml-platform', 'program.tpm');
  const charts = await tpm.buildGantt({ exe: process.env.TPM_EXE, input: plan, storageDir: dir, cwd: dir });
  assert.equal(charts.length, 1);
  assert.equal(charts[0].programId, 'fraud-v3');
  assert.equal(charts[0].htmlPath, path.join(tpm.ganttFolder(dir, plan), 'fraud-v3', 'gantt.html'));
  const html = fs.readFileSync(charts[0].htmlPath, 'utf8');
  assert.match(html, /<html/i);
  assert.match(html, /Fraud Scoring v3/);
  assert.deepEqual(fs.readdirSync(path.dirname(charts[0].htmlPath)).sort(), ['gantt.html', 'report.html'], '--emit html writes the HTML pages only');
  // A fragment is no program: the folder that holds it is built instead (as the extension does).
  const folderCharts = await tpm.buildGantt({ exe: process.env.TPM_EXE, input: path.dirname(plan), storageDir: dir, cwd: dir });
  assert.deepEqual(folderCharts.map((c) => c.programId), ['fraud-v3']);
});

test('the server the extension starts (tpm lsp over stdio) answers initialize, reports a mistake and shuts down', { skip: !process.env.TPM_EXE && 'TPM_EXE is not set' }, async (t) => {
  const rpc = require('vscode-jsonrpc/node');
  const dir = tempDir(t);
  fs.mkdirSync(path.join(dir, '.git'));
  const plan = path.join(dir, 'program.tpm');
  const text = 'program p "P" {\n  start 2027-01-04\n  task a "A" { duration 2d }\n  task b "B" { duration 1d  after aa }\n}\n';
  fs.writeFileSync(plan, text);
  const server = require('child_process').spawn(process.env.TPM_EXE, tpm.SERVER_ARGS, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  t.after(() => server.kill());
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  const uri = 'file://' + plan;
  const diagnostics = new Promise((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      if (params.uri === uri && params.diagnostics.length) resolve(params.diagnostics);
    });
  });
  connection.listen();
  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: 'file://' + dir,
    workspaceFolders: [{ uri: 'file://' + dir, name: 'plans' }],
    capabilities: {},
  });
  assert.ok(init.capabilities, 'initialize result has capabilities');
  connection.sendNotification('initialized', {});
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'tpm', version: 1, text } });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no diagnostics in 30 s; stderr: ' + stderr)), 30000));
  const [first] = await Promise.race([diagnostics, timeout]);
  assert.equal(first.code, 'TPM1001');
  assert.match(first.message, /'aa'/);
  assert.deepEqual(first.range, { start: { line: 3, character: 34 }, end: { line: 3, character: 36 } });
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  assert.equal(await exited, 0);
  connection.dispose();
});
