import { describe, expect, it } from 'vitest';
import { normalizeSlackText } from './normalize-slack-text.js';

describe('normalizeSlackText', () => {
  it('removes the bot mention, also with a label and leading punctuation', () => {
    expect(normalizeSlackText('<@UBOT> when must I sign?', 'UBOT')).toBe('when must I sign?');
    expect(normalizeSlackText('<@UBOT|contractbot>, wanneer tekenen?', 'UBOT')).toBe('wanneer tekenen?');
    expect(normalizeSlackText('hey <@UBOT>: help', 'UBOT')).toBe('hey help');
  });

  it('turns other mentions, channels, groups and specials into plain words', () => {
    expect(normalizeSlackText('<@U123> en <@U456|piet> in <#C1|planning> en <#C2>', 'UBOT')).toBe('@user en @piet in #planning en #channel');
    expect(normalizeSlackText('<!here> <!channel> vraag <!subteam^S1|@inkoop>')).toBe('vraag @inkoop');
    expect(normalizeSlackText('op <!date^1700000000^{date}|9 november 2023>')).toBe('op 9 november 2023');
  });

  it('reduces links to their label or URL and unescapes entities', () => {
    expect(normalizeSlackText('zie <https://zez.nl/beleid|Z&amp;Z beleid> en <https://vgz.nl>')).toBe('zie Z&Z beleid en https://vgz.nl');
    expect(normalizeSlackText('mail <mailto:a@b.nl|a@b.nl> of <mailto:c@d.nl>')).toBe('mail a@b.nl of c@d.nl');
    expect(normalizeSlackText('5 &lt; 7 &amp;&amp; 9 &gt; 8')).toBe('5 < 7 && 9 > 8');
  });

  it('collapses whitespace and leaves plain text alone', () => {
    expect(normalizeSlackText('  wanneer   moet\tik \n  tekenen?  ')).toBe('wanneer moet ik\ntekenen?');
    expect(normalizeSlackText('When must I sign with Zorg en Zekerheid?')).toBe('When must I sign with Zorg en Zekerheid?');
    expect(normalizeSlackText('<@UBOT>', 'UBOT')).toBe('');
  });
});
