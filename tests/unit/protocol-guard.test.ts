// The background's guard on incoming messages (lib/protocol/guard.ts): only this extension's pages
// and content scripts, only valid requests of the protocol, only what the sender may ask; every
// drop counted by reason. Malformed shapes of every kind, foreign senders, a content script asking
// for what only the options page may ask.
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_REQUESTS, Request, SCAN_CHUNK_CHARS, parseNavigate, parsePacksChanged, parsePageEvent, parseReveal, type RequestType } from '../../lib/protocol';
import { MessageGuard, type MessageSender } from '../../lib/protocol/guard';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const self = { id: ID, origin: ORIGIN };

const popup: MessageSender = { id: ID, url: `${ORIGIN}/popup.html` };
const optionsTab: MessageSender = { id: ID, url: `${ORIGIN}/options.html`, tab: { id: 3 } };
const contentScript: MessageSender = { id: ID, url: 'https://news.example/article', tab: { id: 5 } };

/** One valid request of each type; the Record makes a new request type add its sample here. */
const SAMPLES: Record<RequestType, Request> = {
  scan: { type: 'scan', url: 'https://news.example/a', text: 'Some text.' },
  'page-summary': { type: 'page-summary', tabId: 1 },
  'actor-card': { type: 'actor-card', pack: 'p', actor: 'a' },
  site: { type: 'site', tabId: 1 },
  'set-site': { type: 'set-site', host: 'example.com', enabled: false },
  'update-now': { type: 'update-now' },
  feeds: { type: 'feeds' },
  subscribe: { type: 'subscribe', url: 'https://feeds.example/feed.json' },
  unsubscribe: { type: 'unsubscribe', url: 'https://feeds.example/feed.json' },
  packs: { type: 'packs' },
  'import-pack': { type: 'import-pack', text: '{}', name: 'a.json' },
  'remove-pack': { type: 'remove-pack', id: 'p' },
  'restore-bundled': { type: 'restore-bundled' },
  'export-packs': { type: 'export-packs' },
  keys: { type: 'keys' },
  'add-key': { type: 'add-key', text: 'k' },
  'remove-key': { type: 'remove-key', keyId: 'k' },
  settings: { type: 'settings' },
  'set-settings': { type: 'set-settings', hoverDelayMs: 100 },
  sites: { type: 'sites' },
  diagnostics: { type: 'diagnostics' },
  'delete-all-data': { type: 'delete-all-data' },
};

/** Shapes that are no request of the protocol, each with what is wrong. */
const MALFORMED: [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a number', 42],
  ['a boolean', true],
  ['a string', 'update-now'],
  ['a request as a JSON string', JSON.stringify({ type: 'update-now' })],
  ['a huge string', 'x'.repeat(5_000_000)],
  ['an array', []],
  ['an array holding a request', [{ type: 'update-now' }]],
  ['an empty object', {}],
  ['no type', { url: 'https://feeds.example/feed.json' }],
  ['an unknown type', { type: 'format-disk' }],
  ['a type in the wrong case', { type: 'UPDATE-NOW' }],
  ['a type of Object.prototype', { type: 'constructor' }],
  ['a type named __proto__', JSON.parse('{"type":"__proto__"}')],
  ['a type of another type', { type: ['update-now'] }],
  ['a type that only converts to the name', { type: { toString: () => 'update-now' } }],
  ['an event, not a request', { type: 'packs-changed' }],
  ['a scan without its text', { type: 'scan', url: 'https://news.example/a' }],
  ['a scan with a number for text', { type: 'scan', url: 'https://news.example/a', text: 5 }],
  ['a scan chunk over the limit', { type: 'scan', url: 'https://news.example/a', text: 'x'.repeat(SCAN_CHUNK_CHARS + 1) }],
  ['a URL of 9000 characters', { type: 'scan', url: `https://news.example/${'a'.repeat(9000)}`, text: 'x' }],
  ['a tab id below zero', { type: 'page-summary', tabId: -1 }],
  ['a tab id with a fraction', { type: 'page-summary', tabId: 1.5 }],
  ['a tab id as a string', { type: 'page-summary', tabId: '1' }],
  ['an infinite setting', { type: 'set-settings', hoverDelayMs: Infinity }],
  ['NaN for a setting', { type: 'set-settings', hoverDelayMs: NaN }],
  ['an unknown highlight style', { type: 'set-settings', highlightStyle: 'blink' }],
  ['a boolean as a string', { type: 'set-site', host: 'example.com', enabled: 'false' }],
  ['an empty host', { type: 'set-site', host: '', enabled: false }],
  ['a pack id of 200 characters', { type: 'remove-pack', id: 'p'.repeat(200) }],
  ['a type inherited from the prototype', Object.create({ type: 'update-now' }) as unknown],
  ['the type under an own "__proto__" key', JSON.parse('{"__proto__":{"type":"update-now"}}')],
  ['a field under an own "__proto__" key', JSON.parse('{"type":"scan","url":"https://news.example/a","__proto__":{"text":"x"}}')],
  ['a class instance', new (class Message { type = 'update-now'; })()],
  ['a Map', new Map([['type', 'update-now']])],
  ['a Date', new Date()],
];

