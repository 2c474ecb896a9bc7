// The curated story file (YAML) that the compiler reads beside a corpus: the pack header,
// outlets, actors with their aliases, claims with their canonical statement, slots and cues, and
// actors' positions. Errors name the file, line and column of the offending value.
import * as v from 'valibot';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ActorKind, ActorRole, ClaimKind, Id, noBidiControls, SlotType } from '../pack/schema';
import { unmatchableAlias } from '../pack/validate';
import { errorText } from '../error-text';

const Text = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(2000, 'too long'), noBidiControls);
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
  /** Concept groups: words of one meaning in the story's languages (docs/story-format.md). */
  concepts: v.optional(v.record(Id, v.array(Text)), {}),
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
  if (doc.errors.length)
    throw new StoryError(doc.errors.map((e) => `${at(e.pos[0])}: ${/call stack/i.test(e.message) ? 'nested too deeply' : e.message.split('\n')[0]}`));
  // Keys that a JavaScript object cannot hold as data: the schema would drop them without a word.
  const reserved = reservedKeys(doc.contents);
  if (reserved.length)
    throw new StoryError(reserved.map(({ node, path, key }) => `${at(node.range?.[0])}: ${path}: "${key}" is a reserved name and cannot be a key; rename it`));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const msg = errorText(e);
    throw new StoryError([`${file}: ${/alias count/i.test(msg) ? 'its YAML aliases (*name) expand too much: write the values out, or refer to them less often' : `cannot be read: ${msg}`}`]);
  }
  const r = v.safeParse(StoryFile, data, { abortPipeEarly: true });
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
  // Names and aliases the matcher could never find on a page (only invisible characters or punctuation).
  const unmatchable: string[] = [];
  r.output.actors.forEach((a, i) => {
    const name = unmatchableAlias(a.name);
    if (name) unmatchable.push(`${at(nodeAt(doc.contents, ['actors', i, 'name'])?.range?.[0])}: actors[${i}].name: ${name}`);
    a.aliases.forEach((x, j) => {
      const problem = unmatchableAlias(typeof x === 'string' ? x : x.text);
      if (problem) unmatchable.push(`${at(nodeAt(doc.contents, ['actors', i, 'aliases', j])?.range?.[0])}: actors[${i}].aliases[${j}]: ${problem}`);
    });
  });
  if (unmatchable.length) throw new StoryError(unmatchable);
  return r.output;
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every map key of the document that is a reserved name, with its path, in document order; a loop, not recursion. */
function reservedKeys(root: unknown): { node: Node; path: string; key: string }[] {
  const out: { node: Node; path: string; key: string }[] = [];
  const stack: { node: unknown; path: string }[] = [{ node: root, path: '' }];
  const seen = new Set<unknown>();
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (isMap(node))
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key !== null && RESERVED_KEYS.has(key)) out.push({ node: pair.key as Node, path: path || '(story)', key });
        stack.push({ node: pair.value, path: key === null ? path : path ? `${path}.${key}` : key });
      }
    else if (isSeq(node)) node.items.forEach((item, i) => stack.push({ node: item, path: `${path}[${i}]` }));
  }
  return out.sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
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
