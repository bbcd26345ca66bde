import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../knowledge/test-support/test-knowledge.js';
import { buildCalendar, calendarEntries } from './build-calendar.js';
import { parseIcs, unescapeText, type IcsComponent } from './test-support/parse-ics.js';

const NOW = new Date('2026-11-23T11:00:00Z');
const prop = (c: IcsComponent, name: string) => c.properties.find((p) => p.name === name);

describe('buildCalendar', () => {
  const ics = buildCalendar({ knowledge: testKnowledge(), insurers: 'all', sectors: 'all', language: 'nl', now: NOW, past: true });
  const calendar = parseIcs(ics);
  const events = calendar.children.filter((c) => c.name === 'VEVENT');

  it('is a valid VCALENDAR with one all-day VEVENT per milestone occurrence', () => {
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')?.value).toBe('2.0');
    expect(prop(calendar, 'PRODID')?.value).toMatch(/ContractBot/);
    expect(events.length).toBe(calendarEntries({ knowledge: testKnowledge(), insurers: 'all', sectors: 'all', now: NOW, past: true }).length);
    for (const e of events) {
      expect(prop(e, 'DTSTART')?.params).toBe(';VALUE=DATE');
      expect(prop(e, 'DTSTART')?.value).toMatch(/^\d{8}$/);
      expect(prop(e, 'DTEND')?.params).toBe(';VALUE=DATE');
      expect(prop(e, 'DTSTAMP')?.value).toBe('20261123T110000Z');
    }
    const uids = events.map((e) => prop(e, 'UID')?.value);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('has the yearly 1 April rule from last year to two years ahead, with quote and citation', () => {
    const april = events.filter((e) => prop(e, 'UID')?.value.startsWith('gcp-yearly-policy-by-april-1-'));
    expect(april.map((e) => prop(e, 'DTSTART')?.value)).toEqual(['20250401', '20260401', '20270401', '20280401']);
    expect(april.map((e) => prop(e, 'DTEND')?.value)[0]).toBe('20250402');
    const description = unescapeText(prop(april[0] as IcsComponent, 'DESCRIPTION')?.value ?? '');
    expect(description).toContain('“Zorgverzekeraars dienen wel volgens voorschrift van de NZa uiterlijk 1 april');
    expect(description).toMatch(/Bron: Gelijkwaardig contracteren .*2016/);
    expect(description).toMatch(/Wie moet handelen: de zorgverzekeraar/);
  });

  it('has dated milestones on their day and month milestones over their month', () => {
    const sign = events.find((e) => prop(e, 'UID')?.value === 'zz-ggz-2024-sign-2023-11-09@contractbot');
    expect(sign && [prop(sign, 'DTSTART')?.value, prop(sign, 'DTEND')?.value]).toEqual(['20231109', '20231110']);
    expect(sign && prop(sign, 'URL')?.value).toMatch(/^https:\/\/www\.zorgenzekerheid\.nl/);
    const offer = events.find((e) => prop(e, 'UID')?.value.startsWith('zz-ggz-2024-offer-'));
    expect(offer && [prop(offer, 'DTSTART')?.value, prop(offer, 'DTEND')?.value]).toEqual(['20231001', '20231101']);
  });

  it('spans a span of months (a quarter, a whole year) from its first month through its last', () => {
    const spans = testKnowledge().milestones.filter((m) => m.when.kind === 'month' && m.when.through);
    expect(spans.length).toBeGreaterThan(0);
    for (const m of spans) {
      if (m.when.kind !== 'month' || !m.when.through) continue;
      const event = events.find((e) => prop(e, 'UID')?.value.startsWith(`${m.id}-`));
      const [y, mo] = m.when.through.split('-').map(Number) as [number, number];
      const end = mo === 12 ? `${y + 1}0101` : `${y}${String(mo + 1).padStart(2, '0')}01`;
      expect(event && [prop(event, 'DTSTART')?.value, prop(event, 'DTEND')?.value], m.id).toEqual([`${m.when.month.replace('-', '')}01`, end]);
    }
  });

  it('filters by insurer (with sector-wide milestones) and sector, in English', () => {
    const vgz = parseIcs(buildCalendar({ knowledge: testKnowledge(), insurers: ['VGZ'], sectors: ['ggz'], language: 'en', now: NOW, past: true }));
    const uids = vgz.children.map((e) => prop(e, 'UID')?.value ?? '');
    expect(uids.length).toBeGreaterThan(5);
    expect(uids.every((u) => u.startsWith('vgz-'))).toBe(true);
    expect(prop(vgz, 'PRODID')?.value).toMatch(/EN$/);
    const gp = parseIcs(buildCalendar({ knowledge: testKnowledge(), insurers: ['VGZ'], sectors: ['huisartsenzorg'], language: 'en', now: NOW }));
    const gpUids = gp.children.map((e) => prop(e, 'UID')?.value ?? '');
    expect(gpUids.length).toBeGreaterThan(0);
    expect(gpUids.every((u) => u.startsWith('gcp-'))).toBe(true);
  });
});

describe('calendar defaults: past contract years and alarms', () => {
  it('leaves past contract years out by default and includes them with past', () => {
    const current = parseIcs(buildCalendar({ knowledge: testKnowledge(), insurers: 'all', sectors: 'all', language: 'en', now: NOW })).children.filter((c) => c.name === 'VEVENT');
    const uid = (e: IcsComponent) => prop(e, 'UID')?.value ?? '';
    expect(current.length).toBeGreaterThan(0);
    // No step of the 2017, 2020 or 2024 contract years, no yearly occurrence before this year.
    expect(current.filter((e) => /^(zz-ggz-2024|vgz-ggz-2020|gcp-2016|gcp-2017)-/.test(uid(e)))).toEqual([]);
    for (const e of current) expect(Number(prop(e, 'DTSTART')?.value.slice(0, 4)), uid(e)).toBeGreaterThanOrEqual(2026);
    const all = calendarEntries({ knowledge: testKnowledge(), insurers: 'all', sectors: 'all', now: NOW, past: true });
    expect(all.length).toBeGreaterThan(current.length + 30);
    expect(all.some((e) => e.milestone.id === 'zz-ggz-2024-sign')).toBe(true);
  });

  it('adds a display alarm the given days before each event, and none without it', () => {
    const plain = buildCalendar({ knowledge: testKnowledge(), insurers: ['VGZ'], sectors: 'all', language: 'en', now: NOW });
    expect(plain).not.toContain('BEGIN:VALARM');
    const events = parseIcs(buildCalendar({ knowledge: testKnowledge(), insurers: ['VGZ'], sectors: 'all', language: 'en', now: NOW, alarmDays: 7 })).children.filter((c) => c.name === 'VEVENT');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      const alarms = e.children.filter((c) => c.name === 'VALARM');
      expect(alarms).toHaveLength(1);
      const alarm = alarms[0] as IcsComponent;
      expect(prop(alarm, 'ACTION')?.value).toBe('DISPLAY');
      expect(prop(alarm, 'TRIGGER')?.value).toBe('-P7D');
    }
  });
});
