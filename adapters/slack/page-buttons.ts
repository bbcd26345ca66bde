import type { Language } from '../../handlers/types.js';
import { PAGE_ALL_ACTION, PAGE_NEXT_ACTION, pageValue, pageWords } from '../paged-replies.js';
import type { SlackMessage } from './render-block-kit.js';

/**
 * Page `index` (0-based) of `total` with its buttons: "next" for the page after it and, when more
 * than one page follows, "show all" for the rest. The last page gets none. The page must have room
 * for one more block (see `renderBlockKitPages`).
 */
export function withPageButtons(page: SlackMessage, id: string, index: number, total: number, language: Language): SlackMessage {
  const next = index + 1;
  if (next >= total) return page;
  const words = pageWords(language);
  const elements = [{ type: 'button' as const, action_id: PAGE_NEXT_ACTION, text: { type: 'plain_text' as const, text: words.next(next + 1, total) }, value: pageValue(id, next), style: 'primary' as const }];
  if (total - next > 1) elements.push({ type: 'button' as const, action_id: PAGE_ALL_ACTION, text: { type: 'plain_text' as const, text: words.all(total) }, value: pageValue(id, next) } as (typeof elements)[number]);
  return { text: page.text, blocks: [...page.blocks, { type: 'actions', block_id: `page-${index}`, elements }] };
}
