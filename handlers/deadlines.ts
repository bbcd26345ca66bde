import { answerCalculation } from './answer-calculation.js';
import { answerDeadline } from './answer-deadline.js';
import { answerInsurers } from './deadlines/answer-insurers.js';
import { answerWindow } from './deadlines/answer-window.js';
import type { Handler } from './handler.js';

/**
 * When-questions about the contracting process ("Wanneer moet ik tekenen bij Z&Z?"): answered
 * from the milestone catalog with date, status relative to `context.now`, actor and source. A
 * time window ("komende 3 maanden", "what's next?") lists exactly the deadlines inside it; a
 * comparison, or a step asked of several insurers, answers for each insurer.
 */
export const deadlineHandler: Handler = {
  intent: 'deadline',
  handle: async (message, understanding, context) => {
    if (understanding.intent === 'deadlines-window') return answerWindow(message, understanding, context);
    if (understanding.intent === 'compare' || (understanding.insurers.length > 1 && understanding.steps.length > 0)) return answerInsurers(message, understanding, context);
    return answerDeadline(understanding, context);
  },
};

/**
 * Relative deadlines worked out from a date ("vraag gesteld op 22 december 2026 …"): the rule
 * from the documents, Dutch working days (weekends and public holidays skipped) and its quote.
 */
export const calculationHandler: Handler = {
  intent: 'calculation',
  handle: async (_message, understanding, context) => answerCalculation(understanding, context),
};
