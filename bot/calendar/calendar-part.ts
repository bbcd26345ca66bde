import type { Request, Response } from 'express';
import { oneLine } from '../../handlers/one-line.js';
import type { ServeDeps } from '../serve-deps.js';
import type { ServerPart } from '../../adapters/server-part.js';
import { buildCalendar } from './build-calendar.js';
import { parseCalendarFilter } from './calendar-query.js';

export const CALENDAR_PATH = '/calendar.ics';

/**
 * `GET /calendar.ics[?insurer=VGZ,CZ][&sector=ggz][&lang=en][&past=1][&alarm=7]`: the deadlines as an
 * iCalendar feed to subscribe to from Outlook or Google Calendar (past contract years only with
 * `past=1`; `alarm=7` adds an alarm 7 days before each event). A bad filter gets 400 with a one-line message.
 */
export async function createCalendarPart(deps: ServeDeps): Promise<ServerPart> {
  return {
    name: 'calendar',
    mount(app) {
      app.get(CALENDAR_PATH, (req: Request, res: Response) => {
        const q = req.query as Record<string, string | string[] | undefined>;
        const knowledge = deps.knowledge();
        const parsed = parseCalendarFilter({ insurer: q.insurer, sector: q.sector, lang: q.lang, past: q.past, alarm: q.alarm }, knowledge);
        if (!parsed.ok) {
          res.status(400).type('text/plain; charset=utf-8').send(`Bad calendar filter: ${oneLine(parsed.message)}\n`);
          return;
        }
        try {
          const ics = buildCalendar({ knowledge, ...parsed.filter, now: deps.clock() });
          res
            .status(200)
            .type('text/calendar; charset=utf-8')
            .set('Content-Disposition', 'inline; filename="contractbot-deadlines.ics"')
            .set('Cache-Control', 'public, max-age=3600')
            .send(ics);
        } catch (error) {
          deps.log.error('calendar feed failed', { error: error instanceof Error ? error.message : String(error) });
          res.status(500).type('text/plain; charset=utf-8').send('The calendar could not be built.\n');
        }
      });
    },
  };
}
