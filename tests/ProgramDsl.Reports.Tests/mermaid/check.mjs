// Reads Mermaid gantt files with mermaid's own parser and prints what mermaid understood, as a JSON array with, per
// file, { type, title, excludes, todayMarker, tasks: [{ id, name, section, start, end, crit, done, active, milestone,
// vert }] } or { error } when mermaid rejects it. Dates are YYYY-MM-DD (end exclusive, as mermaid keeps it); text is
// decoded the way mermaid's renderer decodes it.
// Usage: node check.mjs FILE.mmd...   (after `npm ci` in this folder)
import fs from 'node:fs';
import { JSDOM } from 'jsdom';

// mermaid needs a DOM even to parse (DOMPurify binds to window when it loads), so jsdom stands in for a browser.
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check.mjs FILE.mmd...');
  process.exit(2);
}

// One run reads many files (loading mermaid is most of the time): a file mermaid rejects gets { error }.
const results = [];
for (const file of files) {
  const source = fs.readFileSync(file, 'utf8');
  try {
    // The public API first: it throws on anything mermaid cannot parse.
    await mermaid.parse(source);
    // Then the parsed diagram, whose database holds the tasks with the dates mermaid computed.
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    const db = diagram.db;
    results.push({
      type: diagram.type,
      title: decode(db.getDiagramTitle()),
      excludes: db.getExcludes(),
      todayMarker: db.getTodayMarker(),
      tasks: db.getTasks().map((t) => ({
        id: t.id,
        name: decode(t.task).trim(),
        section: decode(t.section).trim(),
        start: day(t.startTime),
        end: day(t.endTime),
        crit: !!t.crit,
        done: !!t.done,
        active: !!t.active,
        milestone: !!t.milestone,
        vert: !!t.vert,
      })),
    });
  } catch (error) {
    results.push({ error: 'mermaid rejected ' + file + ': ' + (error && error.message ? error.message : String(error)) });
  }
}

process.stdout.write(JSON.stringify(results, null, 2) + '\n');

// mermaid hides "#58;" entities as placeholders while parsing and its renderer turns them back into "&#58;" in the
// SVG markup, which the browser decodes; this does the same to the text as the SVG would hold it.
function decode(text) {
  const markup = String(text ?? '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  const element = dom.window.document.createElement('div');
  element.innerHTML = markup;
  return element.textContent;
}

function day(value) {
  const d = value instanceof Date ? value : new Date(value);
  const pad = (n) => String(n).padStart(2, '0');
  // mermaid builds dates in local time (dayjs), so read them back in local time.
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
