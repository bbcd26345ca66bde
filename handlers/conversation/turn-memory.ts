import type { HandlerContext } from '../context.js';
import type { Understanding } from '../understand/understanding.js';
import type { Address } from '../types.js';
import { recallSlots, rememberSlots } from './conversation-memory.js';
import type { RememberedSlots } from './remembered-slots.js';
import { slotsOf } from './with-memory.js';

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * What the conversation remembers, for the router: undefined when nothing (or the store cannot be
 * reached: a follow-up then stands on its own, the failure is logged without any text).
 */
export async function recallTurn(context: HandlerContext, address: Address): Promise<RememberedSlots | undefined> {
  try {
    return await recallSlots(await context.store(), address, context.now);
  } catch (error) {
    context.log.warn('conversation memory unavailable', { error: describe(error) });
    return undefined;
  }
}

/** Remembers an answered turn's slots (not small talk, control or commands); never fails the answer. */
export async function rememberTurn(context: HandlerContext, address: Address, understanding: Understanding): Promise<void> {
  const slots = slotsOf(understanding);
  if (!slots) return;
  try {
    await rememberSlots(await context.store(), address, () => slots, context.now);
  } catch (error) {
    context.log.warn('conversation memory not written', { error: describe(error) });
  }
}
