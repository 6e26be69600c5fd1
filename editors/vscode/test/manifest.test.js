// The manifest and the files it names agree with each other and with the compiler: every path exists, one language
// id and one scope name throughout, every command registered, snippets that use real statements, and every keyword
// and value word the compiler knows (read from its C# source) coloured by the grammar.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { tokenize } = require('./tokenizer');
const grammarSource = require('../scripts/build-grammar');

const root = path.join(__dirname, '..');
const repo = path.join(root, '..', '..');
const syntax = path.join(repo, 'src', 'ProgramDsl', 'Syntax');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const read = (rel) => fs.readFileSync(path.join(root, rel), 'utf8');
const extensionJs = read(manifest.main);

// ---- What the compiler knows, from its source --------------------------------------------------------------------

const keywordsCs = fs.readFileSync(path.join(syntax, 'Keywords.cs'), 'utf8');
const statementsCs = fs.readFileSync(path.join(syntax, 'Statements.cs'), 'utf8');
const syntaxNodesCs = fs.readFileSync(path.join(syntax, 'SyntaxNodes.cs'), 'utf8');
const grammarCs = fs.readFileSync(path.join(syntax, 'Grammar.cs'), 'utf8');

/** Keywords.cs: name -> keyword. */
const keywordConstants = new Map([...keywordsCs.matchAll(/public const string (\w+) = "([^"]+)";/g)].map((m) => [m[1], m[2]]));

/** The declaration keywords: DeclarationKind's members in lower case (Statements.cs, D(...)). */
const declarationKeywords = (() => {
  const body = /public enum DeclarationKind\s*\{([\s\S]*?)\}/.exec(syntaxNodesCs)[1].replace(/\/\/\/.*$/gm, '');
  return [...body.matchAll(/^\s*([A-Z]\w*)\s*,?\s*$/gm)].map((m) => m[1].toLowerCase());
})();

/** A string list of Statements.cs or Grammar.cs by its name (`Phases`, `ReviewKinds`, `WeekdayNames`…). */
function namedList(name) {
  const m = new RegExp(`\\b${name}\\s*(?:\\{ get; \\})?\\s*=[^;{]*\\{([^}]*)\\}`).exec(statementsCs + '\n' + grammarCs);
  assert.ok(m, `list ${name} not found in the C# source`);
  return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
}

/** A C# list argument: `new[] { "a", "b" }`, a named list, or `Name.ToArray()`. */
function listArgument(text) {
  text = text.trim();
  if (text.startsWith('new')) return [...text.matchAll(/"([^"]+)"/g)].map((x) => x[1]);
  return namedList(/^(\w+)/.exec(text)[1]);
}

/** Every statement of the table: keyword, its choice words and its item words. */
const statementTable = (() => {
  const table = /private static StatementInfo\[\] Build\(\)([\s\S]*)$/.exec(statementsCs)[1];
  const rows = [];
  // Each row starts with S( or D( at the start of a line and runs to the next.
  const starts = [...table.matchAll(/^\s*(S|D)\((Keywords\.(\w+)|"([^"]+)"|DeclarationKind\.(\w+))/gm)];
  starts.forEach((m, i) => {
    const text = table.slice(m.index, i + 1 < starts.length ? starts[i + 1].index : undefined);
    const keyword = m[3] !== undefined ? keywordConstants.get(m[3]) : m[4] !== undefined ? m[4] : m[5].toLowerCase();
    assert.ok(keyword, `unknown keyword constant ${m[3]}`);
    const words = /\bwords: (new\[\] \{[^}]*\}|\w+)/.exec(text);
    const items = /\bitemWords: (new\[\] \{[^}]*\}|\w+)/.exec(text);
    rows.push({
      kind: m[1],
      keyword,
      words: words ? listArgument(words[1]) : [],
      itemWords: items ? listArgument(items[1]) : [],
    });
  });
  return rows;
})();

test('the keyword lists read from the C# source are complete enough to mean something', () => {
  assert.ok(keywordConstants.size >= 60, `only ${keywordConstants.size} keywords read from Keywords.cs`);
  assert.deepEqual(declarationKeywords.slice(0, 2), ['program', 'calendar']);
  assert.ok(declarationKeywords.includes('decision'));
  assert.ok(statementTable.length >= 65, `only ${statementTable.length} statements read from Statements.cs`);
  for (const kw of keywordConstants.values()) {
    assert.ok(statementTable.some((s) => s.keyword === kw), `${kw} is in Keywords.cs but no statement was read for it`);
  }

  assert.deepEqual(statementTable.find((s) => s.keyword === 'leveling').words, ['on', 'off']);
  assert.deepEqual(statementTable.find((s) => s.keyword === 'after').itemWords, ['fs', 'ss', 'ff', 'sf']);
  assert.deepEqual(statementTable.find((s) => s.keyword === 'requires').itemWords, ['skill', 'skills']);
  assert.deepEqual(statementTable.find((s) => s.keyword === 'likelihood').words, ['low', 'medium', 'high']);
  assert.ok(statementTable.find((s) => s.keyword === 'phase').words.includes('monitoring'));
  assert.ok(statementTable.find((s) => s.keyword === 'review').words.includes('robustness'));
});

// ---- Colouring of every keyword and word ------------------------------------------------------------------------

/** The token at <column> of line <line> of the text (line 0 is the first). */
async function tokenAt(text, line, column) {
  const tokens = await tokenize(text);
  const token = tokens.find((t) => t.line === line && t.start <= column && column < t.start + t.text.length);
  assert.ok(token, `no token at ${line}:${column} of ${JSON.stringify(text)}`);
  return token;
}

const hasScope = (token, prefix) => token.scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));

