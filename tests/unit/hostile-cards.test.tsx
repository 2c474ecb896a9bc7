// Hostile strings on screen (happy-dom, project 'dom'): a pack that validation accepts, whose names,
// roles, slot texts and excerpts carry markup, a closing </style>, script and invisible characters,
// scanned by the real engine and shown in the hover card, the popup's summary and its pack list.
// Every such string must arrive as text, character for character: no element made from it, no
// link but http(s). docs/pack-format.md#text-a-pack-shows.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { testContainer } from '../helpers/dom';
import { HoverCard } from '@/components/HoverCard';
import { PackList } from '@/components/PackList';
import { PageSummary } from '@/components/PageSummary';
import type { ActorCard } from '@/lib/protocol';
import type { Pack } from '@/lib/pack/schema';
import { validatePack } from '@/lib/pack/validate';
import { ScanEngine, type ScanClaim, type ScanSource } from '@/lib/scan/engine';
import { packRow } from '@/lib/store/packs';
import { bundledPack } from '../helpers/corpus';

const IMG = '<img src=x onerror=alert(1)>';
const STYLE = '</style><style>*{display:none}</style>';
const SCRIPT = '<script>alert(document.cookie)</script>';
/** Invisible characters a pack may carry in a name or an excerpt: zero-width space, BOM, RLM. */
const INVISIBLE = 'Za\u200bpo\ufeffro\u200fzhye';
/** A right-to-left override: refused in names, kept in excerpts (verbatim source text). */
const RLO = '\u202e';

/** The bundled pack with markup in outlet names, a role, a slot text, an actor's name and an excerpt. */
function hostilePack(): Pack {
  const p = bundledPack();
  p.title = `${SCRIPT} pack`;
  p.publisher = IMG;
  p.outlets[0].name = IMG;
  p.outlets[1].name = STYLE;
  p.outlets[2].name = `${INVISIBLE} News`;
  const lavrov = p.actors.find((a) => a.id === 'lavrov')!;
  lavrov.role = `${SCRIPT} ${STYLE}`;
  const zelensky = p.actors.find((a) => a.id === 'zelensky')!;
  zelensky.name = `Volodymyr Zelensky ${IMG}`;
  const drones = p.claims.find((c) => c.id === 'drone-attack')!.slots.find((s) => s.type === 'count')!;
  drones.text = `${drones.text} ${IMG}`;
  // Markup and an override inside one outlet's excerpt of the claim: the article text and every
  // offset after the insertion move together, as in a real source.
  const report = p.reports.find((r) => r.claim === 'drone-attack')!;
  const article = p.articles.find((a) => a.id === report.article)!;
  const at = report.start + report.quote.indexOf(' ') + 1;
  const inserted = `${SCRIPT}${RLO}${IMG} `;
  article.text = `${article.text.slice(0, at)}${inserted}${article.text.slice(at)}`;
  for (const r of p.reports.filter((x) => x.article === article.id)) {
    if (r.start >= at) r.start += inserted.length;
    if (r.end > at) r.end += inserted.length;
    r.quote = article.text.slice(r.start, r.end);
  }
  return p;
}

const PAGE = [
  'Lavrov claimed Ukraine had sent 89 drones against the presidential residence in the Novgorod region.',
  "Zelensky denied that Ukraine had attacked the residence and called Russia's claim a lie.",
].join('\n');

const pack = hostilePack();
const checked = validatePack(pack);
const scan = ScanEngine.fromPacks([checked.ok ? checked.pack : pack]).scanText(PAGE);
const droneClaim = (): ScanClaim => structuredClone(scan.claims.find((c) => c.id === 'drone-attack')!);

const host = testContainer();
function show(vnode: ComponentChild): HTMLElement {
  render(vnode, host.el);
  return host.el;
}

