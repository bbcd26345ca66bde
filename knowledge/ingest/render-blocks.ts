import type { TextBlock } from './text-blocks.js';

/** A block placed in the rendered text: `text.slice(start, end) === block.text`. */
export interface PlacedBlock {
  readonly block: TextBlock;
  readonly start: number;
  readonly end: number;
}

/**
 * Renders blocks as plain text: one block per paragraph separated by a blank line, consecutive
 * list items on consecutive lines. Returns where each block landed.
 */
export function renderBlocks(blocks: readonly TextBlock[]): { text: string; placed: PlacedBlock[] } {
  let text = '';
  const placed: PlacedBlock[] = [];
  let previous: TextBlock | undefined;
  for (const block of blocks) {
    if (previous) text += previous.kind === 'list-item' && block.kind === 'list-item' ? '\n' : '\n\n';
    const start = text.length;
    text += block.text;
    placed.push({ block, start, end: text.length });
    previous = block;
  }
  return { text, placed };
}