test('every declaration keyword of the compiler is coloured as a declaration, with its name', async () => {
  for (const kw of declarationKeywords) {
    const text = `program p {\n  ${kw} some-name "Title"\n}`;
    const keyword = await tokenAt(text, 1, 2);
    assert.equal(keyword.text, kw);
    assert.ok(keyword.scopes.includes(`storage.type.${kw}.tpm`), `${kw}: ${keyword.scopes.join(' ')}`);
    const name = await tokenAt(text, 1, 3 + kw.length);
    assert.equal(name.text, 'some-name');
    assert.ok(name.scopes.includes(`entity.name.type.${kw}.tpm`), `${kw}'s name: ${name.scopes.join(' ')}`);
  }
});

test('every statement keyword of the compiler is coloured as a keyword where it is a statement', async () => {
  for (const statement of statementTable.filter((s) => s.kind === 'S')) {
    const kw = statement.keyword;
    // role and calendar are statements only inside a person or a resource; elsewhere they declare.
    // include and a portfolio's program entry name a file: a path in quotes follows them.
    const namesFile = kw === 'include' || kw === 'program';
    const text = `person someone "S" {\n  ${kw} ${namesFile ? '"x"' : 'x'}\n}`;
    const token = await tokenAt(text, 1, 2);
    assert.equal(token.text, kw, `${kw} is not one token: ${JSON.stringify(token)}`);
    const expected = namesFile ? 'keyword.control.import.tpm' : 'keyword.control.tpm';
    assert.ok(token.scopes.includes(expected), `${kw}: ${token.scopes.join(' ')}`);
  }
});

test('the grammar colours no statement keyword the compiler does not know', () => {
  const known = new Set(keywordConstants.values());
  for (const kw of grammarSource.STATEMENTS) assert.ok(known.has(kw), `${kw} is coloured but is no keyword`);
  assert.deepEqual([...grammarSource.DECLARATIONS].sort(), [...declarationKeywords].sort());
});

test('every choice word of every statement is coloured as a constant after its keyword', async () => {
  for (const statement of statementTable.filter((s) => s.words.length)) {
    for (const word of statement.words) {
      const kw = statement.keyword;
      const token = await tokenAt(`  ${kw} ${word}`, 0, 3 + kw.length);
      assert.equal(token.text, word);
      assert.ok(hasScope(token, 'constant.language'), `${kw} ${word}: ${token.scopes.join(' ')}`);
    }
  }
});

