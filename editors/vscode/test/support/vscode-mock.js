// A small stand-in for the parts of the vscode API and of vscode-languageclient that extension.js uses, recording
// what the extension asks of them. VS Code itself cannot run here; this checks the extension's own logic.
'use strict';

const Module = require('module');
const path = require('path');

function createMock() {
  const calls = {
    commands: new Map(),
    errors: [],
    clients: [],
    panels: [],
    openedDocuments: [],
    shownDocuments: [],
    quickPicks: [],
    watchers: [],
    statusMessages: [],
  };
  const listeners = { save: [], configuration: [] };
  const config = { path: 'tpm' };
  const state = { activeTextEditor: undefined, workspaceFolder: undefined, quickPickChoice: (items) => items[0] };

  const disposable = () => ({ dispose() {} });
  const event = (list) => (cb) => {
    list.push(cb);
    return { dispose() { list.splice(list.indexOf(cb), 1); } };
  };

  const Uri = {
    file: (p) => ({ scheme: 'file', fsPath: p, path: p, toString: () => 'file://' + p }),
  };

  const vscode = {
    Uri,
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    workspace: {
      getConfiguration: (section) => ({
        get: (key, fallback) => (section === 'tpm' && key in config ? config[key] : fallback),
      }),
      createFileSystemWatcher: (glob) => {
        const watcher = { glob, disposed: 0, dispose() { this.disposed++; } };
        calls.watchers.push(watcher);
        return watcher;
      },
      getWorkspaceFolder: () => state.workspaceFolder,
      onDidSaveTextDocument: event(listeners.save),
      onDidChangeConfiguration: event(listeners.configuration),
      openTextDocument: async (options) => {
        calls.openedDocuments.push(options);
        return { options };
      },
    },
    window: {
      get activeTextEditor() { return state.activeTextEditor; },
      createOutputChannel: (name) => ({ name, lines: [], appendLine(l) { this.lines.push(l); }, show() {}, dispose() {} }),
      showErrorMessage: async (message) => {
        calls.errors.push(message);
        return undefined;
      },
      showQuickPick: async (items, options) => {
        calls.quickPicks.push({ items, options });
        return state.quickPickChoice(items);
      },
      withProgress: (options, task) => task({ report() {} }),
      setStatusBarMessage: (message) => {
        calls.statusMessages.push(message);
        return disposable();
      },
      createWebviewPanel: (viewType, title, showOptions, options) => {
        const disposeListeners = [];
        const panel = {
          viewType, title, showOptions, options, revealed: 0,
          webview: { html: '' },
          reveal() { this.revealed++; },
          onDidDispose: event(disposeListeners),
          dispose() { disposeListeners.forEach((l) => l()); },
        };
        calls.panels.push(panel);
        return panel;
      },
      showTextDocument: async (document, options) => {
        calls.shownDocuments.push({ document, options });
      },
    },
    commands: {
      registerCommand: (id, fn) => {
        if (calls.commands.has(id)) throw new Error('command registered twice: ' + id);
        calls.commands.set(id, fn);
        return { dispose() { calls.commands.delete(id); } };
      },
      executeCommand: async () => undefined,
    },
  };

  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, started: 0, stopped: 0, requests: [] });
      calls.clients.push(this);
    }

    async start() { this.started++; }

    async stop() { this.stopped++; }

    async dispose() { this.stopped++; }

    async sendRequest(method, params) {
      this.requests.push({ method, params });
      return { program: { id: 'fraud-v3' }, tasks: [] };
    }
  }

  const languageClient = { LanguageClient, TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 } };

  return { vscode, languageClient, calls, listeners, config, state };
}

/** Loads a fresh extension.js against a fresh mock; returns the module and the mock. */
function loadExtension() {
  const mock = createMock();
  const file = path.join(__dirname, '..', '..', 'extension.js');
  const originalLoad = Module._load;
  Module._load = function load(request, parent, isMain) {
    if (request === 'vscode') return mock.vscode;
    if (request === 'vscode-languageclient/node') return mock.languageClient;
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    delete require.cache[require.resolve(file)];
    const extension = require(file);
    return { extension, ...mock };
  } finally {
    Module._load = originalLoad;
  }
}

module.exports = { loadExtension };
