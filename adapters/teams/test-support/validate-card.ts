import { createRequire } from 'node:module';

/** The parts of the `adaptivecards` package (Microsoft's reference renderer) the validation uses. */
interface AdaptiveCardsModule {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
}

/**
 * Problems Microsoft's `adaptivecards` library finds when it parses `card` as schema 1.5 (unknown
 * element or action types, invalid values, …) plus its property validation; [] when valid.
 * Test support: `adaptivecards` is a dev dependency (its ESM build has extensionless imports, so
 * the UMD bundle is loaded).
 */
export function validateAdaptiveCard(card: unknown): string[] {
  const ac = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;
  const parsed = new ac.AdaptiveCard();
  const context = new ac.SerializationContext(ac.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
