// A claim's card: read at a glance first (the verdict in words, the claim, who reported it as
// chips, the figures side by side when the page's differ, the passages that differ with their
// differing words marked, alike passages once), every outlet's words and links one click away.
import { useState } from 'preact/hooks';
import { againstPage, emphasise, groupName, groupPassages, plural, reportedBy, STANCE_LABEL, STANCE_SIGN, VERDICT_LABEL, type PassageGroup } from '@/lib/present';
import type { ScanClaim } from '@/lib/scan/engine';
import { Quote } from '../Quote';
import { OutletChips, OutletName } from './Chips';

/** At most this many passages in the first view; the rest with "Show all". */
const FIRST_PASSAGES = 2;

export const VERDICT_SIGN: Record<ScanClaim['verdict'], string> = { contradicted: '✗', disputed: '?', mixed: '≈', corroborated: '✓' };

export function Verdict({ verdict }: { verdict: ScanClaim['verdict'] }) {
  return (
    <span class={`verdict verdict-${verdict}`}>
      <span class="sign" aria-hidden="true">
        {VERDICT_SIGN[verdict]}
      </span>{' '}
      {VERDICT_LABEL[verdict]}
    </span>
  );
}

/** The conflict's note with the page's figure and the outlets' set apart: "This page says **89 drones**; Reuters and 4 more say **91 drones**". */
export function Figures({ conflict, class: cls = 'summary figures' }: { conflict: NonNullable<ScanClaim['conflict']>; class?: string }) {
  return (
    <p class={cls}>
      {emphasise(conflict.note, [conflict.page, conflict.outlets]).map((part, i) =>
        part.value ? (
          <strong key={i} class={part.text === conflict.page ? 'figure figure-page' : 'figure figure-outlets'}>
            {part.text}
          </strong>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}

/** Who asserts, denies and questions the claim, grouped: "Sergei Lavrov, Vladimir Putin assert · Volodymyr Zelensky denies". */
export function Positions({ positions }: { positions: ScanClaim['positions'] }) {
  if (!positions.length) return null;
  const order = ['asserts', 'denies', 'questions'] as const;
  const verb = { asserts: ['asserts', 'assert'], denies: ['denies', 'deny'], questions: ['questions', 'question'] } as const;
  const parts = order
    .map((p) => ({ p, names: positions.filter((x) => x.position === p).map((x) => x.name) }))
    .filter((x) => x.names.length)
    .map((x) => `${x.names.join(', ')} ${verb[x.p][x.names.length === 1 ? 0 : 1]}`);
  return <p class="positions">{parts.join(' · ')}</p>;
}

/** One group of alike passages: its outlets, their stance and, unless it is the page's words again, the lead's passage. */
function Passage({ group, clamp }: { group: PassageGroup; clamp: boolean }) {
  const name = groupName(group.lead.outlet, group.alike.length, group.alike[0]?.outlet);
  const others = group.alike.map((a) => a.outlet).join(', ');
  const differences = group.lead.differences;
  if (group.sameAsPage)
    return (
      <li class={`passage same stance-${group.stance}`} title={others ? `${group.lead.outlet}, ${others}` : group.lead.outlet}>
        <span class="sign" aria-hidden="true">
          {STANCE_SIGN[group.stance]}
        </span>{' '}
        <span class="group-name">{name}</span>: the same words as this page
      </li>
    );
  return (
    <li class={`passage stance-${group.stance}`}>
      <span class="passage-head" title={others ? `${group.lead.outlet}, ${others}` : undefined}>
        <span class="sign" aria-hidden="true">
          {STANCE_SIGN[group.stance]}
        </span>{' '}
        <span class="group-name">{name}</span> {STANCE_LABEL[group.stance]}
        {differences.length > 0 && <span class="diff">: {differences.join('; ')}</span>}
      </span>
      <Quote class={clamp ? 'quote clamp' : 'quote'} text={group.lead.quote} differing={group.differing} />
    </li>
  );
}

export function ClaimBody({ claim }: { claim: ScanClaim }) {
  const [all, setAll] = useState(false);
  const page = claim.match?.text ?? '';
  const groups = groupPassages(claim.sources, page);
  const shown = groups.filter((g) => !g.sameAsPage).slice(0, FIRST_PASSAGES);
  const same = groups.filter((g) => g.sameAsPage);
  const hidden = groups.length - shown.length - same.length;
  const outlets = new Set(claim.sources.map((s) => s.outletId)).size;
  const listId = `all-${claim.pack}-${claim.id}`.replace(/[^\w-]/g, '_');
  return (
    <>
      <p class="verdict-line">
        <Verdict verdict={claim.verdict} />
      </p>
      <p class="claim">{claim.text}</p>
      {claim.conflict && <Figures conflict={claim.conflict} />}
      <Positions positions={claim.positions} />
      {claim.sources.length > 0 && (
        <>
          <p class={claim.conflict ? 'reported' : 'reported summary'}>{claim.conflict ? reportedBy(claim.sources) : claim.summary}</p>
          <OutletChips sources={claim.sources} />
          <ul class="passages" aria-label="What the outlets say, alike wordings once">
            {[...shown, ...same].map((g) => (
              <Passage key={g.lead.articleId} group={g} clamp />
            ))}
          </ul>
          {hidden > 0 && !all && <p class="hidden-note">{plural(hidden, 'other wording')} under “Show all”.</p>}
          <button type="button" class="more" aria-expanded={all} aria-controls={listId} onClick={() => setAll(!all)}>
            {all ? 'Hide the outlets’ words' : `Show all ${plural(outlets, 'outlet')}`}
          </button>
          {all && <AllSources id={listId} claim={claim} page={page} />}
        </>
      )}
    </>
  );
}

/** Every outlet's report: name (a link to the article), stance, what differs, its words with the differing ones marked. */
export function AllSources({ id, claim, page, class: cls = 'sources' }: { id?: string; claim: ScanClaim; page: string; class?: string }) {
  return (
    <ul class={cls} id={id} aria-label="What each outlet reported">
      {claim.sources.map((s) => (
        <li key={s.articleId} class={`source stance-${s.stance}`}>
          <OutletName name={s.outlet} url={s.url} /> <span class={`badge badge-${s.stance}`}>{STANCE_LABEL[s.stance]}</span>
          {s.differences.length > 0 && <span class="diff"> {s.differences.join('; ')}</span>}
          <Quote class="quote" text={s.quote} differing={againstPage(s, page).differing} />
        </li>
      ))}
    </ul>
  );
}