test('every item word of every list statement is coloured as a keyword in its list', async () => {
  for (const statement of statementTable.filter((s) => s.itemWords.length)) {
    for (const word of statement.itemWords) {
      const kw = statement.keyword;
      // An item word leads an item (assign role x, requires skill x) or follows its reference (after x fs).
      const before = await tokenAt(`  ${kw} ${word} x`, 0, 3 + kw.length);
      const after = await tokenAt(`  ${kw} x ${word}`, 0, 5 + kw.length);
      assert.ok([before, after].some((t) => t.text === word && hasScope(t, 'keyword.other')),
        `${kw} ${word}: ${before.scopes.join(' ')} / ${after.scopes.join(' ')}`);
    }
  }
});

test('every weekday the compiler reads is coloured in workdays, in either case', async () => {
  for (const day of namedList('WeekdayNames')) {
    for (const spelt of [day, day.toUpperCase()]) {
      const token = await tokenAt(`  workdays mon..${spelt}`, 0, 16);
      assert.equal(token.text, spelt);
      assert.ok(token.scopes.includes('constant.language.weekday.tpm'), `${spelt}: ${token.scopes.join(' ')}`);
    }
  }
});

// ---- The manifest and the files it names --------------------------------------------------------------------------

test('every path the manifest names exists', () => {
  const paths = [
    manifest.main,
    ...contributes.languages.map((l) => l.configuration),
    ...contributes.grammars.map((g) => g.path),
    ...contributes.snippets.map((s) => s.path),
    'README.md',
    'LICENSE',
  ];
  for (const rel of paths) assert.ok(fs.existsSync(path.join(root, rel)), `${rel} does not exist`);
});

test('one language id throughout: languages, grammar, snippets, activation, menus and the client', () => {
  assert.equal(contributes.languages.length, 1);
  const language = contributes.languages[0];
  assert.equal(language.id, 'tpm');
  assert.deepEqual(language.extensions, ['.tpm']);
  assert.ok(language.aliases.includes('ProgramDsl'));
  for (const g of contributes.grammars) assert.equal(g.language, language.id);
  for (const s of contributes.snippets) assert.equal(s.language, language.id);
  assert.ok(manifest.activationEvents.includes(`onLanguage:${language.id}`));
  assert.match(extensionJs, new RegExp(`const LANGUAGE = '${language.id}';`));
  for (const menu of Object.values(contributes.menus).flat()) {
    assert.match(menu.when, new RegExp(`(editorLangId|resourceLangId) == ${language.id}$`));
  }
});

test('the grammar file is the one scripts/build-grammar.js writes, with the manifest\'s scope name', () => {
  const text = read(contributes.grammars[0].path);
  assert.equal(text, grammarSource.render(), 'syntaxes/tpm.tmLanguage.json is stale: run npm run grammar');
  const grammar = JSON.parse(text);
  assert.equal(grammar.scopeName, 'source.tpm');
  assert.equal(contributes.grammars[0].scopeName, grammar.scopeName);
  // Every include names a rule of the repository.
  const includes = [...text.matchAll(/"include": "#([^"]+)"/g)].map((m) => m[1]);
  for (const name of includes) assert.ok(grammar.repository[name], `#${name} is not in the repository`);
  // Every rule of the repository is used.
  for (const name of Object.keys(grammar.repository)) assert.ok(includes.includes(name), `#${name} is never included`);
});

test('every command is declared with a title, registered by extension.js, and the Gantt command exists', () => {
  const ids = contributes.commands.map((c) => c.command);
  assert.ok(ids.includes('tpm.showGantt'));
  assert.equal(contributes.commands.find((c) => c.command === 'tpm.showGantt').title, 'Show Gantt');
  assert.equal(contributes.commands.find((c) => c.command === 'tpm.showGantt').category, 'ProgramDsl');
  const registered = [...extensionJs.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual([...registered].sort(), [...ids].sort());
  for (const menu of Object.values(contributes.menus).flat()) assert.ok(ids.includes(menu.command), menu.command);
});

test('the settings: tpm.path defaults to tpm on the PATH, tpm.trace.server as language clients read it', () => {
  const props = contributes.configuration.properties;
  assert.equal(props['tpm.path'].type, 'string');
  assert.equal(props['tpm.path'].default, 'tpm');
  assert.deepEqual(props['tpm.trace.server'].enum, ['off', 'messages', 'verbose']);
  // A repository's own settings may not choose the program the extension runs until the workspace is trusted.
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['tpm.path']);
  assert.match(extensionJs, /getConfiguration\('tpm'\)/);
  assert.match(extensionJs, /affectsConfiguration\('tpm\.path'\)/);
});

