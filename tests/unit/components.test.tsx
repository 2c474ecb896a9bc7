// The popup's and the hover card's Preact components, rendered into happy-dom (project 'dom').
// Assertions are on what a reader sees or a screen reader announces: text, roles, accessible
// names, links. Fixtures are a real scan of the bundled pack, and hand-made ScanClaims (lib/scan)
// and ActorCards (lib/protocol) where the pack has no such case (article URLs, hostile strings).
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testContainer } from '../helpers/dom';
import { announcement, HoverCard, type CardContent } from '@/components/HoverCard';
import { PackList, type PackListState } from '@/components/PackList';
import { plural } from '@/lib/present';
import { PageSummary, SiteSwitch, type PageSummaryState } from '@/components/PageSummary';
import type { ActorCard, PageSummary as Summary } from '@/lib/protocol';
import { ScanEngine, type ScanActor, type ScanClaim, type ScanResult, type ScanSource } from '@/lib/scan/engine';
import type { PackRow } from '@/lib/store/db';
import { packRow as storedPackRow } from '@/lib/store/packs';
import { bundledPack } from '../helpers/corpus';

// ---------------------------------------------------------------------------------------------
// Fixtures

const PAGE = [
  'Lavrov claimed Ukraine had sent 89 drones against the presidential residence in the Novgorod region.',
  "Zelensky denied that Ukraine had attacked the residence and called Russia's claim a lie.",
  'Kyiv was accused of targeting the residence in the Novgorod region northwest of Moscow.',
  'Trump said his conversation with Putin was productive.',
].join('\n');

const pack = bundledPack();
const scan: ScanResult = ScanEngine.fromPacks([pack]).scanText(PAGE);
const claimOf = (id: string): ScanClaim => {
  const c = scan.claims.find((x) => x.id === id);
  if (!c) throw new Error(`the scan found no ${id}: ${scan.claims.map((x) => x.id).join(', ')}`);
  return structuredClone(c);
};
const actorOf = (id: string): ScanActor => {
  const a = scan.actors.find((x) => x.id === id);
  if (!a) throw new Error(`the scan found no actor ${id}`);
  return structuredClone(a);
};

function source(over: Partial<ScanSource>): ScanSource {
  return {
    outlet: 'Reuters',
    outletId: 'reuters',
    article: '001.txt',
    articleId: 'art-001',
    title: 'An article',
    stance: 'corroborates',
    quote: 'A quote.',
    differences: [],
    differing: [],
    ...over,
  };
}

/** A claim whose sources carry every kind of URL, and strings that look like markup. */
function hostileClaim(): ScanClaim {
  return {
    id: 'hostile',
    pack: 'p',
    text: '<img src=x onerror=alert(1)>',
    kind: 'event',
    match: { text: 'x', start: 0, end: 1 },
    score: 1,
    verdict: 'mixed',
    summary: '<b>Reported alike</b> by 1 outlet',
    pageDifferences: [],
    sources: [
      source({ outlet: 'Secure', outletId: 'o1', articleId: 'a1', url: 'https://example.org/a?x=1', quote: 'https quote' }),
      source({ outlet: 'Plain', outletId: 'o2', articleId: 'a2', url: 'http://example.net/b', stance: 'differs', differences: ['says 90 drones'] }),
      source({ outlet: 'Script', outletId: 'o3', articleId: 'a3', url: 'javascript:alert(1)', stance: 'contradicts' }),
      source({ outlet: 'Spaced', outletId: 'o4', articleId: 'a4', url: '  JavaScript:alert(2)' }),
      source({ outlet: 'Data', outletId: 'o5', articleId: 'a5', url: 'data:text/html,<script>alert(3)</script>' }),
      source({ outlet: 'Broken', outletId: 'o6', articleId: 'a6', url: 'not a url' }),
      source({ outlet: 'None', outletId: 'o7', articleId: 'a7' }),
      source({ outlet: '<a href="javascript:alert(4)">Evil</a>', outletId: 'o8', articleId: 'a8', quote: '<script>alert(5)</script>' }),
    ],
    positions: [{ actor: 'x', name: '<i>Someone</i>', position: 'denies' }],
    matches: [{ text: 'x', start: 0, end: 1, score: 1 }],
  };
}