describe('the message guard', () => {
  it('admits every request from the extension\'s pages, in a tab or not', () => {
    const g = new MessageGuard();
    for (const sender of [popup, optionsTab])
      for (const req of Object.values(SAMPLES)) expect(g.admit(req, sender, self), `${req.type} from ${sender.url}`).toMatchObject({ ok: true, req, from: 'page' });
    expect(g.dropped()).toEqual({ sender: 0, malformed: 0, 'not-allowed': 0 });
  });

  it('drops malformed messages unanswered, and counts each', () => {
    const g = new MessageGuard();
    for (const [what, message] of MALFORMED) expect(g.admit(message, popup, self), what).toEqual({ ok: false, reason: 'malformed' });
    expect(g.dropped()).toEqual({ sender: 0, malformed: MALFORMED.length, 'not-allowed': 0 });
    // From a content script, the same.
    for (const [what, message] of MALFORMED) expect(g.admit(message, contentScript, self), what).toEqual({ ok: false, reason: 'malformed' });
    expect(g.dropped().malformed).toBe(2 * MALFORMED.length);
  });

  it('strips fields the protocol does not know; a "__proto__" key pollutes nothing', () => {
    const g = new MessageGuard();
    const message = JSON.parse('{"type":"update-now","extra":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown;
    const a = g.admit(message, popup, self);
    expect(a).toEqual({ ok: true, req: { type: 'update-now' }, from: 'page' });
    if (!a.ok) return;
    expect(Object.keys(a.req)).toEqual(['type']);
    expect(Object.getPrototypeOf(a.req)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const scan = g.admit({ ...SAMPLES.scan, tabId: 99, frameId: 4 }, contentScript, self);
    expect(scan.ok && Object.keys(scan.req).sort()).toEqual(['text', 'type', 'url']);
  });

  it('a content script may scan and ask for actor cards; anything else is refused with a reply, and counted', () => {
    const g = new MessageGuard();
    const refused: string[] = [];
    for (const req of Object.values(SAMPLES)) {
      const a = g.admit(req, contentScript, self);
      if (a.ok) {
        expect(a.from).toBe('content-script');
        continue;
      }
      expect(a).toEqual({ ok: false, reason: 'not-allowed', reply: { ok: false, error: `"${req.type}" is answered for the extension's own pages only` } });
      refused.push(req.type);
    }
    expect(Object.keys(SAMPLES).filter((t) => !refused.includes(t))).toEqual([...CONTENT_SCRIPT_REQUESTS]);
    expect(refused).toContain('delete-all-data');
    expect(refused).toContain('diagnostics');
    expect(g.dropped()).toEqual({ sender: 0, malformed: 0, 'not-allowed': Object.keys(SAMPLES).length - CONTENT_SCRIPT_REQUESTS.length });
  });

  it('a page that only looks like ours is a content script: no options-only request', () => {
    const g = new MessageGuard();
    // The extension's origin as a prefix of another host, in a tab: a content script on that site.
    const lookalike = { id: ID, url: `${ORIGIN}.evil.example/options.html`, tab: { id: 9 } };
    expect(g.admit(SAMPLES['delete-all-data'], lookalike, self)).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(g.admit(SAMPLES.scan, lookalike, self)).toMatchObject({ ok: true, from: 'content-script' });
  });

  it('drops what does not come from this extension, unparsed and unanswered', () => {
    const g = new MessageGuard();
    const foreign: MessageSender[] = [
      { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/page.html' },
      { id: 'otherextensionidotherextensionid', url: 'https://news.example/a', tab: { id: 5 } },
      { url: 'https://news.example/a', tab: { id: 5 } },
      {},
      // Ours, but neither one of our pages nor in a tab.
      { id: ID, url: 'https://news.example/a' },
      { id: ID },
      { id: ID, url: `${ORIGIN}.evil.example/options.html` },
    ];
    for (const sender of foreign) {
      expect(g.admit(SAMPLES['update-now'], sender, self), JSON.stringify(sender)).toEqual({ ok: false, reason: 'sender' });
      expect(g.admit(null, sender, self), JSON.stringify(sender)).toEqual({ ok: false, reason: 'sender' });
    }
    expect(g.dropped()).toEqual({ sender: 2 * foreign.length, malformed: 0, 'not-allowed': 0 });
  });

  it('hands out a copy of its counts, and when it started', () => {
    const g = new MessageGuard(new Date('2026-02-01T10:00:00Z'));
    const counts = g.dropped();
    counts.malformed = 100;
    expect(g.dropped().malformed).toBe(0);
    expect(g.since).toBe('2026-02-01T10:00:00.000Z');
  });

  it('the samples cover every request type of the protocol', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Request.options.map((o) => o.entries.type.literal).sort());
  });
});

describe('messages to the content script and the pages', () => {
  it('are validated too: wrong shapes, inherited fields and other messages are not theirs', () => {
    expect(parseNavigate({ type: 'navigate', direction: 'next' })).toEqual({ type: 'navigate', direction: 'next' });
    for (const m of [null, 'navigate', { type: 'navigate' }, { type: 'navigate', direction: 'sideways' }, Object.create({ type: 'navigate', direction: 'next' }), { type: 'reveal' }])
      expect(parseNavigate(m)).toBeNull();
    expect(parseReveal({ type: 'reveal', kind: 'claim', pack: 'p', id: 'c' })).not.toBeNull();
    for (const m of [{ type: 'reveal', kind: 'page', pack: 'p', id: 'c' }, { type: 'reveal', kind: 'claim', pack: 'p'.repeat(200), id: 'c' }, Object.create({ type: 'reveal', kind: 'claim', pack: 'p', id: 'c' })])
      expect(parseReveal(m)).toBeNull();
    expect(parsePacksChanged(Object.create({ type: 'packs-changed' }))).toBeNull();
    expect(parsePageEvent(JSON.parse('{"__proto__":{"type":"feeds-changed"}}'))).toBeNull();
    expect(parsePageEvent({ type: 'feeds-changed' })).toEqual({ type: 'feeds-changed' });
  });
});
