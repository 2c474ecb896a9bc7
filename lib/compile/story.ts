// The curated story file (YAML) that the compiler reads beside a corpus: the pack header,
// outlets, actors with their aliases, claims with their canonical statement, slots and cues, and
// actors' positions. Errors name the file, line and column of the offending value.
import * as v from 'valibot';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ActorKind, ActorRole, ClaimKind, Id, SlotType } from '../pack/schema';

const Text = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(2000, 'too long'));
const AliasIn = v.union([
  Text,
  v.object({ text: Text, lang: v.optional(v.string()), safeAlone: v.optional(v.boolean(), true) }),
]);
const SlotIn = v.union([
  Text,
  v.object({
    type: SlotType,
    text: Text,
    value: v.optional(v.number()),
    unit: v.optional(v.string()),
    from: v.optional(v.string()),
    to: v.optional(v.string()),
    actor: v.optional(Id),
  }),
]);

export const StoryFile = v.object({
  pack: v.object({
    id: Id,
    version: v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1, 'must be 1 or more')),
    createdAt: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'must be an ISO date or UTC timestamp')),
    publisher: Text,
    title: Text,
  }),
  story: v.object({ id: Id, title: v.optional(Text), year: v.pipe(v.number(), v.integer()) }),
  outlets: v.array(
    v.object({
      id: Id,
      name: Text,
      /** The outlet's name as the corpus manifest gives it. */
      manifest: Text,
      domain: v.optional(v.nullable(v.string()), null),
      wire: v.optional(v.boolean(), false),
    }),
  ),
  actors: v.array(
    v.object({
      id: Id,
      kind: v.optional(ActorKind, 'person'),
      name: Text,
      role: v.optional(Text),
      affiliation: v.optional(Text),
      country: v.optional(Text),
      aliases: v.array(AliasIn),
    }),
  ),
  claims: v.array(
    v.object({
      id: Id,
      text: Text,
      kind: ClaimKind,
      actors: v.optional(v.record(Id, ActorRole), {}),
      slots: v.optional(v.record(Id, SlotIn), {}),
      requires: v.optional(v.array(Id), []),
      cues: v.optional(v.record(v.string(), v.array(Text)), {}),
      anchors: v.optional(v.record(v.string(), v.array(Text)), {}),
    }),
  ),
  positions: v.optional(
    v.array(v.object({ claim: Id, actor: Id, position: v.picklist(['asserts', 'denies', 'questions']), via: v.optional(Id) })),
    [],
  ),
});
export type StoryFile = v.InferOutput<typeof StoryFile>;

export class StoryError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'StoryError';
  }
}

/** Parses and checks a story file; throws StoryError listing `file:line:column: path: problem`. */
export function parseStory(text: string, file: string): StoryFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset == null) return file;
    const { line, col } = lines.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  if (doc.errors.length) throw new StoryError(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`));
  const r = v.safeParse(StoryFile, doc.toJS(), { abortPipeEarly: true });
  if (!r.success) {
    throw new StoryError(
      r.issues.slice(0, 50).map((top) => {
        // For a value that may take several forms, the problem is in the form it came closest to.
        let i: v.BaseIssue<unknown> = top;
        let keys = (top.path ?? []).map((p) => p.key as string | number);
        while (i.type === 'union' && i.issues?.length) {
          const base = keys.length;
          i = i.issues.reduce((a, b) => ((b.path?.length ?? 0) > (a.path?.length ?? 0) ? b : a));
          const sub = (i.path ?? []).map((p) => p.key as string | number);
          keys = sub.length >= base && sub.slice(0, base).every((k, n) => k === keys[n]) ? sub : [...keys, ...sub];
        }
        const node = nodeAt(doc.contents, keys);
        const path = keys.map((k, n) => (typeof k === 'number' ? `[${k}]` : n ? `.${k}` : k)).join('');
        const msg = i.kind === 'schema' && i.received === 'undefined' ? `missing (expected ${i.expected})` : i.message;
        return `${at(node?.range?.[0])}: ${path || '(story)'}: ${msg}`;
      }),
    );
  }
  return r.output;
}

/** The deepest node on the path that exists, for its position. */
function nodeAt(root: unknown, keys: (string | number)[]): Node | undefined {
  let node = root as Node | undefined;
  for (const k of keys) {
    let next: unknown;
    if (isMap(node)) next = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === k)?.value;
    else if (isSeq(node)) next = node.items[k as number];
    if (!next) break;
    node = next as Node;
  }
  return node;
}
