// The ProgramDsl extension: starts `tpm lsp` for .tpm files and shows a program's Gantt chart beside the editor.
'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const tpm = require('./lib/tpm');

const LANGUAGE = 'tpm';
const SCHEDULE_REQUEST = 'tpm/schedule';

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel} */
let output;
/** The watcher that tells the server about changed plans and .globalconfig files, owned with the client. */
let watcher;
/** Serializes starts and stops of the client (a setting change while starting). */
let lifecycle = Promise.resolve();

function settings() {
  return vscode.workspace.getConfiguration('tpm');
}

/** The tpm executable, or undefined after telling the user it cannot be found. */
function executable() {
  const setting = settings().get('path', 'tpm');
  const exe = tpm.resolveExecutable(setting);
  if (!exe) {
    const message = tpm.notFoundMessage(setting);
    output.appendLine(message);
    vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
      if (choice) vscode.commands.executeCommand('workbench.action.openSettings', 'tpm.path');
    });
  }

  return exe || undefined;
}

async function startClient() {
  const exe = executable();
  if (!exe) return;
  const serverOptions = { command: exe, args: [...tpm.SERVER_ARGS], transport: TransportKind.stdio };
  watcher = vscode.workspace.createFileSystemWatcher('**/{*.tpm,.globalconfig}');
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: LANGUAGE }],
    outputChannel: output,
    synchronize: {
      // The server reads included fragments and .globalconfig severities from disk too.
      fileEvents: watcher,
    },
  };
  // The id 'tpm' makes the client honour the tpm.trace.server setting.
  const started = new LanguageClient(LANGUAGE, 'ProgramDsl language server', serverOptions, clientOptions);
  try {
    await started.start();
    client = started;
    output.appendLine(`Started ${exe} lsp`);
  } catch (err) {
    const message = `ProgramDsl: the language server '${exe} lsp' could not start: ${err && err.message ? err.message : err}`;
    output.appendLine(message);
    vscode.window.showErrorMessage(message);
    try {
      await started.dispose(2000);
    } catch {
      // It never ran; nothing to stop.
    }

    watcher.dispose();
    watcher = undefined;
  }
}

async function stopClient() {
  const running = client;
  client = undefined;
  if (watcher) watcher.dispose();
  watcher = undefined;
  if (running) {
    try {
      await running.stop(2000);
    } catch (err) {
      output.appendLine(`The language server did not stop cleanly: ${err && err.message ? err.message : err}`);
    }
  }
}

function restartClient() {
  lifecycle = lifecycle.then(stopClient).then(startClient);
  return lifecycle;
}

/**
 * The webview beside the editor that shows one program's gantt.html; rebuilt when any .tpm file is saved.
 */
class GanttView {
  constructor(context) {
    this.context = context;
    /** @type {vscode.WebviewPanel | undefined} */
    this.panel = undefined;
    /** What the panel shows: the path built (a program file or a folder) and the program picked. */
    this.source = undefined;
    this.building = undefined;
    this.pending = false;
  }

  storageDir() {
    const uri = this.context.storageUri || this.context.globalStorageUri;
    return uri.fsPath;
  }

  /** Shows the Gantt chart of the program the .tpm document belongs to. */
  async show(document) {
    const exe = executable();
    if (!exe) return;
    const file = document.uri.fsPath;
    // A fragment has no chart of its own: build the programs of its workspace folder, which include it.
    const program = tpm.isProgramText(document.getText());
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const input = program ? file : (folder ? folder.uri.fsPath : path.dirname(file));
    const charts = await this.build(exe, input, path.dirname(file), document.isDirty);
    if (!charts) return;
    let chart = charts[0];
    if (charts.length > 1) {
      const picked = await vscode.window.showQuickPick(
        charts.map((c) => ({ label: c.programId, description: c.htmlPath, chart: c })),
        { placeHolder: `${path.basename(file)} is a fragment: which program's Gantt chart?` });
      if (!picked) return;
      chart = picked.chart;
    }

    this.source = { exe, input, cwd: path.dirname(file), programId: chart.programId };
    this.render(chart);
  }

