import type { CastMember } from '../../src/cast/types';
import { TOPIC_LABELS } from '../../src/dataset/topics';
import type { TabState } from '../../src/messaging/protocol';
import { formatDate } from '../../src/page/dom';
import { byProminence, CAST_GROUPS } from './cast-order';

/** Backslash-escapes what Markdown would read as formatting, so names and quotes stay text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#|!~]/g, '\\$&').replace(/\s+/g, ' ');
}

/** Parentheses and spaces would end a Markdown link early. */
function linkTarget(url: string): string {
  return url.replace(/[()\s]/g, (c) => encodeURIComponent(c));
}

/**
 * The cast of an article as Markdown: each member's name, role on the article's date and
 * mention count, with the statements the popup shows, each quoted with its source.
 */
export function castToMarkdown(state: TabState): string {
  const analysis = state.analysis;
  if (!analysis) return '';
  const lines: string[] = [`# Cast: ${escapeMarkdown(state.title || state.url)}`, ''];
  const facts = [`<${state.url}>`];
  if (state.published) facts.push(`published ${formatDate(state.published)}`);
  if (analysis.topics.length > 0) facts.push(`topics: ${analysis.topics.map((t) => TOPIC_LABELS[t]).join(', ')}`);
  lines.push(facts.join(' · '), '');
  if (analysis.cast.length === 0) {
    lines.push('Nobody from the Dramatis dataset is named in this article.');
    return `${lines.join('\n')}\n`;
  }
  for (const [type, label] of CAST_GROUPS) {
    const members = byProminence(analysis.cast.filter((m) => m.type === type));
    if (members.length === 0) continue;
    lines.push(`## ${label}`, '');
    for (const m of members) lines.push(...memberLines(m));
    lines.push('');
  }
  lines.push('Made with Dramatis. Roles are as of the article’s date; quotes link to where they were said.');
  return `${lines.join('\n')}\n`;
}

function memberLines(m: CastMember): string[] {
  const count = `${m.mentions} mention${m.mentions === 1 ? '' : 's'}`;
  const role = m.roleThen ? ` — ${escapeMarkdown(m.roleThen.label)} (${m.roleThen.span})` : '';
  const out = [`- **${escapeMarkdown(m.name)}**${role}; ${count}`];
  for (const s of m.statements) {
    const source = `${escapeMarkdown(s.publisher)}, [${escapeMarkdown(s.title)}](${linkTarget(s.url)}), ${formatDate(s.date)}`;
    out.push(`  - “${escapeMarkdown(s.quote)}” — ${source}`);
  }
  return out;
}
