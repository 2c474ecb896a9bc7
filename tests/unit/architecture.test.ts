// The project's structure, checked rather than hoped for (in the spirit of Refined GitHub's
// build/features.test.ts). It reads the sources of lib/, components/, entrypoints/ and utils/ and
// asserts the rules the code's layout promises: no import cycle, a pure lib/, a protocol that owns
// its views, UI that reads no database, a handler for every request, content features that are
// started and torn down by the page context, and files small enough to read.
//
// Sources are parsed with the TypeScript compiler (already a dev dependency), not with regular
// expressions: its parser knows comments, strings, regular expressions, template literals and JSX,
// so a commented-out import is not an import, `'//'` in a string is not a comment, and an import
// appended at the very end of a file after other code is still an import. Code checks run on the
// file re-printed by TypeScript without its comments.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = ['lib', 'components', 'entrypoints', 'utils'];
const SOURCE_FILE = /\.(ts|tsx|mts|mjs)$/;
const NOT_SOURCE = /\.(test|spec)\.|\.d\.[mc]?ts$/;
/** What a specifier may leave out, in the order a bundler tries it. */
const RESOLVE_TRY = ['', '.ts', '.tsx', '.mts', '.mjs', '/index.ts', '/index.tsx'];
const FEATURES_DIR = 'components/page/features';

// ---- the model: files -> parsed modules -> import graph ----------------------------------------

interface Import {
  specifier: string;
  /** A source file of the project, else the specifier's project path (a .css, say), else the bare specifier. */
  target: string;
  /** True when `target` is one of the files the graph was built from. */
  internal: boolean;
}

interface Module {
  imports: Import[];
  /** The code without comments (TypeScript's printer), for the checks that read code. */
  code: string;
  ast: ts.SourceFile;
}

interface Project {
  modules: Map<string, Module>;
  /** File -> the files it imports (static, dynamic, re-exports, type-only: all of them). */
  graph: Map<string, string[]>;
}

const printer = ts.createPrinter({ removeComments: true });

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.mjs') || file.endsWith('.js')) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** Every module specifier the file names: import/export ... from, side-effect import, import(), import('x').T. */
function specifiers(ast: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) found.push(arg.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ast);
  return found;
}

/** Relative paths and the aliases `@/` and `~/` (both the project root, as WXT sets them up) resolve to files. */
function resolve(from: string, specifier: string, files: ReadonlyMap<string, string>): Omit<Import, 'specifier'> {
  let base: string;
  if (specifier.startsWith('./') || specifier.startsWith('../')) base = path.posix.join(path.posix.dirname(from), specifier);
  else if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = path.posix.normalize(specifier.slice(2));
  else return { target: specifier, internal: false };
  for (const ext of RESOLVE_TRY) if (files.has(base + ext)) return { target: base + ext, internal: true };
  return { target: base, internal: false };
}

/** The import graph of `files` (project path -> source text); nothing is read from disk. */
function analyse(files: ReadonlyMap<string, string>): Project {
  const modules = new Map<string, Module>();
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const ast = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
    const imports = specifiers(ast).map((specifier) => ({ specifier, ...resolve(file, specifier, files) }));
    modules.set(file, { imports, code: printer.printFile(ast), ast });
    graph.set(file, [...new Set(imports.filter((i) => i.internal).map((i) => i.target))]);
  }
  return { modules, graph };
}

/** Tarjan's strongly connected components. */
function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return components;
}

/**
 * One cycle per strongly connected component that has one, as `a -> b -> a`: the shortest way from
 * the component's first file back to itself (a bigger component also lists all its files).
 */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  for (const component of stronglyConnected(graph)) {
    const members = new Set(component);
    const start = [...component].sort()[0];
    if (component.length === 1 && !(graph.get(start) ?? []).includes(start)) continue;
    // Breadth-first from `start` inside the component until an edge leads back to it.
    const parent = new Map<string, string>();
    const queue = [start];
    let last: string | undefined;
    for (let i = 0; i < queue.length && last === undefined; i++) {
      for (const w of graph.get(queue[i]) ?? []) {
        if (w === start) {
          last = queue[i];
          break;
        }
        if (members.has(w) && !parent.has(w)) {
          parent.set(w, queue[i]);
          queue.push(w);
        }
      }
    }
    const route = [start];
    for (let v = last!; v !== start; v = parent.get(v)!) route.splice(1, 0, v);
    const more = component.length > route.length ? ` (one cycle of ${component.length} files that import each other: ${[...component].sort().join(', ')})` : '';
    cycles.push(`${[...route, start].join(' -> ')}${more}`);
  }
  return cycles.sort();
}