  /**
   * Runs tpm build with a progress notification; undefined when it fails, after an error message, or (for a rebuild
   * after a save, when the language server already shows the plan's errors) a status bar message.
   */
  async build(exe, input, cwd, dirty, quiet = false) {
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'ProgramDsl: building the Gantt chart' },
        () => tpm.buildGantt({ exe, input, storageDir: this.storageDir(), cwd }).then((charts) => {
          if (dirty) vscode.window.setStatusBarMessage('ProgramDsl: the Gantt chart shows the saved file; save to see your changes', 5000);
          return charts;
        }));
    } catch (err) {
      if (quiet) {
        output.appendLine(err instanceof tpm.BuildError ? err.output : String(err && err.message ? err.message : err));
        vscode.window.setStatusBarMessage(`ProgramDsl: the Gantt chart was not rebuilt: ${err && err.message ? err.message : err}`, 10000);
      } else if (err instanceof tpm.BuildError) {
        output.appendLine(err.output);
        vscode.window.showErrorMessage(`ProgramDsl: ${err.message}`, 'Show Output').then((choice) => {
          if (choice) output.show(true);
        });
      } else {
        vscode.window.showErrorMessage(`ProgramDsl: cannot run '${exe}': ${err && err.message ? err.message : err}`);
      }

      return undefined;
    }
  }

  render(chart) {
    const html = fs.readFileSync(chart.htmlPath, 'utf8');
    const title = `Gantt: ${chart.programId}`;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('tpm.gantt', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [vscode.Uri.file(path.dirname(chart.htmlPath))],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.source = undefined;
      });
    }

    this.panel.title = title;
    this.panel.webview.html = withPolicy(html);
    this.panel.reveal(undefined, true);
  }

  /** Rebuilds the shown chart after a save; saves that land during a build cause one more build after it. */
  async refresh() {
    if (!this.panel || !this.source) return;
    if (this.building) {
      this.pending = true;
      return;
    }

    const source = this.source;
    this.building = this.build(source.exe, source.input, source.cwd, false, true);
    try {
      const charts = await this.building;
      const chart = charts && charts.find((c) => c.programId === source.programId);
      if (chart && this.panel && this.source === source) this.render(chart);
    } finally {
      this.building = undefined;
      if (this.pending) {
        this.pending = false;
        this.refresh();
      }
    }
  }
}

/**
 * The chart's own HTML with a content security policy that lets its inline style and script run and nothing load
 * from anywhere: the chart is self-contained, and the plan's text in it stays text.
 */
function withPolicy(html) {
  const policy = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; img-src data:; font-src data:">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + policy) : policy + html;
}

function activeTpmDocument() {
  const editor = vscode.window.activeTextEditor;
  const document = editor && editor.document;
  if (!document || document.languageId !== LANGUAGE || document.uri.scheme !== 'file') {
    vscode.window.showErrorMessage('ProgramDsl: open a saved .tpm file first.');
    return undefined;
  }

  return document;
}

async function showSchedule() {
  const document = activeTpmDocument();
  if (!document) return;
  if (!client) {
    vscode.window.showErrorMessage('ProgramDsl: the language server is not running (see the ProgramDsl output).');
    return;
  }

  try {
    const schedule = await client.sendRequest(SCHEDULE_REQUEST, { textDocument: { uri: document.uri.toString() } });
    const json = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(schedule, null, 2) });
    await vscode.window.showTextDocument(json, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  } catch (err) {
    vscode.window.showErrorMessage(`ProgramDsl: ${SCHEDULE_REQUEST} failed: ${err && err.message ? err.message : err}`);
  }
}

/** @param {vscode.ExtensionContext} context */
function activate(context) {
  output = vscode.window.createOutputChannel('ProgramDsl');
  const gantt = new GanttView(context);
  let saveTimer;
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('tpm.showGantt', () => {
      const document = activeTpmDocument();
      return document ? gantt.show(document) : undefined;
    }),
    vscode.commands.registerCommand('tpm.showSchedule', showSchedule),
    vscode.commands.registerCommand('tpm.restartServer', restartClient),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.languageId !== LANGUAGE) return;
      // One rebuild for a burst of saves (Save All).
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => gantt.refresh(), 300);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tpm.path')) restartClient();
    }),
    { dispose: () => clearTimeout(saveTimer) },
  );
  // Not awaited: commands work while the server starts (or fails to).
  lifecycle = lifecycle.then(startClient);
}

function deactivate() {
  return lifecycle.then(stopClient);
}

/** For the tests: settles when the pending starts and stops of the language client have. */
function settled() {
  return lifecycle;
}

module.exports = { activate, deactivate, settled };
