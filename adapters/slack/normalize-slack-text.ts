import { escapeRegExp } from '../../knowledge/fold.js';

/**
 * Turns Slack's message markup into the plain text the core expects:
 * - the bot's own mention (`<@UBOT>`, `<@UBOT|contractbot>`) is removed;
 * - other user mentions become `@label` (or `@user`), channels `#name` (or `#channel`),
 *   user groups `@group`; `<!here>`, `<!channel>`, `<!everyone>` disappear; `<!date^…|fallback>` → fallback;
 * - links `<https://x|label>` become `label`, bare `<https://x>` become the URL, `<mailto:a@b|a@b>` the address;
 * - `&lt;`, `&gt;`, `&amp;` are unescaped; whitespace is collapsed; punctuation left over from a
 *   leading mention ("<@U1>, when …") is dropped.
 * @example normalizeSlackText('<@UBOT> when must I sign with <https://zez.nl|Z&amp;Z>?', 'UBOT') → 'when must I sign with Z&Z?'
 */
export function normalizeSlackText(text: string, botUserId?: string): string {
  const withoutBot = botUserId ? text.replace(new RegExp(`<@${escapeRegExp(botUserId)}(\\|[^>]*)?>[,:;]?`, 'g'), ' ') : text;
  const out = withoutBot.replace(/<([^<>]*)>/g, (_m, inner: string) => {
    const [target = '', label] = splitLabel(inner);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      if (botUserId && id === botUserId) return ' ';
      return label ? `@${label.replace(/^@/, '')}` : '@user';
    }
    if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : '#channel';
    if (target.startsWith('!')) {
      if (/^!(here|channel|everyone)$/.test(target)) return ' ';
      if (target.startsWith('!subteam^')) return label ? `@${label.replace(/^@/, '')}` : '@group';
      return label ?? ' ';
    }
    if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
    return label ?? target;
  });
  return out
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim()
    .replace(/^[,:;]\s*/, '')
    .trim();
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  if (bar < 0) return [inner, undefined];
  const label = inner.slice(bar + 1).trim();
  return [inner.slice(0, bar), label === '' ? undefined : label];
}
