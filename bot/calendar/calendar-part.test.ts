import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { loadConfig } from '../config.js';
import { createHandlerContext } from '../create-context.js';
import { silentLogger } from '../logger.js';
import type { ServeDeps } from '../serve-deps.js';
import { startServer } from '../server.js';
import { createCalendarPart } from './calendar-part.js';
import { parseIcs } from './test-support/parse-ics.js';

describe('GET /calendar.ics', () => {
  it('serves the filtered feed and answers a bad filter with 400', async () => {
    const config = loadConfig({ DATABASE_URL: 'file::memory:', HOST: '127.0.0.1', PORT: '0' });
    const now = new Date('2026-11-23T11:00:00Z');
    const store = async () => {
      throw new Error('the calendar needs no store');
    };
    const deps: ServeDeps = {
      config,
      log: silentLogger,
      clock: () => now,
      store,
      handle: async () => {
        throw new Error('unused');
      },
      knowledge: () => testKnowledge(),
    refreshKnowledge: async () => testKnowledge(),
    context: (at) => createHandlerContext(config, at, silentLogger, store, testKnowledge()),
    };
    const server = await startServer({ host: '127.0.0.1', port: 0, parts: [await createCalendarPart(deps)], log: silentLogger });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      // Past contract years only on request: the 2024 policy of Z&Z is past on 23 November 2026.
      const current = await fetch(`${base}/calendar.ics?insurer=Z%26Z&sector=ggz&lang=en`);
      expect(current.status).toBe(200);
      expect(parseIcs(await current.text()).children.filter((c) => c.name === 'VEVENT')).toEqual([]);
      const alarmed = await (await fetch(`${base}/calendar.ics?sector=huisartsenzorg&alarm=7`)).text();
      expect(alarmed).toContain('BEGIN:VALARM');
      expect(alarmed).toContain('TRIGGER:-P7D');
      const ok = await fetch(`${base}/calendar.ics?insurer=Z%26Z&sector=ggz&lang=en&past=1`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const calendar = parseIcs(await ok.text());
      const uids = calendar.children.map((e) => e.properties.find((p) => p.name === 'UID')?.value ?? '');
      expect(uids).toContain('zz-ggz-2024-sign-2023-11-09@contractbot');
      expect(uids.every((u) => u.startsWith('zz-'))).toBe(true);

      const all = await fetch(`${base}/calendar.ics?past=1`);
      expect(parseIcs(await all.text()).children.length).toBeGreaterThan(calendar.children.length);

      for (const query of ['insurer=Acme', 'sector=tandarts', 'lang=de', 'alarm=-1', 'alarm=7.5', 'alarm=999', 'alarm=x', 'past=maybe']) {
        const bad = await fetch(`${base}/calendar.ics?${query}`);
        expect(bad.status, query).toBe(400);
        expect(await bad.text()).toMatch(/^Bad calendar filter: /);
      }

      // Request input in an error message is one line with control characters escaped.
      const injected = await fetch(`${base}/calendar.ics?insurer=VGZ%0d%0aX-Injected:%201`);
      expect(injected.status).toBe(400);
      expect(injected.headers.get('x-injected')).toBeNull();
      const body = await injected.text();
      expect(body).not.toMatch(/\r/);
      expect(body.trimEnd().split('\n')).toHaveLength(1);
      expect(body).toContain('\\r\\n');
    } finally {
      await server.close();
    }
  });
});
