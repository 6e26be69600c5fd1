// Running the tpm executable: finding it, building a program's Gantt chart, reading what it wrote. No dependency on
// the vscode module, so test/tpm.test.js runs it under plain node.
'use strict';

const childProcess = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

/**
 * The absolute path of the tpm executable the setting names, or null when there is none. A bare name is looked up on
 * the PATH (with PATHEXT on Windows); a path (with a separator, or starting with ~/) is taken as it is.
 */
function resolveExecutable(setting, env = process.env, platform = process.platform) {
  let name = (setting || '').trim() || 'tpm';
  if (name === '~' || name.startsWith('~/') || name.startsWith('~\\')) name = path.join(os.homedir(), name.slice(1));
  const windows = platform === 'win32';
  const extensions = windows ? ['', ...(env.PATHEXT || '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)] : [''];
  const candidates = (base) => extensions.map((ext) => base + ext);
  if (name.includes('/') || (windows && name.includes('\\'))) {
    return candidates(path.resolve(name)).find(isExecutableFile) || null;
  }

  const dirs = (env.PATH || env.Path || '').split(windows ? ';' : ':').filter(Boolean);
  for (const dir of dirs) {
    const found = candidates(path.join(dir, name)).find(isExecutableFile);
    if (found) return found;
  }

  return null;
}

function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The message shown when the executable cannot be found. */
function notFoundMessage(setting) {
  const name = (setting || '').trim() || 'tpm';
  return name.includes('/') || name.includes('\\')
    ? `ProgramDsl: the tpm executable '${name}' (setting tpm.path) does not exist or cannot be run.`
    : `ProgramDsl: cannot find '${name}' on the PATH. Install tpm (the ProgramDsl.Tool .NET tool) or set tpm.path to the tpm executable.`;
}

/**
 * Runs the executable without a shell. Resolves with the exit code and the output; rejects only when the process
 * cannot be started. A run longer than timeoutMs is killed and reported as an error.
 */
function run(exe, args, { cwd, timeoutMs = 120000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn(exe, args, { cwd, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal) reject(new Error(`tpm ${args[0]} was stopped (${signal}) after ${Math.round(timeoutMs / 1000)} s`));
      else resolve({ code, stdout, stderr });
    });
  });
}

/** The arguments that start the language server: `tpm lsp`, speaking LSP over its stdin and stdout. */
const SERVER_ARGS = Object.freeze(['lsp']);

/**
 * The `tpm build` arguments that write the HTML pages of <input> (a program file or a folder) under <outDir>: the
 * Gantt chart and the status report beside it, without the report's Monte Carlo forecast, which the chart does not
 * use and which takes the longest on a large plan.
 */
function ganttArgs(input, outDir) {
  return ['build', input, '--emit', 'html', '--iterations', '0', '-o', outDir];
}

/** The gantt.html files a `tpm build` run says it wrote (its 'wrote PATH' lines), as absolute paths. */
function writtenGantts(stdout, cwd) {
  const result = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^wrote (.*[\\/]gantt\.html)\s*$/.exec(line);
    if (m) result.push(path.resolve(cwd || process.cwd(), m[1]));
  }
  return result;
}

/** The program id of a gantt.html, which tpm writes to <outDir>/<program-id>/gantt.html. */
function programIdOf(ganttPath) {
  return path.basename(path.dirname(ganttPath));
}

/**
 * True when the text is a program file: its first statement is `program` (docs/language.md, Files). Otherwise it is
 * a fragment, compiled only through the programs that include it.
 */
function isProgramText(text) {
  const rest = text.replace(/^\uFEFF/, '').replace(/^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/, '');
  return /^program(?![\p{L}\p{M}\p{N}_.-])/u.test(rest);
}

/** The folder, under the extension's storage, that holds the Gantt charts built for one input path. */
function ganttFolder(storageDir, input) {
  const key = crypto.createHash('sha256').update(path.resolve(input)).digest('hex').slice(0, 16);
  return path.join(storageDir, 'gantt', key);
}

/** A failed build, with tpm's own output for the message. */
class BuildError extends Error {
  constructor(message, output) {
    super(message);
    this.name = 'BuildError';
    this.output = output;
  }
}

/**
 * Builds the Gantt charts of <input> (a program file, or a folder whose program files are built) with
 * `tpm build --emit html` into a folder under <storageDir>, and returns the charts written: [{ programId, htmlPath }].
 * Throws a BuildError with tpm's diagnostics when the build fails or writes no chart.
 */
async function buildGantt({ exe, input, storageDir, cwd, runner = run }) {
  const outDir = ganttFolder(storageDir, input);
  fs.mkdirSync(outDir, { recursive: true });
  const args = ganttArgs(input, outDir);
  const result = await runner(exe, args, { cwd });
  const output = (result.stdout + (result.stderr ? '\n' + result.stderr : '')).trim();
  const charts = writtenGantts(result.stdout, cwd).map((htmlPath) => ({ programId: programIdOf(htmlPath), htmlPath }));
  if (result.code !== 0 && charts.length === 0) {
    throw new BuildError(`tpm build failed (exit code ${result.code}): ${summary(output)}`, output);
  }

  if (charts.length === 0) {
    throw new BuildError(`tpm build wrote no Gantt chart for ${path.basename(input)}: no program was built.`, output);
  }

  return charts;
}

/** The errors of tpm's output, or its first lines, short enough for a notification. */
function summary(output) {
  const lines = output.split(/\r?\n/).filter((l) => l.trim());
  const errors = lines.filter((l) => /\berror\b/.test(l));
  const shown = (errors.length ? errors : lines).slice(0, 3);
  const more = (errors.length ? errors : lines).length - shown.length;
  return (shown.join(' · ') || 'no output') + (more > 0 ? ` (and ${more} more; see the ProgramDsl output)` : '');
}

module.exports = {
  SERVER_ARGS,
  resolveExecutable,
  notFoundMessage,
  run,
  ganttArgs,
  writtenGantts,
  programIdOf,
  isProgramText,
  ganttFolder,
  buildGantt,
  BuildError,
};
