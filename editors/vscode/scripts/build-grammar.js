#!/usr/bin/env node
// Writes syntaxes/tpm.tmLanguage.json. The grammar's regular expressions repeat a few shapes (an identifier, a
// reference, a number, a list item) many times; composing them here keeps them consistent, and the test suite checks
// that the committed JSON is what this script writes (`npm run grammar` regenerates it).
'use strict';

const fs = require('fs');
const path = require('path');

// Lexical shapes, as src/ProgramDsl/Syntax/Lexer.cs scans them.
const ID_START = '[\\p{L}_]';
const ID_PART = '[\\p{L}\\p{M}\\p{N}_-]';
const ID = `${ID_START}${ID_PART}*`;
const REF = `${ID}(?:\\.${ID})*`;
// Not inside a longer identifier or reference on the left; on the right an identifier character (or '.') would
// make a longer word.
const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}_.-])';
const WORD_END = '(?![\\p{L}\\p{M}\\p{N}_.-])';
// An identifier may follow the '.' of a qualified name; a value may follow the '..' of a range.
const ID_BOUNDARY = '(?<![\\p{L}\\p{M}\\p{N}_-])';
const VALUE_START = `(?:(?<=\\.\\.)|${WORD_START})`;
// A unit, a date or a number ends where no identifier character follows ('-' may: `fs-2d`, `2027-01-04..`).
const VALUE_END = '(?![\\p{L}\\p{M}\\p{N}_])';
const NUMBER = '\\d(?:_?\\d)*(?:\\.\\d+)?';
const UNIT = '[hdw]';
const DURATION = `${NUMBER}${UNIT}${VALUE_END}`;
const PERCENT = `${NUMBER}%`;
const DATE = `\\d{4}-\\d{2}-\\d{2}${VALUE_END}`;

// The language's keywords (src/ProgramDsl/Syntax/Keywords.cs and the DeclarationKind enum). test/manifest.test.js
// reads them from the C# source and fails when one is not coloured.
const DECLARATIONS = ['program', 'portfolio', 'calendar', 'role', 'skill', 'person', 'team', 'resource', 'stakeholder', 'metric',
  'workstream', 'task', 'milestone', 'risk', 'decision'];

// Statements whose value is a list of references, each item of the shape the compiler reads.
const REFERENCE_LISTS = ['owner', 'lead', 'contact', 'members', 'gate', 'affects'];