/** Opens a claim card's (or a popup line's) sources: the buttons that reveal every outlet's words. */
function openAll(c: HTMLElement): void {
  for (const b of [...c.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]')]) act(() => b.click());
}

/** Elements a hostile string could have made, were it parsed as HTML. */
const MADE = 'img, script, style, iframe, object, embed, b, i, [onerror], [onclick], [style]';

describe('a hostile pack, scanned and shown', () => {
  it('is a valid pack, and the scan finds the claim and the actors', () => {
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    expect(scan.claims.map((c) => c.id)).toContain('drone-attack');
    expect(scan.actors.map((a) => a.id)).toEqual(expect.arrayContaining(['lavrov', 'zelensky']));
  });

  it("the claim's card: outlet names, the conflict note, positions and excerpts are text, character for character", () => {
    const claim = droneClaim();
    const c = show(<HoverCard content={{ kind: 'claim', claim }} onClose={() => {}} />);
    expect(c.querySelectorAll(MADE)).toHaveLength(0);
    expect([...c.querySelectorAll('.chip')].map((li) => li.getAttribute('title'))).toEqual(expect.arrayContaining([`${IMG}: contradicts`, `${STYLE}: contradicts`]));
    openAll(c);
    expect(c.querySelectorAll(MADE)).toHaveLength(0);
    expect(c.querySelector('.summary')!.textContent).toBe(claim.conflict!.note);
    expect(claim.conflict!.note).toContain(IMG);
    const outlets = [...c.querySelectorAll('.outlet')].map((el) => el.textContent);
    expect(outlets).toEqual(expect.arrayContaining([IMG, STYLE, `${INVISIBLE} News`]));
    const quotes = [...c.querySelectorAll('q')].map((q) => q.textContent);
    const hostile = quotes.find((q) => q?.includes(SCRIPT));
    expect(hostile).toBe(claim.sources.find((s) => s.quote.includes(SCRIPT))!.quote);
    expect(hostile).toContain(`${SCRIPT}${RLO}${IMG}`);
    expect(c.querySelector('.positions')!.textContent).toContain(`Volodymyr Zelensky ${IMG}, Andrii Sybiha deny`);
    expect(c.querySelectorAll('a')).toHaveLength(0);
  });

  it("an actor's card: the role, the claims, the outlets and who disputes them are text", () => {
    const lavrov = structuredClone(scan.actors.find((a) => a.id === 'lavrov')!);
    const card: ActorCard = {
      name: lavrov.name,
      role: lavrov.role,
      claims: [
        {
          id: 'drone-attack',
          text: `${SCRIPT} claim`,
          role: 'speaker',
          outlets: [IMG, STYLE],
          counts: { corroborates: 1, differs: 1, contradicts: 0 },
          disputedBy: [{ name: `Volodymyr Zelensky ${IMG}`, position: 'denies' }],
        },
      ],
    };
    const c = show(<HoverCard content={{ kind: 'actor', actor: lavrov, card }} onClose={() => {}} />);
    expect(c.querySelectorAll(MADE)).toHaveLength(0);
    expect(c.querySelector('.role')!.textContent).toBe(`${SCRIPT} ${STYLE}`);
    expect(c.querySelector('.claims .claim')!.textContent).toBe(`${SCRIPT} claim`);
    expect(c.querySelector('.counts')!.textContent).toContain(`${IMG}, ${STYLE.slice(0, 21)}…`);
    expect(c.querySelector('.counts')!.getAttribute('title')).toBe(`${IMG}, ${STYLE}`);
    expect(c.querySelector('.disputed')!.textContent).toBe(`Disputed: Volodymyr Zelensky ${IMG} denies`);
  });

  it("the popup's summary: claims, outlets in the table and their titles, actors are text", () => {
    const c = show(<PageSummary state={{ kind: 'ready', summary: { url: 'https://news.example/a', result: structuredClone(scan) } }} onReveal={() => {}} />);
    expect(c.querySelectorAll(MADE)).toHaveLength(0);
    const labels = [...c.querySelectorAll('.cov-labels li')];
    expect(labels.map((li) => li.getAttribute('title'))).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${IMG.replace(/[()]/g, '\\$&')}: `)), expect.stringContaining(STYLE)]));
    expect(labels.map((li) => li.textContent)).toEqual(expect.arrayContaining([IMG, `${STYLE.slice(0, 21)}…`]));
    expect(c.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toContain(`${IMG} reported`);
    openAll(c);
    expect(c.querySelectorAll(MADE)).toHaveLength(0);
    expect([...c.querySelectorAll('.claim-sources .outlet')].map((s) => s.textContent)).toEqual(expect.arrayContaining([IMG, STYLE]));
    expect([...c.querySelectorAll('.page-actors .reveal')].map((b) => b.textContent)).toContain(`Volodymyr Zelensky ${IMG}`);
  });

  it("the popup's pack list: the title and the publisher are text", () => {
    const c = show(<PackList state={{ kind: 'ready', packs: [packRow(pack, 'file', new Date('2026-01-15T10:00:00Z'))] }} />);
    expect(c.querySelectorAll(MADE)).toHaveLength(0);
    expect(c.querySelector('.pack-title strong')!.textContent).toBe(`${SCRIPT} pack`);
    expect(c.querySelector('.pack-meta')!.textContent).toMatch(new RegExp(`^${IMG.replace(/[()]/g, '\\$&')} · installed `));
  });
});

describe('links in the card', () => {
  const source = (outlet: string, url: string): ScanSource => ({
    outlet, outletId: outlet, article: 'a.txt', articleId: outlet, title: 'T', url, stance: 'corroborates', quote: 'Q', differences: [], differing: [],
  });

  it('only http(s) URLs become links; every other scheme leaves the outlet as plain text', () => {
    const urls: [string, string][] = [
      ['upper', 'JAVASCRIPT:alert(1)'],
      ['newline', 'java\nscript:alert(1)'],
      ['control', '\u0001javascript:alert(1)'],
      ['data', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
      ['vbscript', 'vbscript:msgbox(1)'],
      ['blob', 'blob:https://news.example/1b2c'],
      ['about', 'about:blank'],
      ['file', 'file:///etc/passwd'],
      ['relative', '//evil.example/x'],
      ['quoted', `https://news.example/a"><img src=x onerror=alert(1)>`],
      ['plain', 'http://news.example/b'],
    ];
    const claim = { ...droneClaim(), sources: urls.map(([name, url]) => source(name, url)) };
    const c = show(<HoverCard content={{ kind: 'claim', claim }} onClose={() => {}} />);
    expect(c.querySelectorAll('a')).toHaveLength(0);
    openAll(c);
    const links = [...c.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['quoted', 'https://news.example/a%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E'],
      ['plain', 'http://news.example/b'],
    ]);
    expect([...c.querySelectorAll('.outlet')].map((el) => el.textContent)).toEqual(urls.map(([name]) => name));
    expect(c.querySelectorAll('img, [onerror]')).toHaveLength(0);
  });
});
