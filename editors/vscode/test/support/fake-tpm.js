// A stand-in for the tpm executable, for tests that need one without the .NET build: `build FILE --emit html -o DIR`
// writes DIR/<program-id>/gantt.html as tpm does and prints its 'wrote' line; a plan containing "BROKEN" fails with a
// diagnostic and exit code 1. Every call is appended to $FAKE_TPM_LOG.
'use strict';

const fs = require('fs');
const path = require('path');

/** Writes an executable `tpm` into <dir> that runs this script with node, and returns its path. */
function install(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const exe = path.join(dir, 'tpm');
  fs.writeFileSync(exe, `#!/bin/sh\nexec "${process.execPath}" "${__filename}" "$@"\n`, { mode: 0o755 });
  return exe;
}

function main(args) {
  if (process.env.FAKE_TPM_LOG) fs.appendFileSync(process.env.FAKE_TPM_LOG, JSON.stringify(args) + '\n');
  if (args[0] !== 'build') {
    process.stderr.write(`fake tpm: unsupported command ${args[0]}\n`);
    return 2;
  }

  const input = args[1];
  const out = args[args.indexOf('-o') + 1];
  const files = fs.statSync(input).isDirectory()
    ? fs.readdirSync(input).filter((f) => f.endsWith('.tpm')).map((f) => path.join(input, f))
    : [input];
  let failed = false;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const program = /^\s*program\s+([\w-]+)/m.exec(text);
    if (!program) continue;
    if (text.includes('BROKEN')) {
      process.stdout.write(`${file}(1,1): error TPM0001: the plan is BROKEN\n`);
      failed = true;
      continue;
    }

    const folder = path.join(out, program[1]);
    fs.mkdirSync(folder, { recursive: true });
    const gantt = path.join(folder, 'gantt.html');
    fs.writeFileSync(gantt, `<!DOCTYPE html><html><head><title>${program[1]}</title></head><body>GANTT ${program[1]} ${text.length}</body></html>`);
    process.stdout.write(`wrote ${gantt}\n`);
  }

  return failed ? 1 : 0;
}

module.exports = { install };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
