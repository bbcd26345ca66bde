import { answerCalculation } from './answer-calculation.js';
import { answerDeadline } from './answer-deadline.js';
import type { Handler } from './handler.js';

/**
 * When-questions about the contracting process ("Wanneer moet ik tekenen bij Z&Z?"): answered
 * from the milestone catalog with date, status relative to `context.now`, actor and source.
 */
export const deadlineHandler: Handler = {
  intent: 'deadline',
  handle: async (_message, understanding, context) => answerDeadline(understanding, context),
};

/**
 * Relative deadlines worked out from a date ("vraag gesteld op 22 december 2026 …"): the rule
 * from the documents, Dutch working days (weekends and public holidays skipped) and its quote.
 */
export const calculationHandler: Handler = {
  intent: 'calculation',
  handle: async (_message, understanding, context) => answerCalculation(understanding, context),
};