// ---- the real tree ---------------------------------------------------------------------------

function readSources(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    if (!existsSync(path.join(ROOT, dir))) return;
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (SOURCE_FILE.test(entry.name) && !NOT_SOURCE.test(entry.name)) files.set(rel, readFileSync(path.join(ROOT, rel), 'utf8'));
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

const sources = readSources();
const project = analyse(sources);

/** `file: specifier` for each import of the files matching `from` whose target `banned` says is off limits. */
function importsWhere(from: (file: string) => boolean, banned: (imp: Import) => boolean): string[] {
  const found: string[] = [];
  for (const [file, mod] of project.modules) {
    if (!from(file)) continue;
    for (const imp of mod.imports) if (banned(imp)) found.push(`${file} imports '${imp.specifier}'`);
  }
  return found;
}

const under = (dir: string) => (target: string) => target === dir || target.startsWith(`${dir}/`);
const lineCount = (text: string) => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

describe('the import graph', () => {
  it('finds the cycle of a tiny in-memory graph, and none in an acyclic one', () => {
    // The graph code alone, on `{a:['b'], b:['a'], c:[]}`.
    expect(findCycles(new Map([['a', ['b']], ['b', ['a']], ['c', []]]))).toEqual(['a -> b -> a']);
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
    expect(findCycles(new Map([['a', ['a']]]))).toEqual(['a -> a']);

    // The same graph built from sources, the way a cycle is most easily missed: b's import of a is
    // appended after other code, side-effect only, single quotes, no `from`. An import in a comment
    // or a string is no import; `@/` and `~/` are the project root.
    const cyclic = analyse(new Map([
      ['lib/a.ts', "import { b } from './b';\nexport const a = b + 1;\n"],
      ['lib/b.ts', "export const b = 1;\nconsole.log(`${b}`, /'/.test('//'));\nimport './a';"],
      ['lib/c.ts', "// import './a';\n/* import '@/lib/a'; */\nexport const c = \"import './a'\";\n"],
    ]));
    expect(cyclic.graph).toEqual(new Map([['lib/a.ts', ['lib/b.ts']], ['lib/b.ts', ['lib/a.ts']], ['lib/c.ts', []]]));
    expect(findCycles(cyclic.graph)).toEqual(['lib/a.ts -> lib/b.ts -> lib/a.ts']);

    const acyclic = analyse(new Map([
      ['lib/a.ts', "import type { B } from '@/lib/b';\nexport type A = B;\n"],
      ['lib/b.ts', "export * from '~/lib/c';\nexport type B = number;\n"],
      ['lib/c.ts', "export const c = () => import('./d');\n"],
      ['lib/d/index.ts', 'export {};\n'],
    ]));
    expect(acyclic.graph.get('lib/c.ts')).toEqual(['lib/d/index.ts']);
    expect(findCycles(acyclic.graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(sources.size, 'no source files found: is ROOT right?').toBeGreaterThan(10);
    expect(findCycles(project.graph), 'import cycles (type-only imports count: a cycle of types is still a cycle to a reader)').toEqual([]);
  });
});

describe('layers', () => {
  it('keeps lib/ pure: no WXT, Preact, extension API or UI code', () => {
    const platform = /^(#imports$|wxt($|\/)|preact($|\/)|@preact\/|webextension-polyfill$)/;
    const ui = (t: string) => ['components', 'entrypoints', 'utils'].some((d) => under(d)(t));
    const imports = importsWhere(under('lib'), (imp) => platform.test(imp.target) || ui(imp.target));
    // Extension APIs in code (comments are gone from `code`): the entrypoints pass in what lib needs.
    const api = /(?<![\w$])(browser|chrome)\??\.(runtime|tabs|storage|action|alarms|permissions|commands|scripting)\b/g;
    const uses = [...project.modules]
      .filter(([file]) => under('lib')(file))
      .flatMap(([file, mod]) => [...new Set([...mod.code.matchAll(api)].map((m) => m[0]))].map((m) => `${file} uses ${m}`));
    expect([...imports, ...uses], 'lib/ must not import the platform or the UI, nor call extension APIs').toEqual([]);
  });

  it('keeps lib/protocol/ free of lib/store/ (the protocol owns its views)', () => {
    expect(importsWhere(under('lib/protocol'), (imp) => under('lib/store')(imp.target)), 'the store maps its rows to the protocol\'s views, not the reverse').toEqual([]);
  });

  it('keeps the UI away from the database', () => {
    const ui = (f: string) => under('components')(f) || /^entrypoints\/(popup|options|content)(\/|\.)/.test(f);
    const imports = importsWhere(ui, (imp) => under('lib/store')(imp.target) || /^dexie($|\/)/.test(imp.target));
    expect(imports, 'components/ and the popup, options and content entrypoints talk to the background through the protocol, not to lib/store or dexie').toEqual([]);
  });
});

describe('the background', () => {
  it('has a handler for every request type, and none for anything else', async () => {
    // Imported here, not at the top: a missing or broken module fails this check, not the file.
    const { Request } = await import('../../lib/protocol/messages');
    const { handlers } = await import('../../lib/background/handlers');
    const types = (Request.options as readonly { entries: { type: { literal: string } } }[]).map((o) => o.entries.type.literal);
    expect(types.length, 'no request types read from Request.options').toBeGreaterThan(0);
    const keys = Object.keys(handlers as object);
    const problems = [
      ...types.filter((t) => !keys.includes(t)).map((t) => `request type '${t}' has no handler`),
      ...keys.filter((k) => !types.includes(k)).map((k) => `handler '${k}' answers no request type`),
    ];
    expect(problems, 'lib/background/handlers.ts must answer exactly the request types of lib/protocol/messages.ts').toEqual([]);
  });
});

// ---- content features ------------------------------------------------------------------------

const FEATURE_SUPPORT = ['context.ts', 'index.ts'];
const featuresExist = () => existsSync(path.join(ROOT, FEATURES_DIR));
const missingFeatures = `${FEATURES_DIR}/ does not exist yet: the content script's features go there, one per file, listed in index.ts`;
/** The feature files: every source file directly in the folder but the context and the list. */
const featureFiles = () =>
  [...sources.keys()].filter((f) => path.posix.dirname(f) === FEATURES_DIR && /\.tsx?$/.test(f) && !FEATURE_SUPPORT.includes(path.posix.basename(f)));

/** Names the module exports as values (not types). */
function valueExports(ast: ts.SourceFile): string[] {
  const names: string[] = [];
  const exported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const s of ast.statements) {
    if (ts.isVariableStatement(s) && exported(s)) {
      for (const d of s.declarationList.declarations) names.push(d.name.getText(ast));
    } else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && exported(s)) {
      names.push(s.name?.text ?? 'default');
    } else if (ts.isExportAssignment(s)) {
      names.push('default');
    } else if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) if (!e.isTypeOnly) names.push(e.name.text);
    }
  }
  return names;
}

