import { tidyLines } from './html-text.js';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Inline Markdown reduced to its text: images to their alt text, links to their text, emphasis, code and tags dropped. */
function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])([*_])(?=\S)([^*_\n]*?\S)\1(?![\p{L}\p{N}*])/gu, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? _m)
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

const FENCE = /^\s*(```|~~~)/;
const ATX_HEADING = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const RULE = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const BULLET = /^\s*[-*+]\s+(?:\[[ xX]\]\s+)?/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s+\S/;

/**
 * Plain text of a Markdown file in the raw layout the cleaning reads: headings (`#`, setext) and
 * table rows as their own blocks, list items as "• …" / "1. …" lines, paragraphs as written,
 * inline markup (emphasis, links, images, code, HTML tags, escapes) reduced to its text, front
 * matter, rules, fences and link definitions dropped.
 *
 * @example markdownText('## 6.3 Planning\n\n- **1 april**: publicatie') // → '6.3 Planning\n\n• 1 april: publicatie'
 */
export function markdownText(markdown: string): string {
  const lines = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  const out: string[] = [];
  const block = (text: string) => out.push('', text, '');
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) {
      inFence = !inFence;
      out.push('');
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    const next = lines[i + 1] ?? '';
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      block(inline(heading[1] ?? ''));
    } else if (line.trim() !== '' && SETEXT_UNDERLINE.test(next) && !BULLET.test(line) && !line.includes('|')) {
      block(inline(line.trim()));
      i++;
    } else if (RULE.test(line) || TABLE_DIVIDER.test(line) || REFERENCE_DEFINITION.test(line)) {
      out.push('');
    } else if (/^\s*\|.*\|\s*$/.test(line)) {
      const cells = line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => inline(c.trim())).filter((c) => c !== '');
      block(cells.join(' '));
    } else {
      const unquoted = line.replace(/^\s*(?:>\s?)+/, '');
      out.push(inline(BULLET.test(unquoted) ? unquoted.replace(BULLET, '• ') : unquoted));
    }
  }
  return tidyLines(out.join('\n'));
}