const lavrovCard: ActorCard = {
  name: 'Sergei Lavrov',
  role: 'Foreign Minister of Russia',
  claims: [
    {
      id: 'drone-attack',
      text: pack.claims.find((c) => c.id === 'drone-attack')!.text,
      role: 'speaker',
      outlets: ['Daily Maverick', 'Reuters', 'RFE/RL'],
      counts: { corroborates: 2, differs: 1, contradicts: 0 },
      disputedBy: [
        { name: 'Volodymyr Zelensky', position: 'denies' },
        { name: 'Donald Trump', position: 'questions' },
      ],
    },
    {
      id: 'state-terrorism',
      text: 'Lavrov described the attack as "state terrorism".',
      role: 'speaker',
      outlets: ['Reuters'],
      counts: { corroborates: 1, differs: 0, contradicts: 2 },
      disputedBy: [],
    },
  ],
};

function packRow(over: Partial<PackRow> = {}): PackRow {
  return { ...storedPackRow(pack, 'bundled', new Date('2026-01-15T10:00:00.000Z')), ...over };
}

// ---------------------------------------------------------------------------------------------
// Rendering and queries (what a reader or a screen reader gets)

const host = testContainer();

function show(vnode: ComponentChild): HTMLElement {
  render(vnode, host.el);
  return host.el;
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The accessible name: aria-label, else the text content a screen reader reads (aria-hidden parts left out). */
const nameOf = (el: Element): string => el.getAttribute('aria-label') ?? spoken(el);

const ROLE_SELECTOR: Record<string, string> = {
  button: 'button, [role="button"]',
  link: 'a[href]',
  list: 'ul, ol, [role="list"]',
  listitem: 'li',
  dialog: '[role="dialog"]',
  alert: '[role="alert"]',
  table: 'table',
  row: 'tr',
  columnheader: 'th[scope="col"]',
  rowheader: 'th[scope="row"]',
  cell: 'td',
  switch: '[role="switch"]',
  heading: 'h1, h2, h3, h4, h5, h6',
};

function allByRole(root: Element, role: string, name?: string | RegExp): HTMLElement[] {
  const els = [...root.querySelectorAll<HTMLElement>(ROLE_SELECTOR[role])];
  if (name === undefined) return els;
  return els.filter((el) => (typeof name === 'string' ? nameOf(el) === name : name.test(nameOf(el))));
}

function byRole(root: Element, role: string, name?: string | RegExp): HTMLElement {
  const els = allByRole(root, role, name);
  if (els.length !== 1) throw new Error(`expected one ${role}${name ? ` named ${name}` : ''}, found ${els.length}`);
  return els[0];
}

/** What a screen reader reads of an element: its text without the parts hidden from it (aria-hidden signs). */
function spoken(el: Element | null | undefined): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return text(copy);
}

/** Opens a claim card's "Show all N outlets" and returns the list of every outlet's report. */
function showAll(card: HTMLElement): HTMLElement {
  const more = byRole(card, 'button', /^Show all \d+ outlets?$/);
  expect(more.getAttribute('aria-expanded')).toBe('false');
  act(() => more.click());
  expect(more.getAttribute('aria-expanded')).toBe('true');
  return byRole(card, 'list', 'What each outlet reported');
}

/** Direct children items of a list. */
const items = (list: Element): HTMLElement[] => [...list.children].filter((c): c is HTMLElement => c.localName === 'li');

// ---------------------------------------------------------------------------------------------

describe('the scan behind the fixtures', () => {
  it('has the cases the components must show', () => {
    expect(scan.claims.map((c) => c.verdict)).toEqual(['contradicted', 'disputed', 'mixed', 'mixed', 'corroborated']);
    expect(claimOf('drone-attack').conflict?.note).toBe('This page says 89 drones; Daily Maverick, Reuters and 3 more say 91 drones');
  });
});

