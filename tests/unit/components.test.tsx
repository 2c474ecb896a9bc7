// The popup's and the hover card's Preact components, rendered into happy-dom (project 'dom').
// Assertions are on what a reader sees or a screen reader announces: text, roles, accessible
// names, links. Fixtures are a real scan of the bundled pack, and hand-made ScanClaims (lib/scan)
// and ActorCards (lib/protocol) where the pack has no such case (article URLs, hostile strings).
import { render, type ComponentChild } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testContainer } from '../helpers/dom';
import { HoverCard, type CardContent } from '@/components/HoverCard';
import { PackList, plural, type PackListState } from '@/components/PackList';
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

/** The accessible name: aria-label, else the text content. */
const nameOf = (el: Element): string => el.getAttribute('aria-label') ?? text(el);

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
    expect(text(drone.querySelector('.counts'))).toBe('(2 agree, 1 differ: Daily Maverick, Reuters, RFE/RL)');
    expect(text(drone.querySelector('.disputed'))).toBe('Volodymyr Zelensky denies; Donald Trump questions');
    expect(text(terror.querySelector('.counts'))).toBe('(1 agree, 2 contradict: Reuters)');
    expect(terror.querySelector('.disputed')).toBeNull();
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

  it('is a dialog named after the claim, with its verdict and its text', () => {
    const claim = claimOf('drone-attack');
    const dialog = byRole(claimCard(claim), 'dialog');
    expect(nameOf(dialog)).toBe(`Crosscheck: ${claim.text}`);
    expect(text(dialog.querySelector('.verdict'))).toBe('Contradicted');
    expect(text(dialog.querySelector('p.claim'))).toBe(claim.text);
  });

  it.each([
    ['drone-attack', 'Contradicted'],
    ['attack-accusation', 'Disputed'],
    ['zelensky-denial', 'Reported differently'],
    ['trump-putin-call-productive', 'Corroborated'],
  ])('words the verdict of %s as "%s"', (id, label) => {
    expect(text(claimCard(claimOf(id)).querySelector('.verdict'))).toBe(label);
  });

  it('says what the page says and what the outlets say when the figures conflict', () => {
    const c = claimCard(claimOf('drone-attack'));
    expect(text(c.querySelector('.summary'))).toBe('This page says 89 drones; Daily Maverick, Reuters and 3 more say 91 drones');
    expect(text(c)).not.toContain('Reported alike by 0 outlets');
  });

  it('gives the summary line when there is no conflict', () => {
    const claim = claimOf('zelensky-denial');
    expect(text(claimCard(claim).querySelector('.summary'))).toBe('Reported alike by 3 outlets, 2 differ');
  });

  it('lists every source with its outlet, stance badge, differences and quote', () => {
    const claim = claimOf('zelensky-denial');
    const c = claimCard(claim);
    const rows = items(byRole(c, 'list', 'What the outlets reported'));
    expect(rows.map((r) => text(r.querySelector('.outlet')))).toEqual(claim.sources.map((s) => s.outlet));
    expect(rows.map((r) => text(r.querySelector('.badge')))).toEqual(['agrees', 'differs', 'agrees', 'agrees', 'differs']);
    expect(text(rows[1].querySelector('.diff'))).toBe('quotes “a complete fabrication”');
    expect(text(rows[4].querySelector('.diff'))).toBe('quotes “lie”');
    expect(rows[0].querySelector('.diff')).toBeNull();
    rows.forEach((r, i) => {
      const q = r.querySelector('q');
      expect(q).not.toBeNull();
      expect(q!.textContent).toBe(claim.sources[i].quote);
    });
  });

  it('badges contradicting outlets "contradicts"', () => {
    const rows = items(byRole(claimCard(claimOf('drone-attack')), 'list', 'What the outlets reported'));
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => text(r.querySelector('.badge')))).toEqual(Array(5).fill('contradicts'));
    expect(text(rows[4].querySelector('.diff'))).toBe('says 91 drones');
  });

  it('names who asserts, denies and questions the claim', () => {
    expect(text(claimCard(claimOf('drone-attack')).querySelector('.positions'))).toBe(
      'Sergei Lavrov asserts · Vladimir Putin asserts · Volodymyr Zelensky denies · Andrii Sybiha denies · Donald Trump questions',
    );
    expect(claimCard(claimOf('zelensky-denial')).querySelector('.positions')).toBeNull();
  });

  it('links only http(s) sources, in a new tab, without an opener', () => {
    const c = claimCard(hostileClaim());
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
    const rows = items(byRole(c, 'list', 'What the outlets reported'));
    expect(rows.map((r) => text(r.querySelector('.outlet')))).toEqual([
      'Secure',
      'Plain',
      'Script',
      'Spaced',
      'Data',
      'Broken',
      'None',
      '<a href="javascript:alert(4)">Evil</a>',
    ]);
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
    const evil = items(byRole(c, 'list', 'What the outlets reported'))[7];
    expect(evil.querySelector('q')!.textContent).toBe('<script>alert(5)</script>');
    expect(c.querySelectorAll('img, script, b, i')).toHaveLength(0);
    expect(c.querySelectorAll('[onerror]')).toHaveLength(0);
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
    expect(c.querySelector('table')).toBeNull();
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
    const marks = [...c.querySelectorAll('.claim-sources mark')].map((m) => m.textContent);
    expect(marks).toEqual(['91 drones']);
    expect(c.querySelector('.claim-sources q')?.textContent).toBe('Ukraine launched 91 drones at the residence.');
    const card = show(<HoverCard content={{ kind: 'claim', claim }} onClose={() => {}} />);
    expect([...card.querySelectorAll('.quote mark')].map((m) => m.textContent)).toEqual(['91 drones']);
  });

  it('shows a claim or an actor on the page when its text is clicked', () => {
    const onReveal = vi.fn();
    const c = show(<PageSummary state={summary(scan)} onReveal={onReveal} />);
    const claim = [...c.querySelectorAll<HTMLButtonElement>('.page-claims button')].find((b) => b.textContent === claimOf('drone-attack').text)!;
    claim.click();
    expect(onReveal).toHaveBeenLastCalledWith('claim', claimOf('drone-attack').pack, 'drone-attack');
    const actor = [...c.querySelectorAll<HTMLButtonElement>('.page-actors button')][0];
    actor.click();
    expect(onReveal).toHaveBeenLastCalledWith('actor', scan.actors[0].pack, scan.actors[0].id);
    // Without a page to show them on, they are plain text.
    const plain = show(<PageSummary state={summary(scan)} />);
    expect(plain.querySelectorAll('.page-claims button, .page-actors button')).toHaveLength(0);
  });

  it('lists the contradicted and disputed claims first, each with its verdict and summary or conflict', () => {
    const c = show(<PageSummary state={summary(scan)} />);
    const claims = [...c.querySelectorAll<HTMLElement>('.page-claims > li')];
    expect(claims.map((li) => text(li.querySelector('.verdict')))).toEqual(['Contradicted', 'Disputed', 'Reported differently', 'Reported differently', 'Corroborated']);
    expect(text(claims[0].querySelector('.claim-head'))).toBe(`Contradicted ${claimOf('drone-attack').text}`);
    expect(text(claims[0].querySelector('.claim-summary'))).toBe('This page says 89 drones; Daily Maverick, Reuters and 3 more say 91 drones');
    expect(text(claims[4].querySelector('.claim-summary'))).toBe('Reported alike by 3 outlets');
  });

  it('lists each claim’s outlets with stance, differences and quote', () => {
    const c = show(<PageSummary state={summary(scan)} />);
    const denial = [...c.querySelectorAll<HTMLElement>('.page-claims > li')][2];
    const claim = claimOf('zelensky-denial');
    const rows = [...denial.querySelectorAll<HTMLElement>('.claim-sources > li')];
    expect(rows.map((r) => text(r.querySelector('strong')))).toEqual(claim.sources.map((s) => s.outlet));
    expect(rows.map((r) => text(r.querySelector('.badge')))).toEqual(['agrees', 'differs', 'agrees', 'agrees', 'differs']);
    expect(text(rows[1].querySelector('em'))).toBe('quotes “a complete fabrication”');
    expect(rows[1].querySelector('q')!.textContent).toBe(claim.sources[1].quote);
  });

  it('shows who reported what in a table: outlets as columns, claims as rows, a mark per cell', () => {
    const c = show(<PageSummary state={summary(scan)} />);
    expect(byRole(c, 'heading', 'Who reported what')).toBeTruthy();
    const table = byRole(c, 'table');
    expect(text(table.querySelector('caption'))).toBe('✓ agrees · ~ differs · ✗ contradicts · blank: not reported');
    const cols = allByRole(table, 'columnheader');
    expect(cols.map(text)).toEqual(['Claim', 'Daily Maver…', 'Reuters', 'Unidentifie…', 'Unidentifie…', 'RFE/RL']);
    expect(cols.slice(1).map((th) => th.title)).toEqual([
      'Daily Maverick',
      'Reuters',
      'Unidentified outlet (condensed Reuters rewrite)',
      'Unidentified outlet (US-edited Reuters copy)',
      'RFE/RL',
    ]);
    const rows = allByRole(table, 'rowheader');
    expect(rows).toHaveLength(5);
    const drone = claimOf('drone-attack').text;
    expect(text(rows[0])).toBe(`${drone.slice(0, 47)}…`);
    expect(rows[0].title).toBe(drone);
    expect(text(rows[4])).toBe('Trump said his conversation with Putin was prod…');

    const cells = (row: number) => [...rows[row].parentElement!.querySelectorAll('td')].map((td) => [nameOf(td), text(td)]);
    expect(cells(0)).toEqual([
      ['Daily Maverick: contradicts', '✗'],
      ['Reuters: contradicts', '✗'],
      ['Unidentified outlet (condensed Reuters rewrite): contradicts', '✗'],
      ['Unidentified outlet (US-edited Reuters copy): contradicts', '✗'],
      ['RFE/RL: contradicts', '✗'],
    ]);
    expect(cells(2)).toEqual([
      ['Daily Maverick: corroborates', '✓'],
      ['Reuters: differs', '~'],
      ['Unidentified outlet (condensed Reuters rewrite): corroborates', '✓'],
      ['Unidentified outlet (US-edited Reuters copy): corroborates', '✓'],
      ['RFE/RL: differs', '~'],
    ]);
    // Daily Maverick and the condensed rewrite do not report Trump's call.
    expect(cells(4)).toEqual([
      ['Daily Maverick: not reported', ''],
      ['Reuters: corroborates', '✓'],
      ['Unidentified outlet (condensed Reuters rewrite): not reported', ''],
      ['Unidentified outlet (US-edited Reuters copy): corroborates', '✓'],
      ['RFE/RL: corroborates', '✓'],
    ]);
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

  it('shows actors alone, without claims or a coverage table, when only actors were found', () => {
    const c = show(<PageSummary state={summary({ ...empty, actors: [actorOf('putin')] })} />);
    expect(text(c.querySelector('.counts'))).toBe('0 claims · 1 actor found');
    expect(c.querySelector('table')).toBeNull();
    expect(allByRole(c, 'heading', 'Who reported what')).toHaveLength(0);
    expect([...c.querySelectorAll('.page-actors > li')].map(text)).toEqual(['Vladimir Putin (1)']);
  });

  it('renders hostile claim and outlet strings as text', () => {
    const c = show(<PageSummary state={summary({ ...empty, claims: [hostileClaim()] })} />);
    expect(text(c.querySelector('.claim-head'))).toBe('Reported differently <img src=x onerror=alert(1)>');
    // A claim short enough keeps its whole text in the coverage table.
    expect(text(byRole(c, 'rowheader'))).toBe('<img src=x onerror=alert(1)>');
    expect(byRole(c, 'columnheader', /^<a href/).title).toBe('<a href="javascript:alert(4)">Evil</a>');
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
