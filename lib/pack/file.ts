// A pack file the reader picked to import: one pack, or an array of packs (what "Export packs"
// writes when several are installed). Every problem is returned with its JSON path and, where the
// text has it, its line and column; nothing here throws on bad input.
import type { Pack } from './schema';
import { locatePaths } from './locate';
import { parseJson, textTooLarge, validatePack } from './validate';

export interface FileProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** Problems located in the text beyond this many are listed without a line (locating is a scan of the text). */
const MAX_LOCATED = 50;
const MAX_PACKS_PER_FILE = 100;

export function checkPackFile(text: string): { ok: true; packs: Pack[] } | { ok: false; problems: FileProblem[] } {
  const large = textTooLarge(text);
  if (large) return { ok: false, problems: [large] };
  const parsed = parseJson(text);
  if ('problem' in parsed) {
    const m = /at line (\d+), column (\d+)/.exec(parsed.problem.message);
    return { ok: false, problems: [{ ...parsed.problem, ...(m ? { line: Number(m[1]), column: Number(m[2]) } : {}) }] };
  }
  const many = Array.isArray(parsed.value);
  const items: unknown[] = many ? (parsed.value as unknown[]) : [parsed.value];
  if (many && items.length === 0) return { ok: false, problems: [{ path: '(file)', message: 'an empty list: expected a claim pack, or a list of claim packs' }] };
  if (items.length > MAX_PACKS_PER_FILE) return { ok: false, problems: [{ path: '(file)', message: `${items.length} packs in one file; the limit is ${MAX_PACKS_PER_FILE}` }] };
  const packs: Pack[] = [];
  const problems: FileProblem[] = [];
  items.forEach((item, i) => {
    const r = validatePack(item);
    if (r.ok) packs.push(r.pack);
    else
      for (const p of r.problems) {
        const path = many ? (p.path.startsWith('(') ? `[${i}]` : `[${i}]${p.path.startsWith('[') ? '' : '.'}${p.path}`) : p.path;
        problems.push({ path, message: p.message });
      }
  });
  if (problems.length === 0) {
    const ids = new Set<string>();
    packs.forEach((p, i) => {
      if (ids.has(p.id)) problems.push({ path: `[${i}].id`, message: `pack "${p.id}" is given twice in this file` });
      ids.add(p.id);
    });
  }
  if (problems.length === 0) return { ok: true, packs };
  const located = problems.slice(0, MAX_LOCATED);
  locatePaths(text, located.map((p) => p.path)).forEach((at, i) => {
    if (at) Object.assign(located[i], at);
  });
  return { ok: false, problems };
}

export function formatFileProblem(p: FileProblem): string {
  return `${p.path}${p.line ? ` (line ${p.line}, column ${p.column})` : ''}: ${p.message}`;
}
