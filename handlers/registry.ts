import { appHomeHandler } from './app-home.js';
import { calendarLinkHandler } from './calendar-link.js';
import { documentsHandler } from './documents/documents-handler.js';
import { controlHandler } from './control.js';
import { calculationHandler, deadlineHandler } from './deadlines.js';
import { escalationHandler } from './escalation.js';
import { feedbackHandler } from './feedback.js';
import type { Handler } from './handler.js';
import { questionHandler } from './question.js';
import { reminderHandler } from './reminders.js';
import { smalltalkHandler } from './smalltalk.js';

/** The handler of each kind of message the router dispatches to (see `createRouter`). */
export interface Handlers {
  readonly deadline: Handler;
  readonly calculation: Handler;
  readonly question: Handler;
  readonly escalation: Handler;
  readonly reminder: Handler;
  readonly calendar: Handler;
  readonly smalltalk: Handler;
  readonly control: Handler;
  readonly home: Handler;
  readonly feedback: Handler;
  readonly documents: Handler;
}

/** The handlers of the core. */
export const handlers: Handlers = {
  deadline: deadlineHandler,
  calculation: calculationHandler,
  question: questionHandler,
  escalation: escalationHandler,
  reminder: reminderHandler,
  calendar: calendarLinkHandler,
  smalltalk: smalltalkHandler,
  control: controlHandler,
  home: appHomeHandler,
  feedback: feedbackHandler,
  documents: documentsHandler,
};
