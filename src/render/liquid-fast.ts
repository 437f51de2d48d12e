/**
 * Runs a Liquid template as plain functions instead of liquidjs's generators.
 *
 * liquidjs evaluates every tag and output through generator trampolining (toValueSync), which
 * cost more than everything else in `render site`. Here the template is parsed by liquidjs itself
 * (so whitespace control, tag syntax and expressions are exactly its own, and the parse is the one
 * liquidjs caches) and the parsed tree is turned into closures that do what liquidjs's render
 * methods do, step by step, without generators. Filters are not reimplemented: the closures call
 * the very handlers liquidjs would call (registered in liquid.ts), with a real liquidjs Context.
 *
 * Only what the built-in templates use is compiled: text, `{{ }}` with filters, if/elsif/else,
 * unless, for (no modifiers), assign, capture, comment and raw. Anything else (another tag, a
 * filter outside the list, a for with limit/offset, grouped expressions) makes the whole
 * template run on liquidjs, as does any error: a failing render is run again by liquidjs, so the
 * error the user sees is liquidjs's own, word for word.
 *
 * Which templates take this path: only the built-in ones (templates/ of the program). The
 * closures are exact for what they accept and count memory as liquidjs does, but they check the
 * time limit once per loop rather than before every node, and the tests prove them byte for byte
 * over whole workspaces only for the built-in templates. A workspace's own template is input
 * nobody has checked, so it keeps liquidjs with every limit exactly as liquidjs applies it; a
 * workspace that overrides, say, plan.md.liquid renders its plans at liquidjs's speed.
 *
 * The closures read some private fields of liquidjs's parsed tree (Filter.handler, HTML.str,
 * Expression.postfix, ...): a tree not shaped as expected makes the template run on liquidjs, and
 * tests/render/liquid-fast*.test.ts catch any other difference after an upgrade of liquidjs.
 */
import { isAbsolute, relative } from 'node:path';
import {
  AssignTag,
  CaptureTag,
  CommentTag,
  Context,
  Drop,
  ForTag,
  IfTag,
  Output,
  RawTag,
  TokenKind,
  UnlessTag,
  defaultOperators,
  filters as builtinFilters,
  isFalsy,
  isTruthy,
  toValue,
  toValueSync,
  type Liquid,
  type Template,
} from 'liquidjs';
import { templateDir } from '../paths.js';

/**
 * A compiled piece of template: appends what it writes to `out`. One array per render, joined
 * once, hands on a flat string: built with += it would be a rope of thousands of pieces that the
 * first search in it (tidyMarkdown's) has to flatten.
 */
type Run = (ctx: Context, out: string[]) => void;
/** A compiled expression: its value, Drops kept (as liquidjs's evalToken). */
type Eval = (ctx: Context) => unknown;

/** Thrown while compiling when the template uses something this evaluator does not do. */
class Unsupported extends Error {}

/** Built-in filters the templates use; every filter registered in liquid.ts is allowed as well. */
const BUILTIN_FILTERS = ['default', 'downcase', 'escape', 'raw'] as const;

/** The parts of liquidjs's parsed tree read here that its typings keep private. */
interface TokenLike {
  kind: number;
  content?: unknown;
  getText(): string;
  file?: string;
  variable?: TokenLike;
  props?: TokenLike[];
  lhs?: TokenLike;
  rhs?: TokenLike;
  operator?: string;
}
interface FilterLike {
  name: string;
  args: Array<TokenLike | [string, TokenLike]>;
  handler: (...args: unknown[]) => unknown;
  token: unknown;
}
interface ValueLike {
  initial: { postfix: TokenLike[] };
  filters: FilterLike[];
}

const hasOwn = Object.prototype.hasOwnProperty;
const objectToString = Object.prototype.toString;

// liquidjs's own type tests, as it writes them (an object whose toStringTag says Array is an array to it).
function isArray(value: unknown): value is unknown[] {
  return objectToString.call(value) === '[object Array]';
}
function isObject(value: unknown): value is object {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}
function isIterator(value: unknown): boolean {
  const v = value as { next?: unknown; throw?: unknown; return?: unknown } | null | undefined;
  return !!v && typeof v.next === 'function' && typeof v.throw === 'function' && typeof v.return === 'function';
}

