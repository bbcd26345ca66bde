import { answerCalculation } from './answer-calculation.js';
import { answerDeadline } from './answer-deadline.js';
import { calculationScore, deadlineScore } from './deadline-match.js';
import type { Handler } from './handler.js';

/**
 * When-questions about the contracting process ("Wanneer moet ik tekenen bij Z&Z?"): answered
 * from the milestone catalog with date, status relative to `context.now`, actor and source.
 */
export const deadlineHandler: Handler = {
  intent: 'deadline',
  match: (text, language, knowledge) => deadlineScore(text, language, knowledge),
  handle: async (message, context, language) => answerDeadline(message.text, context, language),
};

/**
 * Relative deadlines worked out from a date ("vraag gesteld op 22 december 2026 …"): the rule
 * from the documents, Dutch working days (weekends and public holidays skipped) and its quote.
 */
export const calculationHandler: Handler = {
  intent: 'calculation',
  match: (text) => calculationScore(text),
  handle: async (message, context, language) => answerCalculation(message.text, context, language),
};