describe('HoverCard: an actor', () => {
  const lavrov = (card: ActorCard | null | 'loading', mentions?: ScanActor['mentions']): CardContent => {
    const actor = actorOf('lavrov');
    if (mentions) actor.mentions = mentions;
    return { kind: 'actor', actor, card };
  };

  it('is a dialog named after the actor, with the role and the spellings found on the page', () => {
    const c = show(
      <HoverCard
        content={lavrov(null, [
          { text: 'Lavrov', start: 0, end: 6 },
          { text: 'Sergey Lavrov', start: 20, end: 33 },
          { text: 'Lavrov', start: 50, end: 56 },
        ])}
        onClose={() => {}}
      />,
    );
    const dialog = byRole(c, 'dialog');
    expect(nameOf(dialog)).toBe('Crosscheck: Sergei Lavrov');
    expect(text(dialog.querySelector('.name'))).toBe('Sergei Lavrov');
    expect(text(dialog.querySelector('.role'))).toBe('Foreign Minister of Russia');
    expect(text(dialog.querySelector('.spellings'))).toBe('On this page: Lavrov, Sergey Lavrov');
  });

  it('says it is loading while the card is on its way, and lists no claims yet', () => {
    const c = show(<HoverCard content={lavrov('loading')} onClose={() => {}} />);
    expect(text(c)).toContain('Loading…');
    expect(allByRole(c, 'list', 'Claims involving this actor')).toHaveLength(0);
  });

  it('shows neither a loading line nor claims when the actor has no card', () => {
    const c = show(<HoverCard content={lavrov(null)} onClose={() => {}} />);
    expect(text(c)).not.toContain('Loading');
    expect(allByRole(c, 'list', 'Claims involving this actor')).toHaveLength(0);
  });

  it('lists the actor’s claims with who reported them, the counts and who disputes them', () => {
    const c = show(<HoverCard content={lavrov(lavrovCard)} onClose={() => {}} />);
    expect(text(c)).not.toContain('Loading');
    const list = byRole(c, 'list', 'Claims involving this actor');
    const [drone, terror] = items(list);
    expect(items(list)).toHaveLength(2);
    expect(text(drone.querySelector('.claim'))).toBe(lavrovCard.claims[0].text);
    expect(text(drone.querySelector('.counts'))).toBe('✓ 2 agree · ≈ 1 differ · Daily Maverick, Reuters, RFE/RL');
    expect(text(drone.querySelector('.disputed'))).toBe('Disputed: Volodymyr Zelensky denies; Donald Trump questions');
    expect(text(terror.querySelector('.counts'))).toBe('✓ 1 agree · ✗ 2 contradict · Reuters');
    expect(terror.querySelector('.disputed')).toBeNull();
  });

  it("lists three of the page's claims at first, the rest behind a button", () => {
    const many: ActorCard = { ...lavrovCard, claims: [1, 2, 3, 4, 5].map((i) => ({ ...lavrovCard.claims[1], id: `c${i}`, text: `Claim ${i}.` })) };
    const c = show(<HoverCard content={lavrov(many)} onClose={() => {}} />);
    const shown = () => items(byRole(c, 'list', 'Claims involving this actor')).map((li) => text(li.querySelector('.claim')));
    expect(shown()).toEqual(['Claim 1.', 'Claim 2.', 'Claim 3.']);
    const more = byRole(c, 'button', 'Show all 5 claims on this page');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    act(() => more.click());
    expect(shown()).toEqual(['Claim 1.', 'Claim 2.', 'Claim 3.', 'Claim 4.', 'Claim 5.']);
    expect(more.getAttribute('aria-expanded')).toBe('true');
  });

  it('closes with its Close button and with Escape', () => {
    const onClose = vi.fn();
    const c = show(<HoverCard content={lavrov(null)} onClose={onClose} />);
    byRole(c, 'button', 'Close').click();
    expect(onClose).toHaveBeenCalledTimes(1);
    byRole(c, 'dialog').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    byRole(c, 'dialog').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});

describe('HoverCard: a claim', () => {
  const claimCard = (claim: ScanClaim) => show(<HoverCard content={{ kind: 'claim', claim }} onClose={() => {}} />);
  /** Five outlets on the 91 drones: four wire copies in near-identical words, and RFE/RL's own. */
  const WIRE = 'Lavrov said Ukraine had tried to attack the residence on December 28-29 with 91 long-range drones which were all destroyed.';
  const wireClaim = (page: string): ScanClaim => ({
    ...claimOf('drone-attack'),
    verdict: 'disputed',
    conflict: undefined,
    summary: 'Reported alike by 5 outlets',
    match: { text: page, start: 0, end: page.length },
    sources: [
      source({ outlet: 'Daily Maverick', outletId: 'dm', articleId: 'a0', quote: WIRE.replace('December 28-29', '28-29 December') }),
      source({ outlet: 'Reuters', outletId: 'reuters', articleId: 'a1', quote: WIRE }),
      source({ outlet: 'Unidentified outlet (condensed Reuters rewrite)', outletId: 'cr', articleId: 'a2', quote: WIRE.replace('had tried to attack', 'attempted to attack') }),
      source({ outlet: 'Unidentified outlet (US-edited Reuters copy)', outletId: 'us', articleId: 'a3', quote: WIRE.replace('which were all', 'all of them') }),
      source({ outlet: 'RFE/RL', outletId: 'rferl', articleId: 'a4', quote: 'In a statement on Telegram, Lavrov claimed that Ukraine used 91 drones in a "terrorist attack".' }),
    ],
  });
  const passages = (c: HTMLElement) => items(byRole(c, 'list', 'What the outlets say, alike wordings once'));

  it('is a dialog named after the claim, with its verdict in words and its text', () => {
    const claim = claimOf('drone-attack');
    const dialog = byRole(claimCard(claim), 'dialog');
    expect(nameOf(dialog)).toBe(`Crosscheck: ${claim.text}`);
    expect(spoken(dialog.querySelector('.verdict'))).toBe('Contradicted');
    expect(text(dialog.querySelector('p.claim'))).toBe(claim.text);
  });

  it.each([
    ['drone-attack', 'Contradicted'],
    ['attack-accusation', 'Disputed'],
    ['zelensky-denial', 'Reported differently'],
    ['trump-putin-call-productive', 'Corroborated'],
  ])('words the verdict of %s as "%s"', (id, label) => {
    expect(spoken(claimCard(claimOf(id)).querySelector('.verdict'))).toBe(label);
  });

  it("sets the page's figure and the outlets' side by side when they conflict", () => {
    const claim = claimOf('drone-attack');
    const c = claimCard(claim);
    expect(text(c.querySelector('.figures'))).toBe(claim.conflict!.note);
    expect(text(c.querySelector('.figure-page'))).toBe(claim.conflict!.page);
    expect(text(c.querySelector('.figure-outlets'))).toBe(claim.conflict!.outlets);
    expect(text(c.querySelector('.reported'))).toBe('Reported by 5 outlets: 5 contradict');
  });

  it('gives the summary line when there is no conflict', () => {
    const c = claimCard(claimOf('zelensky-denial'));
    expect(text(c.querySelector('.summary'))).toBe('Reported alike by 3 outlets, 2 differ');
    expect(c.querySelector('.figures')).toBeNull();
  });

  it('shows each outlet as a chip with its stance, for the eye (sign) and for a screen reader (words)', () => {
    const claim = claimOf('zelensky-denial');
    const chips = items(byRole(claimCard(claim), 'list', 'Outlets, by stance'));
    expect(chips.map((li) => li.title)).toEqual(claim.sources.map((s) => `${s.outlet}: ${{ corroborates: 'agrees', differs: 'differs', contradicts: 'contradicts' }[s.stance]}`));
    expect(chips.map(spoken)).toEqual(['Daily Maverick agrees', 'Reuters differs', 'condensed Reuters rewrite agrees', 'US-edited Reuters copy agrees', 'RFE/RL differs']);
    expect(chips.map((li) => text(li.querySelector('.sign')))).toEqual(['✓', '≈', '✓', '✓', '≈']);
  });

  it('shows near-identical passages once, naming the outlets that share them, and what differs first', () => {
    const c = claimCard(wireClaim('Lavrov claimed Ukraine sent 91 drones against the residence.'));
    // Larger groups first: the four wire copies, then RFE/RL's own words.
    const [wire, rferl] = passages(c);
    expect(passages(c)).toHaveLength(2);
    expect(spoken(rferl.querySelector('.passage-head'))).toBe('RFE/RL agrees');
    expect(spoken(wire.querySelector('.passage-head'))).toBe('Reuters and 3 more agrees');
    expect(wire.querySelector('.passage-head')!.getAttribute('title')).toBe('Reuters, Daily Maverick, Unidentified outlet (condensed Reuters rewrite), Unidentified outlet (US-edited Reuters copy)');
    // The wording four outlets share is on the card once, not four times.
    expect(text(c).match(/long-range drones/g)).toHaveLength(1);
    expect(showAll(c).children).toHaveLength(5);
    expect(text(c).match(/long-range drones/g)).toHaveLength(5);
  });

  it("says so, without repeating them, when alike passages are the page's own words", () => {
    const c = claimCard(wireClaim(WIRE));
    const same = passages(c).find((li) => li.classList.contains('same'))!;
    expect(spoken(same)).toBe('Reuters and 3 more: the same words as this page');
    expect(same.querySelector('q')).toBeNull();
    expect(text(c)).not.toContain('long-range drones');
  });

  it('marks the words of a passage that differ from the page', () => {
    const claim = wireClaim('Lavrov said Ukraine had tried to attack the residence on December 28-29 with 89 long-range drones which were all destroyed.');
    const c = claimCard({ ...claim, sources: [claim.sources[1]] });
    expect([...c.querySelectorAll('.passages mark')].map((m) => m.textContent)).toEqual(['91']);
    expect(c.querySelector('.passages q')!.textContent).toBe(WIRE);
  });

  it('shows every outlet with its stance badge, differences and quote on "Show all"', () => {
    const claim = claimOf('zelensky-denial');
    const c = claimCard(claim);
    expect(c.querySelector('.sources')).toBeNull();
    const rows = items(showAll(c));
    expect(rows.map((r) => text(r.querySelector('.outlet')))).toEqual(claim.sources.map((s) => s.outlet));
    expect(rows.map((r) => text(r.querySelector('.badge')))).toEqual(['agrees', 'differs', 'agrees', 'agrees', 'differs']);
    expect(text(rows[1].querySelector('.diff'))).toBe('quotes “a complete fabrication”');
    expect(text(rows[4].querySelector('.diff'))).toBe('quotes “lie”');
    expect(rows[0].querySelector('.diff')).toBeNull();
    rows.forEach((r, i) => expect(r.querySelector('q')!.textContent).toBe(claim.sources[i].quote));
    act(() => byRole(c, 'button', 'Hide the outlets’ words').click());
    expect(c.querySelector('.sources')).toBeNull();
  });

  it('badges contradicting outlets "contradicts"', () => {
    const rows = items(showAll(claimCard(claimOf('drone-attack'))));
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => text(r.querySelector('.badge')))).toEqual(Array(5).fill('contradicts'));
    expect(text(rows[4].querySelector('.diff'))).toBe('says 91 drones');
  });

  it('names who asserts, denies and questions the claim', () => {
    expect(text(claimCard(claimOf('drone-attack')).querySelector('.positions'))).toBe('Sergei Lavrov, Vladimir Putin assert · Volodymyr Zelensky, Andrii Sybiha deny · Donald Trump questions');
    expect(claimCard(claimOf('zelensky-denial')).querySelector('.positions')).toBeNull();
  });

  it('links only http(s) sources, in a new tab, without an opener', () => {
    const c = claimCard(hostileClaim());
    expect(allByRole(c, 'link')).toHaveLength(0);
    showAll(c);
    const links = allByRole(c, 'link');
    expect(links.map((a) => [nameOf(a), a.getAttribute('href')])).toEqual([
      ['Secure', 'https://example.org/a?x=1'],
      ['Plain', 'http://example.net/b'],
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')?.split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    }
  });

  it('shows the outlets of unsafe or missing URLs as plain text, not links', () => {
    const c = claimCard(hostileClaim());
    const rows = items(showAll(c));
    expect(rows.map((r) => text(r.querySelector('.outlet')))).toEqual(['Secure', 'Plain', 'Script', 'Spaced', 'Data', 'Broken', 'None', '<a href="javascript:alert(4)">Evil</a>']);
    expect(c.querySelectorAll('a')).toHaveLength(2);
    const hrefs = [...c.querySelectorAll('[href], [src], [action], [formaction]')].map((el) => el.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org/a?x=1', 'http://example.net/b']);
  });

  it('renders pack strings that look like HTML as text, creating no elements', () => {
    const claim = hostileClaim();
    const c = claimCard(claim);
    expect(text(c.querySelector('p.claim'))).toBe('<img src=x onerror=alert(1)>');
    expect(nameOf(byRole(c, 'dialog'))).toBe('Crosscheck: <img src=x onerror=alert(1)>');
    expect(text(c.querySelector('.summary'))).toBe('<b>Reported alike</b> by 1 outlet');
    expect(text(c.querySelector('.positions'))).toBe('<i>Someone</i> denies');
    expect(allByRole(c, 'listitem').map((li) => li.title)).toContain('<a href="javascript:alert(4)">Evil</a>: agrees');
    const evil = items(showAll(c))[7];
    expect(evil.querySelector('q')!.textContent).toBe('<script>alert(5)</script>');
    expect(c.querySelectorAll('img, script, b, i')).toHaveLength(0);
    expect(c.querySelectorAll('[onerror]')).toHaveLength(0);
  });

  it('has words for a screen reader to announce it by, without taking the focus', () => {
    expect(announcement({ kind: 'claim', claim: claimOf('drone-attack') })).toBe('Crosscheck card: Contradicted claim. Reported by 5 outlets: 5 contradict.');
    expect(announcement({ kind: 'actor', actor: actorOf('lavrov'), card: null })).toBe('Crosscheck card: Sergei Lavrov, Foreign Minister of Russia.');
    expect(announcement(null)).toBe('');
  });
});

describe('PageSummary', () => {
  const summary = (result: ScanResult, over: Partial<Summary> = {}): PageSummaryState => ({
    kind: 'ready',
    summary: { url: 'https://news.example/story', result, ...over },
  });
  const empty: ScanResult = { actors: [], claims: [], stats: { chars: 0, sentences: 0, sentencesScored: 0 } };

  it('says it is reading the page while loading', () => {
    const p = show(<PageSummary state={{ kind: 'loading' }} />).querySelector('p')!;
    expect(text(p)).toBe('Reading this page…');
    expect(p.getAttribute('aria-busy')).toBe('true');
  });

  it('gives the reason when the page cannot be read', () => {
    expect(text(show(<PageSummary state={{ kind: 'unavailable', message: 'Crosscheck cannot read this page.' }} />))).toBe('Crosscheck cannot read this page.');
  });

  it('says when nothing was found, for no summary and for an empty one', () => {
    expect(text(show(<PageSummary state={{ kind: 'ready', summary: null }} />))).toBe('Nothing found on this page: no known actor or claim.');
    expect(text(show(<PageSummary state={summary(empty)} />))).toBe('Nothing found on this page: no known actor or claim.');
  });

  it('says when Crosscheck is off on the site, whatever the result', () => {
    const c = show(<PageSummary state={summary(scan, { siteOff: true })} />);
    expect(text(c)).toBe('Crosscheck is turned off on this site.');
    expect(c.querySelector('svg')).toBeNull();
  });

  it('counts the claims and actors found', () => {
    const c = show(<PageSummary state={summary(scan)} />);
    expect(text(c.querySelector('.counts'))).toBe('5 claims · 4 actors found');
    const one: ScanResult = { ...scan, claims: [claimOf('zelensky-denial')], actors: [actorOf('zelensky')] };
    expect(text(show(<PageSummary state={summary(one)} />).querySelector('.counts'))).toBe('1 claim · 1 actor found');
  });

  it('marks the differing words inside a quote, and only those', () => {
    const claim = { ...claimOf('drone-attack'), sources: [source({ stance: 'contradicts', quote: 'Ukraine launched 91 drones at the residence.', differing: [{ start: 17, end: 26 }] })] };
    const c = show(<PageSummary state={summary({ ...scan, claims: [claim] })} />);
    act(() => byRole(c, 'button', claim.text).click());
    const marks = [...c.querySelectorAll('.claim-sources mark')].map((m) => m.textContent);
    expect(marks).toEqual(['91 drones']);
    expect(c.querySelector('.claim-sources q')?.textContent).toBe('Ukraine launched 91 drones at the residence.');
    const card = show(<HoverCard content={{ kind: 'claim', claim }} onClose={() => {}} />);
    expect([...card.querySelectorAll('.quote mark')].map((m) => m.textContent)).toEqual(['91 drones']);
  });

  it('opens a claim to its sources and shows it on the page when its line is clicked; an actor when its name is', () => {
    const onReveal = vi.fn();
    const c = show(<PageSummary state={summary(scan)} onReveal={onReveal} />);
    const line = byRole(c, 'button', claimOf('drone-attack').text);
    expect(line.getAttribute('aria-expanded')).toBe('false');
    expect(c.querySelector('.claim-sources')).toBeNull();
    act(() => line.click());
    expect(onReveal).toHaveBeenLastCalledWith('claim', claimOf('drone-attack').pack, 'drone-attack');
    expect(line.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(line.getAttribute('aria-controls')!)!.querySelectorAll('.claim-sources > li')).toHaveLength(5);
    const actor = [...c.querySelectorAll<HTMLButtonElement>('.page-actors button')][0];
    actor.click();
    expect(onReveal).toHaveBeenLastCalledWith('actor', scan.actors[0].pack, scan.actors[0].id);
    // Without a page to show them on, a claim's line still opens its sources; actors are plain text.
    render(null, host.el);
    const plain = show(<PageSummary state={summary(scan)} />);
    expect(plain.querySelectorAll('.page-actors button')).toHaveLength(0);
    act(() => byRole(plain, 'button', claimOf('drone-attack').text).click());
    expect(plain.querySelectorAll('.claim-sources > li')).toHaveLength(5);
  });

  it('counts the verdicts first, most telling first', () => {
    const c = show(<PageSummary state={summary(scan)} />);
    expect(text(c.querySelector('.verdict-counts'))).toBe('1 contradicted · 1 disputed · 2 reported differently · 1 corroborated');
  });

  it('lists the claims one line each under their verdict, contradicted and disputed first, a conflict’s figures on the line', () => {
    const c = show(<PageSummary state={summary(scan)} />);
    expect(allByRole(c, 'heading').map(spoken)).toEqual(['Contradicted 1', 'Disputed 1', 'Reported differently 2', 'Corroborated 1', 'Actors']);
    const lists = allByRole(c, 'list', /claims$/);
    expect(lists.map(nameOf)).toEqual(['Contradicted claims', 'Disputed claims', 'Reported differently claims', 'Corroborated claims']);
    const claims = [...c.querySelectorAll<HTMLElement>('.page-claims > li')];
    // The scan's claims are in that order already (see 'the scan behind the fixtures').
    expect(claims.map((li) => spoken(li.querySelector('.claim-line')))).toEqual(scan.claims.map((x) => x.text));
    expect(text(claims[0].querySelector('.claim-summary'))).toBe('This page says 89 drones; Daily Maverick, Reuters and 3 more say 91 drones');
    expect(claims[4].querySelector('.claim-summary')).toBeNull();
  });

  it('lists each claim’s outlets with stance, differences and quote once it is opened', () => {
    const c = show(<PageSummary state={summary(scan)} />);
    const claim = claimOf('zelensky-denial');
    act(() => byRole(c, 'button', claim.text).click());
    const rows = [...c.querySelectorAll<HTMLElement>('.claim-sources > li')];
    expect(rows.map((r) => text(r.querySelector('.outlet')))).toEqual(claim.sources.map((s) => s.outlet));
    expect(rows.map((r) => text(r.querySelector('.badge')))).toEqual(['agrees', 'differs', 'agrees', 'agrees', 'differs']);
    expect(text(rows[1].querySelector('.diff'))).toBe('quotes “a complete fabrication”');
    expect(rows[1].querySelector('q')!.textContent).toBe(claim.sources[1].quote);
    expect(text(c.querySelector('.claim-detail .claim-summary'))).toBe('Reported alike by 3 outlets, 2 differ');
  });

  it('pictures who reported what: a row per outlet, a column per claim, a cell per stance, with its words for a screen reader', () => {
    const c = show(<PageSummary state={summary(scan)} />);
    const picture = c.querySelector('svg[role="img"]')!;
    expect(picture.getAttribute('aria-label')).toBe(
      'Who reported what: 5 claims by 5 outlets. Daily Maverick reported 4 of 5 (1 agree, 2 differ, 1 contradict); Reuters reported 5 of 5 (2 agree, 2 differ, 1 contradict); ' +
        'Unidentified outlet (condensed Reuters rewrite) reported 4 of 5 (2 agree, 1 differ, 1 contradict); Unidentified outlet (US-edited Reuters copy) reported 5 of 5 (2 agree, 2 differ, 1 contradict); ' +
        'RFE/RL reported 5 of 5 (3 agree, 1 differ, 1 contradict).',
    );
    // The outlets' names beside it, a row of cells each: contradicted first, so the first column is all ✗.
    expect([...c.querySelectorAll('.cov-labels li')].map(text)).toEqual(['Daily Maverick', 'Reuters', 'condensed Reuters rewrite', 'US-edited Reuters copy', 'RFE/RL']);
    const cells = [...picture.querySelectorAll('rect[class^="cell-"]')].map((r) => r.getAttribute('class'));
    expect(cells).toHaveLength(25);
    expect(cells.filter((k) => k === 'cell-contradicts')).toHaveLength(5);
    expect(cells.filter((k) => k === 'cell-none')).toHaveLength(2);
  });

  it('lists the actors with their mention counts', () => {
    const twice = structuredClone(scan);
    twice.actors[0].mentions.push({ text: 'Sergei Lavrov', start: 400, end: 413 });
    const c = show(<PageSummary state={summary(twice)} />);
    expect(byRole(c, 'heading', 'Actors')).toBeTruthy();
    expect([...c.querySelectorAll('.page-actors > li')].map(text)).toEqual([
      'Sergei Lavrov (2)',
      'Volodymyr Zelensky (1)',
      'Donald Trump (1)',
      'Vladimir Putin (1)',
    ]);
  });

  it('shows actors alone, without claims or a coverage picture, when only actors were found', () => {
    const c = show(<PageSummary state={summary({ ...empty, actors: [actorOf('putin')] })} />);
    expect(text(c.querySelector('.counts'))).toBe('0 claims · 1 actor found');
    expect(c.querySelector('svg, .verdict-counts')).toBeNull();
    expect([...c.querySelectorAll('.page-actors > li')].map(text)).toEqual(['Vladimir Putin (1)']);
  });

  it('renders hostile claim and outlet strings as text', () => {
    const c = show(<PageSummary state={summary({ ...empty, claims: [hostileClaim()] })} />);
    expect(spoken(c.querySelector('.claim-line'))).toBe('<img src=x onerror=alert(1)>');
    expect(c.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toContain('<a href="javascript:alert(4)">Evil</a> reported 1 of 1');
    expect([...c.querySelectorAll('.cov-labels li')].map((li) => li.getAttribute('title'))).toContain('<a href="javascript:alert(4)">Evil</a>: 1 of 1');
    expect(c.querySelectorAll('img, script, a, b')).toHaveLength(0);
  });
});

describe('SiteSwitch', () => {
  it('is a switch labelled with the site, checked when on, reporting the new state', () => {
    const onChange = vi.fn();
    const c = show(<SiteSwitch host="news.example" enabled={true} onChange={onChange} />);
    const sw = byRole(c, 'switch') as HTMLInputElement;
    expect(text(sw.closest('label'))).toBe('Crosscheck on news.example');
    expect(sw.checked).toBe(true);
    sw.click();
    expect(onChange).toHaveBeenCalledWith(false);
  });
});

describe('PackList', () => {
  const list = (state: PackListState) => show(<PackList state={state} />);

  it('says it is loading', () => {
    const p = list({ kind: 'loading' }).querySelector('p')!;
    expect(text(p)).toBe('Loading claim packs…');
    expect(p.getAttribute('aria-busy')).toBe('true');
  });

  it('alerts when the packs cannot be read, with the reason', () => {
    const alert = byRole(list({ kind: 'error', message: 'QuotaExceededError: <b>full</b>' }), 'alert');
    expect([...alert.querySelectorAll('p')].map(text)).toEqual(['Could not read the installed claim packs.', 'QuotaExceededError: <b>full</b>']);
    expect(alert.querySelector('b')).toBeNull();
  });

  it('says when no pack is installed', () => {
    const c = list({ kind: 'ready', packs: [] });
    expect(text(c)).toBe('No claim packs installed yet.');
    expect(allByRole(c, 'list')).toHaveLength(0);
  });

  it('lists each installed pack with its title, version, counts, publisher and install date', () => {
    const c = list({ kind: 'ready', packs: [packRow(), packRow({ id: 'other', title: 'Other story', version: 3, publisher: '', counts: { ...packRow().counts, claims: 1, actors: 1 } })] });
    const rows = items(byRole(c, 'list', 'Installed claim packs'));
    expect(rows).toHaveLength(2);
    expect(text(rows[0].querySelector('.pack-title'))).toBe(`${pack.title} v${pack.version}`);
    expect(text(rows[0].querySelector('.pack-counts'))).toBe(`${pack.claims.length} claims · ${pack.actors.length} actors`);
    const meta = text(rows[0].querySelector('.pack-meta'));
    expect(meta.startsWith(`${pack.publisher} · installed `)).toBe(true);
    expect(meta).toContain('2026');
    expect(meta).not.toContain('2026-01-15T');
    expect(text(rows[1].querySelector('.pack-title'))).toBe('Other story v3');
    expect(text(rows[1].querySelector('.pack-counts'))).toBe('1 claim · 1 actor');
    expect(text(rows[1].querySelector('.pack-meta'))).toMatch(/^installed \S/);
  });

  it('shows who signed each pack: the key and its feed, Crosscheck itself, or a file', () => {
    const feedUrl = 'https://feeds.example.org/feed.json';
    const c = list({
      kind: 'ready',
      packs: [
        packRow(),
        packRow({ id: 'b', signer: { kind: 'key', keyId: '1a2b3c4d5e6f7a8b', feedUrl, sha256: 'c'.repeat(64) } }),
        packRow({ id: 'c', signer: { kind: 'file' } }),
        packRow({ id: 'd', signer: { kind: 'legacy', feedUrl } }),
      ],
    });
    expect(items(byRole(c, 'list', 'Installed claim packs')).map((r) => text(r.querySelector('.pack-signer')))).toEqual([
      'came with Crosscheck',
      `signed by key 1a2b3c4d5e6f7a8b (from ${feedUrl})`,
      'imported from a file',
      `from ${feedUrl} (installed before Crosscheck recorded the signing key)`,
    ]);
  });

  it('shows an unreadable install date as it is', () => {
    const c = list({ kind: 'ready', packs: [packRow({ installedAt: 'sometime' })] });
    expect(text(c.querySelector('.pack-meta'))).toBe(`${pack.publisher} · installed sometime`);
  });

  it('renders pack strings as text', () => {
    const c = list({ kind: 'ready', packs: [packRow({ title: '<img src=x onerror=alert(1)>', publisher: '<script>x</script>' })] });
    expect(text(c.querySelector('.pack-title strong'))).toBe('<img src=x onerror=alert(1)>');
    expect(text(c.querySelector('.pack-meta'))).toMatch(/^<script>x<\/script> · installed /);
    expect(c.querySelectorAll('img, script')).toHaveLength(0);
  });

  it('pluralises counts', () => {
    expect([0, 1, 2].map((n) => plural(n, 'claim'))).toEqual(['0 claims', '1 claim', '2 claims']);
  });
});