/**
 * A value as liquidjs's trampoline passes it on: every value it yields that is an iterator (a
 * generator, say a Drop's method written as one) is run to its end first. Data from the view
 * models never is one; the check keeps the two paths the same if some day it were.
 */
function resolved(value: unknown): unknown {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && isIterator(value) ? toValueSync(value) : value;
}

/** liquidjs's stringify: what the emitter writes for a value. */
function stringify(value: unknown): string {
  value = toValue(value);
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (isArray(value)) return value.map((x) => stringify(x)).join('');
  return String(value);
}

function toLiquid(value: unknown): unknown {
  const v = value as { toLiquid?: unknown } | null | undefined;
  if (v && typeof v.toLiquid === 'function') return toLiquid((v.toLiquid as () => unknown)());
  return value;
}

function readArrayElement(arr: unknown[], index: number, ownPropertyOnly: boolean): unknown {
  if (index < 0) index = arr.length + index;
  if (ownPropertyOnly && !hasOwn.call(arr, index)) return undefined;
  return arr[index];
}

function readJSProperty(obj: object, key: unknown, ownPropertyOnly: boolean): unknown {
  if (ownPropertyOnly && !hasOwn.call(obj, key as PropertyKey) && !(obj instanceof Drop)) return undefined;
  return (obj as Record<PropertyKey, unknown>)[key as PropertyKey];
}

function readSize(obj: object): unknown {
  const o = obj as Record<string, unknown>;
  if (hasOwn.call(obj, 'size') || o['size'] !== undefined) return o['size'];
  if (isArray(obj) || typeof obj === 'string') return (obj as { length: number }).length;
  if (typeof obj === 'object') return Object.keys(obj).length;
  return undefined;
}

/** Context.readProperty of liquidjs: `.size`, `.first`, `.last`, Drops, and own properties only when asked. */
function readProperty(ctx: Context, obj: unknown, key: unknown, ownPropertyOnly: boolean): unknown {
  // The common case first, with the same outcome as the general steps below: a name read from a
  // plain object of the view model.
  if (ownPropertyOnly && typeof key === 'string' && typeof obj === 'object' && obj !== null && !(obj instanceof Drop) && typeof (obj as { toLiquid?: unknown }).toLiquid !== 'function') {
    if (hasOwn.call(obj, key)) {
      const value = (obj as Record<string, unknown>)[key];
      return typeof value === 'function' ? (value as () => unknown).call(obj) : value;
    }
    if (key !== 'size' && key !== 'first' && key !== 'last') return undefined;
  }
  obj = toLiquid(obj);
  key = toValue(key);
  if (obj === null || obj === undefined) return obj;
  if (typeof key === 'number' && isArray(obj)) return readArrayElement(obj, key, ownPropertyOnly);
  const value = readJSProperty(obj as object, key, ownPropertyOnly);
  if (value === undefined && obj instanceof Drop) return obj.liquidMethodMissing(key as string, ctx);
  if (typeof value === 'function') return (value as () => unknown).call(obj);
  if (key === 'size') return readSize(obj as object);
  if (key === 'first') return isArray(obj) ? readArrayElement(obj, 0, ownPropertyOnly) : readJSProperty(obj as object, 'first', ownPropertyOnly);
  if (key === 'last') return isArray(obj) ? readArrayElement(obj, -1, ownPropertyOnly) : readJSProperty(obj as object, 'last', ownPropertyOnly);
  return value;
}

function scopesOf(ctx: Context): object[] {
  return (ctx as unknown as { scopes: object[] }).scopes;
}

/** Context.findScope: the innermost scope that has the name, then the data, then the globals. */
function findScope(ctx: Context, key: unknown): object {
  const scopes = scopesOf(ctx);
  for (let i = scopes.length - 1; i >= 0; i--) {
    if ((key as PropertyKey) in scopes[i]) return scopes[i];
  }
  if ((key as PropertyKey) in ctx.environments) return ctx.environments;
  return ctx.globals;
}

function toEnumerable(value: unknown): unknown[] {
  value = toValue(value);
  if (isArray(value)) return value;
  if (typeof value === 'string' && value.length > 0) return [value];
  if (isObject(value) && Symbol.iterator in value) return Array.from(value as Iterable<unknown>);
  if (isObject(value)) return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  return [];
}