// Statements whose value is one word of a closed vocabulary (Statements.cs, AllowedWords).
const CHOICES = {
  leveling: ['on', 'off'],
  raci: ['responsible', 'accountable', 'consulted', 'informed'],
  cadence: ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly'],
  phase: ['feasibility', 'data', 'modeling', 'evaluation', 'deployment', 'monitoring'],
  status: ['open', 'mitigated', 'closed', 'occurred', 'proposed', 'accepted', 'rejected', 'superseded'],
  likelihood: ['low', 'medium', 'high'],
};
const REVIEW_KINDS = ['fairness', 'privacy', 'security', 'safety', 'legal', 'compliance', 'accessibility', 'ethics',
  'explainability', 'robustness'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DEPENDENCY_TYPES = ['fs', 'ss', 'ff', 'sf'];
const MONEY = ['budget', 'cost', 'actual-cost'];

// Every other statement keyword: its value is coloured by the value rules (dates, durations, numbers, strings).
const STATEMENTS = ['start', 'deadline', 'status-date', 'baseline', 'baseline-tolerance', 'currency', 'budget', 'workdays', 'holiday', 'hours-per-day',
  'leveling', 'note', 'rate', 'skills', 'capacity', 'vacation', 'email', 'lead', 'members', 'raci', 'cadence',
  'contact', 'target', 'current', 'unit', 'owner', 'after', 'due', 'effort', 'duration', 'estimate', 'assign',
  'requires', 'uses', 'not-before', 'priority', 'review', 'cost', 'progress', 'actual-start', 'actual-finish',
  'actual-cost', 'phase', 'gate', 'likelihood', 'impact', 'mitigation', 'affects', 'status', 'date', 'rationale'];

const alt = (words) => words.map(escape).join('|');
function escape(word) {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const keyword = (words) => `${WORD_START}(${alt(words)})${WORD_END}`;

/**
 * A statement whose value is a comma-separated list. The list goes on while a comma follows an item, across line
 * breaks too, as the parser reads it ("a trailing comma swallows the next line's keyword"). It ends before a ';' or
 * '}', or after an item that no comma follows; never right after the words that begin it.
 */
function list(name, words, itemPatterns, lead) {
  const leadWords = lead ? lead.words : [];
  const begin = `${keyword(words)}` + (lead ? `(?:\\s+(${alt(leadWords)})${WORD_END})?` : '');
  const notRightAfter = [...words, ...leadWords].map((w) => `(?<!${escape(w)})`).join('');
  const beginCaptures = { 1: { name: 'keyword.control.tpm' } };
  if (lead) beginCaptures[2] = { name: lead.scope };
  return {
    name: `meta.statement.${name}.tpm`,
    begin,
    beginCaptures,
    end: `(?=[;}])|(?<=[^\\s,])${notRightAfter}(?!\\s*(?:/\\*.*?\\*/\\s*)*,)`,
    patterns: [{ include: '#comments' }, ...itemPatterns, { include: '#comma' }],
  };
}

const referenceItem = { include: '#reference' };

const grammar = {
  name: 'ProgramDsl',
  scopeName: 'source.tpm',
  fileTypes: ['tpm'],
  patterns: [{ include: '#main' }],
  repository: {
    main: {
      patterns: [
        { include: '#comments' },
        { include: '#strings' },
        { include: '#person-block' },
        { include: '#resource-block' },
        { include: '#program-entry' },
        { include: '#declarations' },
        { include: '#statements' },
        { include: '#values' },
        { include: '#punctuation' },
        { include: '#identifier' },
      ],
    },
    comments: {
      patterns: [
        {
          name: 'comment.block.tpm',
          begin: '/\\*',
          end: '\\*/',
          captures: { 0: { name: 'punctuation.definition.comment.tpm' } },
        },
        {
          name: 'comment.line.double-slash.tpm',
          begin: '//',
          end: '$',
          beginCaptures: { 0: { name: 'punctuation.definition.comment.tpm' } },
        },
      ],
    },
    strings: {
      // One line only: the lexer reports a line break inside a string as an unterminated string.
      name: 'string.quoted.double.tpm',
      begin: '"',
      end: '"|$',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.tpm' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.tpm' } },
      patterns: [
        { name: 'constant.character.escape.tpm', match: '\\\\["\\\\nt]' },
        { name: 'invalid.illegal.escape.tpm', match: '\\\\.?' },
      ],
    },
    // Inside a person or a resource, `role` and `calendar` are statements naming a role or a calendar, not
    // declarations. Known when the block opens on the declaration's line, as `tpm fmt` writes it.
    'person-block': block('person', [{ include: '#role-statement' }, { include: '#calendar-statement' }]),
    'resource-block': block('resource', [{ include: '#calendar-statement' }]),
    'role-statement': list('role', ['role'], [referenceItem]),
    'calendar-statement': list('calendar', ['calendar'], [referenceItem]),
    // A portfolio's entry names a program by its file, as an include names a fragment:
    // `program "fraud/program.tpm" { priority 600 }`. The path is a string where a declaration has its id, so it is
    // told apart by the quote.
    'program-entry': {
      name: 'meta.program-entry.tpm',
      match: `${keyword(['program'])}\\s+("(?:[^"\\\\]|\\\\.)*(?:"|$))`,
      captures: {
        1: { name: 'keyword.control.import.tpm' },
        2: { patterns: [{ include: '#strings' }] },
      },
    },
    declarations: {
      patterns: DECLARATIONS.map((kind) => ({
        match: `${keyword([kind])}(?:\\s+(${ID}))?`,
        captures: {
          1: { name: `storage.type.${kind}.tpm` },
          2: { name: `entity.name.type.${kind}.tpm` },
        },
      })).concat([{
        match: keyword(['include']),
        captures: { 1: { name: 'keyword.control.import.tpm' } },
      }]),
    },
    statements: {
      patterns: [
        list('after', ['after'], [{ include: '#dependency' }]),
        list('assign', ['assign'], [{ include: '#assignment' }]),
        list('uses', ['uses'], [{ include: '#resource-use' }]),
        list('requires', ['requires'], [referenceItem], { words: ['skills', 'skill'], scope: 'keyword.other.tpm' }),
        list('skills', ['skills'], [referenceItem]),
        list('references', REFERENCE_LISTS, [referenceItem]),
        list('review', ['review'], [{
          match: keyword(REVIEW_KINDS),
          captures: { 1: { name: 'constant.language.review.tpm' } },
        }, { include: '#identifier' }]),
        list('workdays', ['workdays'], [{
          // A weekday or a range of them (`mon..fri`), in any case as the parser reads them.
          match: `${WORD_START}(?i:(${alt(WEEKDAYS)}))(?:(\\.\\.)(?i:(${alt(WEEKDAYS)})))?${WORD_END}`,
          captures: {
            1: { name: 'constant.language.weekday.tpm' },
            2: { name: 'keyword.operator.range.tpm' },
            3: { name: 'constant.language.weekday.tpm' },
          },
        }, { include: '#identifier' }]),
        ...Object.entries(CHOICES).map(([word, choices]) => ({
          match: `${keyword([word])}(?:\\s+(${alt(choices)})${WORD_END})?`,
          captures: {
            1: { name: 'keyword.control.tpm' },
            2: { name: `constant.language.${word}.tpm` },
          },
        })),
        {
          match: `${keyword(['currency'])}(?:\\s+(${ID}))?`,
          captures: { 1: { name: 'keyword.control.tpm' }, 2: { name: 'constant.other.currency.tpm' } },
        },
        {
          match: `${keyword(MONEY)}(?:\\s+(${NUMBER})${VALUE_END}(?![%/.]))?`,
          captures: { 1: { name: 'keyword.control.tpm' }, 2: { name: 'constant.numeric.money.tpm' } },
        },
        {
          match: keyword(STATEMENTS),
          captures: { 1: { name: 'keyword.control.tpm' } },
        },
      ],
    },
    dependency: {
      // `a`, `a ss`, `a fs+2d`, `a fs-1d`, `a +3d`: a type is a separate word; a lag or lead follows with a sign.
      match: `(${REF})(?:\\s+(${alt(DEPENDENCY_TYPES)})(?=[\\s,+;}]|-\\d|$))?(?:\\s*([+-])(${DURATION}))?`,
      captures: {
        1: { patterns: [{ include: '#reference' }] },
        2: { name: 'keyword.other.dependency-type.tpm' },
        3: { name: 'keyword.operator.lag.tpm' },
        4: { name: 'constant.numeric.duration.tpm' },
      },
    },
    assignment: {
      // `ana`, `ana 50%`, `role data-engineer`, `role data-engineer 50%`.
      match: `(?:${WORD_START}(role)\\s+)?(${REF})(?:\\s+(${PERCENT}))?`,
      captures: {
        1: { name: 'keyword.other.tpm' },
        2: { patterns: [{ include: '#reference' }] },
        3: { name: 'constant.numeric.percentage.tpm' },
      },
    },
    'resource-use': {
      // `gpu-pool 4`, `storage`.
      match: `(${REF})(?:\\s+(${NUMBER})${VALUE_END})?`,
      captures: {
        1: { patterns: [{ include: '#reference' }] },
        2: { name: 'constant.numeric.tpm' },
      },
    },
    reference: {
      // A whole qualified name at once (`data.eda`), so a list does not end at its '.'.
      match: `${ID_BOUNDARY}${REF}`,
      name: 'variable.other.reference.tpm',
      captures: { 0: { patterns: [{ include: '#accessor' }] } },
    },
    values: {
      patterns: [
        { match: `${VALUE_START}${DATE}`, name: 'constant.numeric.date.tpm' },
        { include: '#range' },
        {
          // A rate: money per day or per hour (`950/d`, `2.5/h`).
          match: `${VALUE_START}(${NUMBER})(/)(${UNIT})${VALUE_END}`,
          name: 'constant.numeric.money.rate.tpm',
          captures: { 2: { name: 'keyword.operator.per.tpm' } },
        },
        { match: `${VALUE_START}${DURATION}`, name: 'constant.numeric.duration.tpm' },
        { match: `${VALUE_START}${PERCENT}`, name: 'constant.numeric.percentage.tpm' },
        { match: `${VALUE_START}-?${NUMBER}${VALUE_END}`, name: 'constant.numeric.tpm' },
        { match: '>=|<=|>|<|=', name: 'keyword.operator.comparison.tpm' },
      ],
    },
    range: { match: '\\.\\.', name: 'keyword.operator.range.tpm' },
    comma: { match: ',', name: 'punctuation.separator.comma.tpm' },
    punctuation: {
      patterns: [
        { match: '\\{', name: 'punctuation.section.block.begin.tpm' },
        { match: '\\}', name: 'punctuation.section.block.end.tpm' },
        { match: ';', name: 'punctuation.terminator.statement.tpm' },
        { include: '#comma' },
      ],
    },
    identifier: {
      match: `${ID_BOUNDARY}${REF}`,
      name: 'variable.other.tpm',
      captures: { 0: { patterns: [{ include: '#accessor' }] } },
    },
    accessor: {
      match: `(?<=${ID_PART})\\.(?=${ID_START})`,
      name: 'punctuation.accessor.tpm',
    },
  },
};

function block(kind, statements) {
  return {
    name: `meta.block.${kind}.tpm`,
    begin: `${keyword([kind])}\\s+(${ID})\\s*("(?:[^"\\\\]|\\\\.)*")?\\s*(\\{)`,
    beginCaptures: {
      1: { name: `storage.type.${kind}.tpm` },
      2: { name: `entity.name.type.${kind}.tpm` },
      3: { patterns: [{ include: '#strings' }] },
      4: { name: 'punctuation.section.block.begin.tpm' },
    },
    end: '\\}',
    endCaptures: { 0: { name: 'punctuation.section.block.end.tpm' } },
    patterns: [{ include: '#comments' }, { include: '#strings' }, ...statements, { include: '#main' }],
  };
}

/** The grammar as the committed file holds it. */
function render() {
  return JSON.stringify(grammar, null, 2) + '\n';
}

module.exports = { render, DECLARATIONS, STATEMENTS, CHOICES, REVIEW_KINDS, WEEKDAYS, DEPENDENCY_TYPES };

if (require.main === module) {
  const target = path.join(__dirname, '..', 'syntaxes', 'tpm.tmLanguage.json');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, render());
  console.log('wrote ' + path.relative(process.cwd(), target));
}
