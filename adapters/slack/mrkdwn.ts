/**
 * Slack `mrkdwn` helpers: escaping, conversion from the reply model's light Markdown, and
 * length-safe cutting. Pure functions, no Slack types.
 */

/** Escapes the three characters Slack treats as markup (`&`, `<`, `>`). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack link `<url|label>` with the label escaped; plain escaped label when the URL is not http(s). */
export function mrkdwnLink(url: string | null | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  if (!url || !/^https?:\/\/\S+$/.test(url)) return safeLabel;
  return `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${safeLabel}>`;
}

const PLACEHOLDER = '\u0000';

/**
 * Converts the reply model's Markdown subset to Slack mrkdwn: `**bold**` → `*bold*`, `*italic*`
 * and `_italic_` → `_italic_`, `[label](https://…)` → `<https://…|label>`, `# Heading` → bold line,
 * `- item` / `* item` → `• item`. Everything else is escaped, so user-derived text cannot inject
 * mentions (`<!channel>`) or links.
 * @example markdownToMrkdwn('**Let op:** zie [NZa](https://nza.nl)') → '*Let op:* zie <https://nza.nl|NZa>'
 */
export function markdownToMrkdwn(markdown: string): string {
  const links: string[] = [];
  let text = markdown.replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_m, label: string, url: string) => {
    links.push(mrkdwnLink(url, label));
    return `${PLACEHOLDER}${links.length - 1}${PLACEHOLDER}`;
  });
  text = escapeMrkdwn(text);
  text = text
    .split('\n')
    .map((line) => {
      const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
      if (heading) return `\u0001${heading[1]!.replace(/\*\*/g, '')}\u0001`;
      return line.replace(/^(\s*)[-*+]\s+/, '$1• ');
    })
    .join('\n');
  text = text
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '\u0001$1\u0001')
    .replace(/(^|[\s(])\*(\S(?:[^*\n]*?\S)?)\*(?=$|[\s).,;:!?])/gm, '$1_$2_')
    .replace(/\u0001/g, '*');
  return text.replace(new RegExp(`${PLACEHOLDER}(\\d+)${PLACEHOLDER}`, 'g'), (_m, i: string) => links[Number(i)] ?? '');
}

/**
 * Cuts `text` to at most `max` characters, ending with `pointer` when something was cut.
 * Prefers to cut at a line or word boundary in the last fifth of the allowed length.
 */
export function truncate(text: string, max: number, pointer = '…'): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - pointer.length);
  let cut = text.slice(0, room);
  const boundary = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  if (boundary > room * 0.8) cut = cut.slice(0, boundary);
  // Never leave half a surrogate pair or half an escape entity behind.
  cut = cut.replace(/[\ud800-\udbff]$/, '').replace(/&[a-z]{0,4}$/, '');
  return cut.trimEnd() + pointer;
}

/**
 * Splits text into pieces of at most `max` characters, at paragraph, then line, then word
 * boundaries; only a single unbroken run longer than `max` is cut hard.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let at = window.lastIndexOf('\n\n');
    if (at < max * 0.3) at = window.lastIndexOf('\n');
    if (at < max * 0.3) at = window.lastIndexOf(' ');
    if (at <= 0) at = max;
    // Keep escape entities (`&amp;`) and surrogate pairs whole.
    const entity = /&[a-z]{0,4}$/.exec(rest.slice(0, at));
    if (entity && at - entity[0].length > 0) at -= entity[0].length;
    if (/[\ud800-\udbff]/.test(rest.charAt(at - 1))) at -= 1;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