/** The `name: '...'` and the arity of `start` (as Function.length counts it) of a feature written in place. */
function featureShape(ast: ts.SourceFile): { name?: string; start?: number } {
  const arity = (fn: ts.SignatureDeclaration) => {
    const params = fn.parameters.filter((p) => !(ts.isIdentifier(p.name) && p.name.text === 'this'));
    const cut = params.findIndex((p) => p.initializer || p.dotDotDotToken);
    return cut === -1 ? params.length : cut;
  };
  const functions = new Map<string, ts.SignatureDeclaration>();
  let name: string | undefined;
  let start: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name) functions.set(node.name.text, node);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) functions.set(node.name.text, node.initializer);
    const key = (ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name) ? node.name.text : undefined;
    if (key === 'name' && ts.isPropertyAssignment(node) && ts.isStringLiteralLike(node.initializer)) name ??= node.initializer.text;
    if (key === 'start') start ??= ts.isPropertyAssignment(node) ? node.initializer : ts.isShorthandPropertyAssignment(node) ? node.name : node;
    ts.forEachChild(node, visit);
  };
  visit(ast);
  let fn: ts.SignatureDeclaration | undefined;
  if (start && (ts.isMethodDeclaration(start) || ts.isArrowFunction(start) || ts.isFunctionExpression(start))) fn = start;
  else if (start && ts.isIdentifier(start)) fn = functions.get(start.text);
  return { name, start: fn && arity(fn) };
}

