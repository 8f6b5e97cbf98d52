/**
 * The extension's pipeline on a saved page: Readability (on linkedom), then the matcher.
 *   npm run --silent annotate -- FILE.html [--json]
 */
import { readFileSync, statSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { createEngine } from '../src/analysis/engine';
import { extractArticle } from '../src/article/extract';
import { loadCompiledDataset } from './lib/compiled-dataset';

function fail(message: string): never {
  process.stderr.write(`annotate: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const file = args.find((a) => !a.startsWith('--'));
if (!file) fail('usage: annotate FILE.html [--json]');

let html: string;
try {
  if (!statSync(file).isFile()) fail(`${file} is not a file`);
  html = readFileSync(file, 'utf8');
} catch (err) {
  fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
}
if (!/<(html|body|head|p|div|article)[\s>]/i.test(html.slice(0, 200_000))) fail(`${file} is not an HTML page`);

const { document } = parseHTML(html);
const outcome = extractArticle(document as unknown as Document, { force: true });
if (!outcome.ok) fail(`${file}: no article found (${outcome.reason}${outcome.detail ? `: ${outcome.detail}` : ''})`);

const { article } = outcome;
const engine = createEngine(loadCompiledDataset());
const analysis = engine.analyze(article.text, article.published);

const entities = analysis.cast.map((member, i) => {
  const entity = engine.entity(member.id);
  return {
    id: member.id,
    name: member.canonicalName,
    type: member.type,
    aliases: [
      ...(entity?.aliases ?? []),
      ...(entity?.formerNames ?? []).map((f) => f.name),
      ...(entity?.guarded ?? []).map((g) => g.text),
    ],
    // The office held on the article's date (the current one when the date is unknown), as the card shows it.
    role: member.roleThen ? { label: member.roleThen.label, span: member.roleThen.span } : null,
    mentions: analysis.mentions
      .filter((m) => m.member === i)
      .map((m) => ({ text: article.text.slice(m.start, m.end), start: m.start, end: m.end })),
  };
});

if (json) {
  process.stdout.write(
    `${JSON.stringify({ title: article.title, published: article.published, topics: analysis.topics, entities })}\n`,
  );
} else {
  console.log(`${article.title}`);
  console.log(`Published: ${article.published ?? 'unknown'}   Topics: ${analysis.topics.join(', ') || 'none'}`);
  console.log('');
  const rows = analysis.cast.map((m) => [m.name, m.type, String(m.mentions), m.roleThen?.label ?? '']);
  const header = ['Name', 'Type', 'Mentions', 'Role on the article date'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  for (const r of [header, ...rows]) console.log(r.map((cell, c) => cell.padEnd(widths[c] as number)).join('  '));
  if (rows.length === 0) console.log('(nobody from the dataset is named in this article)');
}
