import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { testKnowledge } from '../knowledge/test-support/test-knowledge.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../bot/logger.js';
import { openStore } from '../bot/storage/open-store.js';
import type { HandlerContext } from './context.js';
import { guardPrivacy } from './privacy.js';
import { handlers } from './registry.js';
import { replyToJson } from './reply-json.js';
import { createRouter } from './router.js';

describe('guardPrivacy', () => {
  it('returns clean text unchanged without warnings', () => {
    expect(guardPrivacy('Wanneer moet ik tekenen bij VGZ? Vraag gesteld op 22 december 2026.', 'nl')).toEqual({
      text: 'Wanneer moet ik tekenen bij VGZ? Vraag gesteld op 22 december 2026.',
      warnings: [],
    });
  });

  it('replaces every kind with its placeholder and warns once, in Dutch', () => {
    const result = guardPrivacy('BSN 111222333, geboren 3 mei 1980, mail jan@praktijk.nl, bel 06-12345678, IBAN NL91 ABNA 0417 1643 00', 'nl');
    expect(result.text).toBe('BSN [BSN], geboren [geboortedatum], mail [e-mail], bel [telefoonnummer], IBAN [IBAN]');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('een BSN, een geboortedatum, een e-mailadres, een telefoonnummer en een IBAN');
    expect(result.warnings[0]).toContain('cliënten of medewerkers');
  });

  it('warns in English for English users', () => {
    const result = guardPrivacy('my email is jan@praktijk.nl', 'en');
    expect(result.text).toBe('my email is [e-mail]');
    expect(result.warnings[0]).toMatch(/^Privacy: your message contained an e-mail address\. I replaced it with \[e-mail\]/);
  });

  it('leaves invalid BSNs and IBANs alone', () => {
    expect(guardPrivacy('nummer 123456789 en NL91ABNA0417164301', 'nl')).toEqual({ text: 'nummer 123456789 en NL91ABNA0417164301', warnings: [] });
  });
});

describe('privacy guard in the pipeline (router, escalation handler, store, logs)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** Personal data that must never come out again, each with the forms it could be echoed in. */
  const SECRETS = {
    bsnPlain: ['111222333'],
    bsnDotted: ['123.456.782', '123456782'],
    email: ['jan.jansen@praktijk-noord.nl'],
    mobile: ['06-12345678', '0612345678', '12345678'],
    landline: ['+31 20 123 4567', '201234567'],
    international: ['0031 6 87654321', '687654321'],
    iban: ['NL91 ABNA 0417 1643 00', 'NL91ABNA0417164300', '0417 1643'],
    birthdate: ['3 mei 1980'],
  };
  const everySecret = Object.values(SECRETS).flat();

  it('never echoes, stores or logs personal data, and warns in the user’s language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contractbot-privacy-'));
    dirs.push(dir);
    const url = `file:${join(dir, 'store.db')}`;
    const lines: string[] = [];
    const log = createLogger('debug', (line) => lines.push(line));
    const store = await openStore(url);
    const route = createRouter(handlers);
    const address = { platform: 'local' as const, conversationId: 'privacy' };
    const ctx: HandlerContext = { knowledge: testKnowledge(), now: new Date('2026-11-23T11:00:00Z'), holidays: { goodFriday: false, liberationDay: false }, store: async () => store, log };
    const say = (text: string) => route({ address, text, receivedAt: ctx.now }, ctx);

    const replies = [
      await say(
        'Maak een escalatie-checklist voor VGZ over tarieven. Cliënt BSN 111222333 (geboren 3 mei 1980), tweede cliënt 123.456.782, ' +
          'mail jan.jansen@praktijk-noord.nl, bel 06-12345678 of +31 20 123 4567 of 0031 6 87654321, IBAN NL91 ABNA 0417 1643 00',
      ),
      await say('vink 1 aan'),
      await say('exporteer de checklist'),
      await say('Draft an escalation checklist for CZ, my colleague is on 06-12345678 and jan.jansen@praktijk-noord.nl'),
    ];
    await store.close();

    expect(replies.map((r) => r.intent)).toEqual(['escalation', 'escalation', 'escalation', 'escalation']);
    expect(replies[0]?.warnings?.[0]).toMatch(/^Privacy: je bericht bevatte een BSN, een geboortedatum, een e-mailadres, een telefoonnummer en een IBAN/);
    expect(replies[0]?.fallbackText).toMatch(/^⚠ Privacy:/);
    expect(replies[1]?.warnings).toBeUndefined();
    expect(replies[3]?.warnings?.[0]).toMatch(/^Privacy: your message contained an e-mail address and a phone number/);

    const replyJson = JSON.stringify(replies.map((r) => [r, replyToJson(r)]));
    const stored = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('\n');
    expect(stored).toContain('esc-'); // the checklists really are in there
    expect(lines.some((l) => l.includes('checklist created'))).toBe(true); // and the logger really was used
    for (const secret of everySecret) {
      expect(replyJson, `reply echoes ${secret}`).not.toContain(secret);
      expect(stored, `store keeps ${secret}`).not.toContain(secret);
      expect(lines.join('\n'), `logs contain ${secret}`).not.toContain(secret);
    }
  });

  it('does not warn about numbers that only look like a BSN or an IBAN', async () => {
    const store = await openStore('file::memory:');
    try {
      const route = createRouter(handlers);
      const ctx: HandlerContext = { knowledge: testKnowledge(), now: new Date('2026-11-23T11:00:00Z'), holidays: { goodFriday: false, liberationDay: false }, store: async () => store, log: silentLogger };
      const reply = await route(
        { address: { platform: 'local', conversationId: 'x' }, text: 'Draft an escalation checklist for VGZ, reference 123456789 and NL91ABNA0417164301', receivedAt: ctx.now },
        ctx,
      );
      expect(reply.intent).toBe('escalation');
      expect(reply.warnings).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('lets the rest of the pipeline answer the placeholder text', async () => {
    const route = createRouter(handlers);
    const store = await openStore('file::memory:');
    const ctx: HandlerContext = { knowledge: testKnowledge(), now: new Date('2026-11-23T11:00:00Z'), holidays: { goodFriday: false, liberationDay: false }, store: async () => store, log: silentLogger };
    const reply = await route(
      { address: { platform: 'local', conversationId: 'x' }, text: 'Wanneer moet ik tekenen bij Zorg en Zekerheid? Mail het antwoord naar jan.jansen@praktijk-noord.nl', receivedAt: ctx.now },
      ctx,
    ).finally(() => store.close());
    expect(reply.intent).not.toBe('unknown');
    expect(reply.warnings?.[0]).toContain('[e-mail]');
    expect(reply.fallbackText).not.toContain('jan.jansen@praktijk-noord.nl');
  });
});