describe('content features', () => {
  it('are one per file in components/page/features/, listed in FEATURES, which the content script starts', () => {
    expect(featuresExist(), missingFeatures).toBe(true);
    const index = project.modules.get(`${FEATURES_DIR}/index.ts`);
    expect(index, `${FEATURES_DIR}/index.ts is missing: it lists the features as FEATURES`).toBeDefined();
    expect(valueExports(index!.ast), `${FEATURES_DIR}/index.ts must export FEATURES`).toContain('FEATURES');

    const files = featureFiles();
    expect(files.length, `${FEATURES_DIR}/ has no feature files`).toBeGreaterThan(0);
    const listed = new Set(index!.imports.map((i) => i.target));
    const content = project.modules.get('entrypoints/content/index.tsx');
    const problems = [
      ...files.filter((f) => !listed.has(f)).map((f) => `${f} is not imported by ${FEATURES_DIR}/index.ts`),
      ...files.filter((f) => valueExports(project.modules.get(f)!.ast).length === 0).map((f) => `${f} exports no feature`),
      ...(/\bFEATURES\b/.test(content?.code ?? '') ? [] : ['entrypoints/content/index.tsx does not use FEATURES']),
    ];
    expect(problems, 'one feature per file, each listed in index.ts, all started by the content script').toEqual([]);
  });

  it('set up nothing that outlives the page context\'s signal', () => {
    expect(featuresExist(), missingFeatures).toBe(true);
    // Raw timers, frames, observers and message listeners are not tied to the page's lifetime; the
    // page context (context.ts, exempt) offers signal-bound `timeout`, `frame`, `listen` and
    // `onMessage`. A bare global call is banned (`page.timeout(` is fine), and so is `window.setTimeout(`.
    const banned = [
      /(?<![\w$.])(setTimeout|setInterval|requestAnimationFrame|requestIdleCallback)\s*\(/g,
      /(?<![\w$])(window|globalThis|self)\.(setTimeout|setInterval|requestAnimationFrame|requestIdleCallback)\s*\(/g,
      /\.onMessage\s*\.\s*addListener\s*\(/g,
      /(?<![\w$.])new\s+MutationObserver\s*\(/g,
    ];
    const offences: string[] = [];
    for (const [file, mod] of project.modules) {
      if (path.posix.dirname(file) !== FEATURES_DIR || file.endsWith('/context.ts')) continue;
      for (const re of banned) for (const m of mod.code.matchAll(re)) offences.push(`${file}: ${m[0]}`);
      // Every addEventListener(...) passes the signal (in its options). A listener on the signal
      // itself (`signal.addEventListener('abort', ...)`) is the teardown and dies with it.
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node)) {
          const callee = node.expression;
          const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
          if (name === 'addEventListener') {
            const args = node.arguments.map((a) => printer.printNode(ts.EmitHint.Expression, a, mod.ast)).join(', ');
            const onSignal = ts.isPropertyAccessExpression(callee) && /signal$/i.test(callee.expression.getText(mod.ast)) && /^['"`]abort['"`]/.test(args);
            if (!/signal/i.test(args) && !onSignal) {
              const line = mod.ast.getLineAndCharacterOfPosition(node.getStart(mod.ast)).line + 1;
              offences.push(`${file}:${line}: ${printer.printNode(ts.EmitHint.Expression, callee, mod.ast)}(${args}) without a signal`);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(mod.ast);
    }
    expect(offences, 'feature code that outlives the page context (use the context\'s timeout/frame/listen/onMessage, or pass { signal })').toEqual([]);
  });

  it('each have a unique name and a start(page, signal)', async () => {
    expect(featuresExist(), missingFeatures).toBe(true);
    // The features are imported and inspected. The unit project runs WXT's vitest plugin (the
    // #imports shim and a fake `browser`), so a feature that only touches the DOM inside start()
    // loads in Node. If loading fails all the same (a feature that reads the DOM or WXT at module
    // load), the check falls back to reading the sources, and says so in the test's output.
    let FEATURES: unknown;
    let loaded: Record<string, Record<string, unknown>> | undefined;
    try {
      ({ FEATURES } = await import(/* @vite-ignore */ pathToFileURL(path.join(ROOT, FEATURES_DIR, 'index.ts')).href));
      loaded = {};
      for (const f of featureFiles()) loaded[f] = await import(/* @vite-ignore */ pathToFileURL(path.join(ROOT, f)).href);
    } catch (error) {
      console.warn(`architecture.test: the features do not load in Node (${String(error)}); checking their sources only`);
      loaded = undefined;
    }

    if (loaded) {
      expect(Array.isArray(FEATURES), 'FEATURES must be an array of features').toBe(true);
      const features = FEATURES as { name?: unknown; start?: unknown }[];
      const isFeature = (x: unknown): boolean => typeof x === 'object' && x !== null && typeof (x as { start?: unknown }).start === 'function';
      const problems: string[] = [];
      features.forEach((f, i) => {
        const label = `FEATURES[${i}] (${typeof f?.name === 'string' ? `'${f.name}'` : 'no name'})`;
        if (typeof f?.name !== 'string' || f.name === '') problems.push(`${label} has no non-empty string name`);
        if (typeof f?.start !== 'function') problems.push(`${label} has no start function`);
        else if (f.start.length < 2) problems.push(`${label}: start takes ${f.start.length} parameters, not (page, signal)`);
      });
      const names = features.map((f) => f?.name);
      problems.push(...names.filter((n, i) => names.indexOf(n) !== i).map((n) => `feature name '${String(n)}' is used twice`));
      // One feature per file, and that one in FEATURES.
      for (const [file, exports] of Object.entries(loaded)) {
        const own = Object.values(exports).filter(isFeature);
        if (own.length !== 1) problems.push(`${file} exports ${own.length} features, not one`);
        for (const f of own) if (!features.includes(f as never)) problems.push(`${file}: '${String((f as { name?: unknown }).name)}' is not in FEATURES`);
      }
      if (features.length !== featureFiles().length) problems.push(`FEATURES has ${features.length} features for ${featureFiles().length} feature files`);
      expect(problems, 'features').toEqual([]);
    } else {
      // Sources only: one exported value per file, a `name: '...'` unique across files, a start
      // whose parameters before any default or rest number at least two (what `start.length` counts).
      const problems: string[] = [];
      const names: string[] = [];
      for (const f of featureFiles()) {
        const { ast } = project.modules.get(f)!;
        const exportsOf = valueExports(ast);
        if (exportsOf.length !== 1) problems.push(`${f} exports ${exportsOf.length} values (${exportsOf.join(', ')}), not one feature`);
        const { name, start } = featureShape(ast);
        if (!name) problems.push(`${f} has no name: '...'`);
        else names.push(name);
        if (start === undefined) problems.push(`${f} has no start function`);
        else if (start < 2) problems.push(`${f}: start takes ${start} parameters, not (page, signal)`);
      }
      problems.push(...names.filter((n, i) => names.indexOf(n) !== i).map((n) => `feature name '${n}' used twice`));
      expect(problems, 'features').toEqual([]);
    }
  });
});

// ---- sizes -----------------------------------------------------------------------------------

describe('sizes', () => {
  it('keeps every source file within 400 lines', () => {
    const big = [...sources].filter(([, text]) => lineCount(text) > 400).map(([file, text]) => `${file}: ${lineCount(text)} lines`);
    expect(big, 'source files over 400 lines: split them').toEqual([]);
  });

  it('keeps the entrypoints wiring only (content script ≤ 120 lines, background ≤ 80)', () => {
    const limits: [string, number][] = [['entrypoints/content/index.tsx', 120], ['entrypoints/background.ts', 80]];
    const over = limits
      .filter(([file]) => sources.has(file))
      .filter(([file, max]) => lineCount(sources.get(file)!) > max)
      .map(([file, max]) => `${file}: ${lineCount(sources.get(file)!)} lines (at most ${max})`);
    expect(limits.filter(([file]) => !sources.has(file)).map(([f]) => `${f} is missing`), 'entrypoints').toEqual([]);
    expect(over, 'entrypoints are wiring: move the logic into lib/ or components/').toEqual([]);
  });
});