test('the manifest has what vsce and the marketplace need', () => {
  assert.equal(manifest.name, 'programdsl');
  assert.equal(manifest.publisher, 'programdsl');
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.equal(manifest.license, 'MIT');
  assert.match(manifest.repository.url, /^https:\/\//);
  assert.ok(manifest.categories.includes('Programming Languages'));
  assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
  // vscode-languageclient states the VS Code it needs; the manifest may not promise an older one.
  const client = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8'));
  const clientEngine = client.engines.vscode;
  const minor = (range) => Number(/\^1\.(\d+)/.exec(range)[1]);
  assert.ok(minor(manifest.engines.vscode) >= minor(clientEngine), `engines.vscode ${manifest.engines.vscode} < ${clientEngine}`);
  assert.equal(manifest.dependencies['vscode-languageclient'], client.version);
});

test('the language configuration matches the lexer: comments, braces, words', () => {
  const config = JSON.parse(read(contributes.languages[0].configuration));
  assert.equal(config.comments.lineComment, '//');
  assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
  assert.deepEqual(config.brackets, [['{', '}']]);
  assert.ok(config.autoClosingPairs.some((p) => p.open === '{' && p.close === '}'));
  assert.ok(config.autoClosingPairs.some((p) => p.open === '"' && p.notIn.includes('string')));
  assert.deepEqual(config.surroundingPairs, [['{', '}'], ['"', '"']]);
  const words = new RegExp(config.wordPattern.pattern, config.wordPattern.flags + 'g');
  assert.deepEqual('after data.eda fs+2d, feature_pipeline-2 50%'.match(words), ['after', 'data.eda', 'fs', '2d', 'feature_pipeline-2', '50%']);
  assert.deepEqual('holiday 2027-03-01..2027-03-05 "Émile" rate 950/d'.match(words), ['holiday', '2027-03-01', '2027-03-05', 'Émile', 'rate', '950/d']);
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test('  task eda "EDA {x}" {'));
  assert.ok(increase.test('program p { // the plan'));
  assert.ok(!increase.test('  task eda { effort 5d }'));
  assert.ok(!increase.test('  note "{"'));
  assert.ok(decrease.test('  }'));
  assert.ok(!decrease.test('  effort 5d'));
});

test('the snippets parse, include task, milestone, risk, person, workstream and metric, and use real statements', () => {
  const snippets = JSON.parse(read(contributes.snippets[0].path));
  const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));
  for (const kind of ['task', 'milestone', 'risk', 'person', 'workstream', 'metric']) {
    assert.ok(byPrefix.has(kind), `no ${kind} snippet`);
  }

  const keywords = new Set(keywordConstants.values());
  for (const [prefix, snippet] of byPrefix) {
    assert.ok(declarationKeywords.includes(prefix), `${prefix} is no declaration keyword`);
    assert.ok(snippet.description, `${prefix} has no description`);
    assert.match(snippet.body[0], new RegExp(`^${prefix} \\$\\{1:[a-z-]+\\} "\\$\\{2:[^}]+\\}" \\{$`));
    assert.match(snippet.body[snippet.body.length - 1], /^\}(\$0)?$/);
    for (const line of snippet.body.slice(1, -1)) {
      if (line.trim() === '$0') continue;
      const kw = /^\t([a-z-]+) /.exec(line);
      assert.ok(kw && keywords.has(kw[1]), `${prefix}: '${line}' does not start with a keyword`);
      // A choice placeholder offers only words the compiler allows there.
      const allowed = new Set(statementTable.filter((s) => s.keyword === kw[1]).flatMap((s) => s.words));
      const choice = /^\t[a-z-]+ \$\{\d+\|([^|]+)\|\}$/.exec(line);
      if (choice && allowed.size) {
        for (const word of choice[1].split(',')) assert.ok(allowed.has(word), `${prefix}: ${kw[1]} ${word} is not allowed`);
      }
    }
  }
});