/**
 * liquidjs's `forloop`: the same fields in the same order (`{{ forloop }}` prints them as JSON)
 * and the same methods, read through the Drop rules as liquidjs reads its own.
 */
class Forloop extends Drop {
  i = 0;
  length: number;
  name: string;
  constructor(length: number, name: string) {
    super();
    this.length = length;
    this.name = name;
  }
  index0(): number {
    return this.i;
  }
  index(): number {
    return this.i + 1;
  }
  first(): boolean {
    return this.i === 0;
  }
  last(): boolean {
    return this.i === this.length - 1;
  }
  rindex(): number {
    return this.length - this.i;
  }
  rindex0(): number {
    return this.length - this.i - 1;
  }
  override valueOf(): string {
    return JSON.stringify(this);
  }
}

/** Values for which liquidjs's operators do nothing but compare them as JavaScript does. */
function isPlain(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

const PLAIN_COMPARISONS: Record<string, ((l: number, r: number) => boolean) | undefined> = {
  '==': (l, r) => l === r,
  '!=': (l, r) => l !== r,
  '>': (l, r) => l > r,
  '<': (l, r) => l < r,
  '>=': (l, r) => l >= r,
  '<=': (l, r) => l <= r,
};

class Compiler {
  private readonly ownPropertyOnly: boolean;
  private readonly jsTruthy: boolean;
  private readonly allowedFilters: Set<unknown>;
  /** The variables of the for loops around the piece being compiled, outermost first. */
  private readonly loops: string[] = [];

  constructor(private readonly engine: Liquid) {
    const options = engine.options;
    this.ownPropertyOnly = !!options.ownPropertyOnly;
    this.jsTruthy = !!options.jsTruthy;
    // Options under which liquidjs renders differently from the closures below.
    if (options.strictVariables || options.lenientIf || options.keepOutputType || options.catchAllErrors || options.groupedExpressions) throw new Unsupported('options');
    if (options.globals && Object.keys(options.globals).length > 0) throw new Unsupported('globals');
    const allowed = new Set<unknown>([options.outputEscape]);
    for (const [name, impl] of Object.entries(engine.filters)) {
      const builtin = (builtinFilters as Record<string, unknown>)[name];
      if (impl !== builtin || (BUILTIN_FILTERS as readonly string[]).includes(name)) allowed.add(typeof impl === 'function' ? impl : impl.handler);
    }
    this.allowedFilters = allowed;
  }

  private truthy(value: unknown): boolean {
    value = toValue(value);
    return this.jsTruthy ? !!value : value !== false && value !== undefined && value !== null;
  }

  block(templates: readonly Template[]): Run {
    const runs: Run[] = [];
    let text = '';
    const flush = (): void => {
      if (text === '') return;
      const t = text;
      runs.push((_, out) => {
        out.push(t);
      });
      text = '';
    };
    for (const tpl of templates) {
      const fixed = this.fixedText(tpl);
      if (fixed !== undefined) {
        text += fixed;
        continue;
      }
      flush();
      runs.push(this.node(tpl));
    }
    flush();
    if (runs.length === 0) return () => {};
    if (runs.length === 1) return runs[0];
    return (ctx, out) => {
      for (let i = 0; i < runs.length; i++) runs[i](ctx, out);
    };
  }

  /** The text a node always writes (text, a comment, a raw block), or undefined if it depends on the data. */
  private fixedText(tpl: Template): string | undefined {
    const token = tpl.token as unknown as TokenLike;
    if (token.kind === TokenKind.HTML && typeof (tpl as unknown as { str?: unknown }).str === 'string') return (tpl as unknown as { str: string }).str;
    if (tpl.constructor === CommentTag) return '';
    if (tpl.constructor === RawTag) return (tpl as unknown as { tokens: TokenLike[] }).tokens.map((t) => t.getText()).join('');
    return undefined;
  }

  private node(tpl: Template): Run {
    switch (tpl.constructor) {
      case Output: {
        const value = this.value((tpl as Output).value as unknown as ValueLike);
        return (ctx, out) => {
          out.push(stringify(resolved(toValue(value(ctx)))));
        };
      }
      case IfTag:
        return this.ifTag(tpl as IfTag);
      case UnlessTag:
        return this.unlessTag(tpl as UnlessTag);
      case ForTag:
        return this.forTag(tpl as ForTag);
      case AssignTag: {
        const tag = tpl as unknown as { key: string; value: ValueLike };
        const key = tag.key;
        const value = this.value(tag.value);
        return (ctx) => {
          (ctx.bottom() as Record<string, unknown>)[key] = value(ctx);
        };
      }
      case CaptureTag: {
        const tag = tpl as CaptureTag;
        const name = tag.variable;
        const body = this.block(tag.templates);
        return (ctx) => {
          const parts: string[] = [];
          body(ctx, parts);
          (ctx.bottom() as Record<string, unknown>)[name] = parts.join('');
        };
      }
      default:
        throw new Unsupported((tpl as { name?: string }).name ?? 'node');
    }
  }

  private ifTag(tag: IfTag): Run {
    const branches = tag.branches.map((b) => ({ test: this.value(b.value as unknown as ValueLike), body: this.block(b.templates) }));
    const otherwise = this.block(tag.elseTemplates ?? []);
    return (ctx, out) => {
      for (let i = 0; i < branches.length; i++) {
        if (this.truthy(resolved(toValue(branches[i].test(ctx))))) return branches[i].body(ctx, out);
      }
      otherwise(ctx, out);
    };
  }

  private unlessTag(tag: UnlessTag): Run {
    const branches = tag.branches.map((b) => {
      if (b.test !== isFalsy && b.test !== isTruthy) throw new Unsupported('unless');
      return { negate: b.test === isFalsy, test: this.value(b.value as unknown as ValueLike), body: this.block(b.templates) };
    });
    const otherwise = this.block(tag.elseTemplates);
    return (ctx, out) => {
      for (let i = 0; i < branches.length; i++) {
        const b = branches[i];
        if (this.truthy(resolved(toValue(b.test(ctx)))) !== b.negate) return b.body(ctx, out);
      }
      otherwise(ctx, out);
    };
  }

  private forTag(tag: ForTag): Run {
    // limit/offset/reversed (and the `continue` register they feed) are not done here.
    if (Object.keys(tag.hash.hash).length > 0) throw new Unsupported('for modifiers');
    const collectionToken = tag.collection as unknown as TokenLike;
    const collection = this.token(collectionToken);
    const variable = tag.variable;
    const name = `${variable}-${collectionToken.getText()}`;
    const otherwise = this.block(tag.elseTemplates);
    this.loops.push(variable);
    const body = this.block(tag.templates);
    this.loops.pop();
    return (ctx, out) => {
      const items = toEnumerable(collection(ctx));
      if (items.length === 0) return otherwise(ctx, out);
      const forloop = new Forloop(items.length, name);
      const scope = Object.create(null) as Record<string, unknown>;
      scope.forloop = forloop;
      // liquidjs checks its time limit before every node; here once per loop, as each loop is over a
      // finite list and the built-in templates nest them only a few deep.
      ctx.renderLimit.check(performance.now());
      ctx.push(scope);
      for (const item of items) {
        scope[variable] = item;
        body(ctx, out);
        forloop.i++;
      }
      ctx.pop();
    };
  }

  /** Value.value: the expression, then each filter with its arguments. */
  private value(value: ValueLike): Eval {
    let run = this.expression(value.initial.postfix);
    for (const filter of value.filters) run = this.filter(run, filter);
    return run;
  }

  private filter(input: Eval, filter: FilterLike): Eval {
    if (!this.allowedFilters.has(filter.handler)) throw new Unsupported(`filter ${filter.name}`);
    const handler = filter.handler;
    const token = filter.token;
    const liquid = this.engine;
    const args = filter.args.map((arg): ((ctx: Context) => unknown) => {
      if (isArray(arg)) {
        const [key, valueToken] = arg as [string, TokenLike];
        const value = this.token(valueToken);
        return (ctx) => [key, value(ctx)];
      }
      return this.token(arg as TokenLike);
    });
    const call = (ctx: Context, argv: unknown[]): unknown => {
      return resolved(handler.apply({ context: ctx, token, liquid }, argv));
    };
    if (args.length === 0) return (ctx) => call(ctx, [input(ctx)]);
    if (args.length === 1) {
      const only = args[0];
      return (ctx) => {
        const value = input(ctx);
        return call(ctx, [value, only(ctx)]);
      };
    }
    return (ctx) => {
      const argv = [input(ctx)];
      for (const arg of args) argv.push(arg(ctx));
      return call(ctx, argv);
    };
  }

  /** Expression.evaluate, its postfix stack done once at compile time. Every operand is evaluated, as there. */
  private expression(postfix: readonly TokenLike[]): Eval {
    const stack: Eval[] = [];
    for (const token of postfix) {
      if (token.kind === TokenKind.Operator) {
        const operator = token.operator!;
        if (operator === 'not') {
          const operand = stack.pop();
          if (!operand) throw new Unsupported('not');
          stack.push(this.unary(operator, operand));
        } else {
          const right = stack.pop();
          const left = stack.pop();
          if (!left || !right) throw new Unsupported('operator');
          stack.push(this.binary(operator, left, right));
        }
      } else {
        stack.push(this.token(token));
      }
    }
    if (stack.length !== 1) throw new Unsupported('expression');
    return stack[0];
  }

  private unary(operator: string, operand: Eval): Eval {
    const op = this.engine.options.operators[operator] as unknown as (v: unknown, ctx: Context) => unknown;
    if (op !== (defaultOperators.not as unknown)) return (ctx) => toValueSync(op(operand(ctx), ctx));
    return (ctx) => !this.truthy(resolved(toValue(operand(ctx))));
  }

  private binary(operator: string, left: Eval, right: Eval): Eval {
    const op = this.engine.options.operators[operator] as unknown as ((l: unknown, r: unknown, ctx: Context) => unknown) | undefined;
    if (!op) throw new Unsupported(`operator ${operator}`);
    const general = (l: unknown, r: unknown, ctx: Context): unknown => toValueSync(op(l, r, ctx));
    const isDefault = op === (defaultOperators as unknown as Record<string, unknown>)[operator];
    if (isDefault && (operator === 'and' || operator === 'or')) {
      const and = operator === 'and';
      return (ctx) => {
        const l = resolved(toValue(left(ctx)));
        const r = resolved(toValue(right(ctx)));
        return and ? this.truthy(l) && this.truthy(r) : this.truthy(l) || this.truthy(r);
      };
    }
    // liquidjs's comparisons of plain values (no Drop, no array) are JavaScript's; anything else goes through them.
    const plain = isDefault ? PLAIN_COMPARISONS[operator] : undefined;
    if (!plain) {
      return (ctx) => {
        const l = left(ctx);
        return general(l, right(ctx), ctx);
      };
    }
    return (ctx) => {
      const l = left(ctx);
      const r = right(ctx);
      return isPlain(l) && isPlain(r) ? plain(l as number, r as number) : general(l, r, ctx);
    };
  }

  /** evalToken: a literal, a property access or a range. */
  private token(token: TokenLike | undefined): Eval {
    if (!token) return () => undefined;
    if ('content' in token) {
      const content = token.content;
      return () => content;
    }
    if (token.kind === TokenKind.PropertyAccess) return this.propertyAccess(token);
    if (token.kind === TokenKind.Range) {
      const low = this.token(token.lhs);
      const high = this.token(token.rhs);
      return (ctx) => {
        const lo = resolved(toValue(low(ctx))) as number;
        const hi = resolved(toValue(high(ctx))) as number;
        ctx.memoryLimit.use(hi - lo + 1);
        const out: number[] = [];
        for (let i = +lo; i < +hi + 1; i++) out.push(i);
        return out;
      };
    }
    throw new Unsupported(`token ${token.kind}`);
  }

  /**
   * findScope for a name known when compiling. The scopes are the bottom one (assign, capture)
   * and one per for loop around, each holding only its variable and `forloop`, so which loop's
   * scope has the name is known here; any other name is in the bottom scope, the data or nowhere.
   */
  private rootScope(name: unknown): ((ctx: Context) => object) | undefined {
    if (typeof name !== 'string') return undefined;
    for (let i = this.loops.length - 1; i >= 0; i--) {
      if (this.loops[i] === name || name === 'forloop') {
        const at = i + 1;
        return (ctx) => scopesOf(ctx)[at];
      }
    }
    return (ctx) => {
      const bottom = scopesOf(ctx)[0];
      if (name in bottom) return bottom;
      return name in ctx.environments ? ctx.environments : ctx.globals;
    };
  }

  /** evalPropertyAccessToken: `a.b[c].size`, read from the innermost scope that has `a`. */
  private propertyAccess(token: TokenLike): Eval {
    const own = this.ownPropertyOnly;
    const props = (token.props ?? []).map((prop): { fixed: boolean; value: unknown; run?: Eval } => {
      if ('content' in prop) return { fixed: true, value: toValue(prop.content) };
      const run = this.token(prop);
      return { fixed: false, value: undefined, run };
    });
    const keys = (ctx: Context): unknown[] => props.map((p) => (p.fixed ? p.value : resolved(toValue(p.run!(ctx)))));
    const allFixed = props.every((p) => p.fixed);
    const fixedKeys = allFixed ? props.map((p) => p.value) : [];
    if (token.variable) {
      const variable = this.token(token.variable);
      return (ctx) => {
        const path = allFixed ? fixedKeys : keys(ctx);
        let scope = variable(ctx);
        for (let i = 0; i < path.length; i++) scope = resolved(readProperty(ctx, scope, path[i], own));
        return scope;
      };
    }
    if (props.length === 0) throw new Unsupported('empty property access');
    const root = this.rootScope(props[0].fixed ? props[0].value : undefined);
    return (ctx) => {
      const path = allFixed ? fixedKeys : keys(ctx);
      let scope: unknown = root ? root(ctx) : findScope(ctx, path[0]);
      for (let i = 0; i < path.length; i++) scope = resolved(readProperty(ctx, scope, path[i], own));
      return scope;
    };
  }
}

/** What a template file compiles to, per engine; null: liquidjs runs it. */
const compiled = new WeakMap<Liquid, Map<string, Run | null>>();

/** Whether `file` lies inside the program's own templates folder. */
function isBuiltIn(file: string | undefined): boolean {
  if (file === undefined) return false;
  const rel = relative(templateDir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Compiles liquidjs-parsed templates, or returns undefined when they use something the closures
 * do not do. Exported for the tests, which compare it with liquidjs on template text.
 */
export function compileTemplates(engine: Liquid, templates: readonly Template[]): ((data: object) => string) | undefined {
  let run: Run;
  try {
    run = new Compiler(engine).block(templates);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return (data) => render(engine, run, data);
}

function render(engine: Liquid, run: Run, data: object): string {
  // The context as Liquid._render builds it, so the filters see the same one, with its limits.
  const ctx = new Context(data, engine.options, { sync: true }, { liquid: engine });
  ctx.renderLimit.check(performance.now());
  const out: string[] = [];
  run(ctx, out);
  return out.join('');
}

function compileFile(engine: Liquid, file: string): Run | null {
  let templates: Template[];
  try {
    // liquidjs's own parse, from its cache: the same tree renderFileSync would run.
    templates = engine.parseFileSync(file);
  } catch {
    return null;
  }
  // The path the template was read from: only the built-in ones take the fast path (see the top).
  const source = templates.length > 0 ? (templates[0].token as unknown as TokenLike).file : undefined;
  if (!isBuiltIn(source)) return null;
  try {
    return new Compiler(engine).block(templates);
  } catch {
    // Unsupported, or a parsed tree not shaped as this liquidjs version's (the closures read some
    // of its private fields): liquidjs runs the template. The tests compile through
    // compileTemplates, where such an error surfaces.
    return null;
  }
}

/**
 * Renders a template file, byte for byte as `engine.renderFileSync(file, data)` would: through
 * the compiled closures when it is a built-in template that uses only what they do, else (and
 * whenever the closures fail, so that the error is liquidjs's) through liquidjs.
 */
export function renderLiquidFile(engine: Liquid, file: string, data: object): string {
  let cache = compiled.get(engine);
  if (!cache) compiled.set(engine, (cache = new Map()));
  let run = cache.get(file);
  if (run === undefined) cache.set(file, (run = compileFile(engine, file)));
  if (run) {
    try {
      return render(engine, run, data);
    } catch {
      // Nothing is written before the closures return, so running it again is safe.
    }
  }
  return engine.renderFileSync(file, data);
}
