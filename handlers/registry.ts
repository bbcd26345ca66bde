import { appHomeHandler } from './app-home.js';
import { calendarLinkHandler } from './calendar-link.js';
import { documentsHandler } from './documents/documents-handler.js';
import { calculationHandler, deadlineHandler } from './deadlines.js';
import { escalationHandler } from './escalation.js';
import { feedbackHandler } from './feedback.js';
import type { Handler } from './handler.js';
import { questionHandler } from './question.js';
import { reminderHandler } from './reminders.js';

/**
 * The handlers of the core, in priority order (ties in match score go to the earlier one).
 * The help handler is always first and added by the router.
 */
export const handlers: readonly Handler[] = [reminderHandler, escalationHandler, calculationHandler, deadlineHandler, questionHandler, feedbackHandler, appHomeHandler, calendarLinkHandler, documentsHandler];
