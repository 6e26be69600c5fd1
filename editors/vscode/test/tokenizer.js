// Tokenizes .tpm text with the extension's grammar through vscode-textmate and Oniguruma, the engine VS Code uses.
'use strict';

const fs = require('fs');
const path = require('path');
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.join(__dirname, '..');
let registryPromise;

/** The grammar of source.tpm, loaded once. */
function loadGrammar() {
  registryPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) => {
        if (scopeName !== 'source.tpm') return null;
        const file = path.join(root, 'syntaxes', 'tpm.tmLanguage.json');
        return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    });
  })();
  return registryPromise.then((registry) => registry.loadGrammar('source.tpm'));
}

/** Each token of the text: line, its text and its scopes (outermost first). */
async function tokenize(text) {
  const grammar = await loadGrammar();
  let stack = textmate.INITIAL;
  const tokens = [];
  text.split(/\r?\n/).forEach((line, lineIndex) => {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens) {
      tokens.push({ line: lineIndex, start: t.startIndex, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    stack = result.ruleStack;
  });
  return tokens;
}

module.exports = { loadGrammar, tokenize };

if (require.main === module) {
  // node test/tokenizer.js FILE: prints each token and its innermost scopes, for writing grammar tests.
  tokenize(fs.readFileSync(process.argv[2], 'utf8')).then((tokens) => {
    for (const t of tokens) {
      if (!t.text.trim()) continue;
      console.log(`${t.line + 1}:${t.start}\t${JSON.stringify(t.text)}\t${t.scopes.slice(1).join(' ')}`);
    }
  });
}
