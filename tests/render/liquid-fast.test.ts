/**
 * The compiled templates (src/render/liquid-fast.ts) against liquidjs, construct by construct:
 * every case renders the same template text both ways and must give the same bytes; the cases
 * also say what that output is, so that both agreeing on something wrong is caught too.
 */
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Drop, type Liquid } from 'liquidjs';
import { compileTemplates, renderLiquidFile } from '../../src/render/liquid-fast.js';
import { createLiquid } from '../../src/render/liquid.js';
import { labelsFor } from '../../src/i18n/index.js';
import { templateDir } from '../../src/paths.js';

const env = createLiquid({ lang: 'sv' });

/** Renders `text` with liquidjs and with the compiled closures; both must agree, and the result is returned. */
function both(text: string, data: object, engine: Liquid = env.markdown): string {
  const slow = engine.renderSync(engine.parse(text), data) as string;
  const run = compileTemplates(engine, engine.parse(text));
  expect(run, `compiled: ${text}`).toBeDefined();
  expect(run!(data)).toBe(slow);
  return slow;
}

describe('liquid-fast: whitespace control (greedy: false)', () => {
  it.each([
    ['a\n{% if x -%}\n  b\n{% endif -%}\nc\n', 'a\n  b\nc\n'],
    // Not greedy: `{%-` takes the spaces before it on its line, not the line break.
    ['a\n{%- if x %}\nb\n{%- endif %}\nc', 'a\n\nb\n\nc'],
    ['a  {%- if x %}b  {%- endif %}', 'ab'],
    ['{%- comment -%}\n  note\n{%- endcomment -%}\n# T\n', '# T\n'],
    ['x  {{- x -}}  y', 'xtruey'],
    ['| a |{% for i in xs %} {{ i }} |{% endfor %}\n', '| a | 1 | 2 |\n'],
    ['{% for i in xs -%}\n- {{ i }}\n{% endfor %}\n\nend', '- 1\n- 2\n\n\nend'],
  ])('%j', (text, expected) => {
    expect(both(text, { x: true, xs: [1, 2] })).toBe(expected);
  });
});

describe('liquid-fast: truthiness (only false, nil and undefined are false)', () => {
  it.each([
    ['', 'T'],
    [0, 'T'],
    [[], 'T'],
    [{}, 'T'],
    ['x', 'T'],
    [true, 'T'],
    [false, 'F'],
    [null, 'F'],
    [undefined, 'F'],
  ])('%j', (value, expected) => {
    expect(both('{% if v %}T{% else %}F{% endif %}', { v: value })).toBe(expected);
    expect(both('{% unless v %}F{% else %}T{% endunless %}', { v: value })).toBe(expected);
    expect(both('{% if v and true %}T{% else %}F{% endif %}', { v: value })).toBe(expected);
    expect(both('{% if false or v %}T{% else %}F{% endif %}', { v: value })).toBe(expected);
  });

  it('elsif and else take the first true branch; unless with elsif', () => {
    const text = '{% if a %}A{% elsif b %}B{% else %}C{% endif %}|{% unless a %}notA{% elsif b %}B{% else %}else{% endunless %}';
    expect(both(text, { a: 1, b: 1 })).toBe('A|B');
    expect(both(text, { a: null, b: 1 })).toBe('B|notA');
    expect(both(text, { a: false })).toBe('C|notA');
    expect(both(text, { a: 'x', b: false })).toBe('A|else');
  });
});

describe('liquid-fast: comparisons', () => {
  const data = { n: 3, zero: 0, s: 'md', list: ['a', 'b'], none: [], str: 'abc', nothing: null, obj: { k: 1 } };
  it.each([
    ['n > 2', true],
    ['n < 2', false],
    ['n >= 3', true],
    ['n <= 2', false],
    ['n == 3', true],
    ["n == '3'", false],
    ['zero == 0', true],
    ["s != 'md'", false],
    ["s == 'md'", true],
    ['list.size > 0', true],
    ['none.size == 0', true],
    // `empty` is liquidjs's literal, not the data's: it has no size, and is not equal to itself.
    ['empty.size == 0', false],
    ['missing.size > 0', false],
    ["list contains 'b'", true],
    ["str contains 'bc'", true],
    ['list == empty', false],
    ['none == empty', true],
    ['empty == empty', false],
    ["str != blank", true],
    ['nothing == nil', true],
    ['missing == nil', true],
    ['obj == obj', true],
    ['n > 1 and zero or nothing', true],
    ['nothing or n == 4 and s', false],
    ['not n', false],
  ])('%s', (condition, expected) => {
    expect(both(`{% if ${condition} %}yes{% else %}no{% endif %}`, data)).toBe(expected ? 'yes' : 'no');
  });
});

describe('liquid-fast: property access', () => {
  class WithProto {
    own = 'own';
  }
  (WithProto.prototype as unknown as Record<string, unknown>).inherited = 'INHERITED';
  const data = {
    a: { b: { c: 'deep' }, list: [1, 2, 3], text: 'hello', size: 'own size' },
    arr: ['x', 'y', 'z'],
    obj: { one: 1, two: 2 },
    inst: new WithProto(),
    l: { rating: { 'not-met': 'Ej uppfyllt' } },
    key: 'b',
    index: 1,
  };

  it.each([
    ['{{ a.b.c }}', 'deep'],
    ['{{ a.b.missing }}|{{ nope }}|{{ nope.deeper.still }}', '||'],
    ['{{ a.list.size }} {{ a.text.size }} {{ obj.size }} {{ a.size }}', '3 5 2 own size'],
    ['{{ arr.first }} {{ arr.last }} {{ arr[1] }} {{ arr[-1] }} {{ arr[index] }}', 'x z y z y'],
    ["{{ l.rating['not-met'] }} {{ a[key].c }}", 'Ej uppfyllt deep'],
    ['{{ inst.own }}|{{ inst.inherited }}|{{ a.constructor }}|{{ a.toString }}|{{ arr.length }}', 'own||||3'],
    ['{{ a.list }}|{{ a.list | raw }}', '1, 2, 3|123'],
  ])('%s', (text, expected) => {
    expect(both(text, data)).toBe(expected);
  });

  it('Drops: methods are called, missing names asked for, valueOf used for truth and output', () => {
    class Person extends Drop {
      name = 'Nils';
      greeting(): string {
        return 'hej';
      }
      override liquidMethodMissing(key: string): string {
        return `no ${key}`;
      }
    }
    class Off extends Drop {
      override valueOf(): boolean {
        return false;
      }
    }
    const data = { p: new Person(), off: new Off() };
    expect(both('{{ p.name }} {{ p.greeting }} {{ p.other }}|{% if off %}on{% else %}off{% endif %}|{{ off | raw }}', data)).toBe('Nils hej no other|off|false');
  });

  it('a generator met on the way is run to its end, as liquidjs does', () => {
    const data = () => ({
      lazy: (function* () {
        yield 'first';
        return { title: 'T' };
      })(),
    });
    const text = '{{ lazy.title }}';
    const slow = env.markdown.renderSync(env.markdown.parse(text), data());
    expect(compileTemplates(env.markdown, env.markdown.parse(text))!(data())).toBe(slow);
    expect(slow).toBe('T');
  });

  it('reads nothing a plain object only inherits, at the top either', () => {
    const data2 = Object.assign(Object.create({ secret: 'INHERITED' }) as object, { shown: 'yes' });
    expect(both('{{ shown }}{{ secret }}{{ constructor }}{{ hasOwnProperty }}', data2)).toBe('yes');
  });
});

describe('liquid-fast: for loops', () => {
  it('forloop fields, printed and read', () => {
    const out = both('{% for i in xs %}{{ forloop.index }}/{{ forloop.index0 }}/{{ forloop.rindex }}/{{ forloop.rindex0 }}/{{ forloop.first | raw }}/{{ forloop.last | raw }}/{{ forloop.length }}/{{ forloop.missing }};{% endfor %}', { xs: ['a', 'b', 'c'] });
    expect(out).toBe('1/0/3/2/true/false/3/;2/1/2/1/false/false/3/;3/2/1/0/false/true/3/;');
    expect(both('{% for i in xs %}{{ forloop | raw }}{% endfor %}', { xs: [1] })).toBe('{"i":0,"length":1,"name":"i-xs"}');
  });

  it('nested loops, the same name inside and out, and the else branch', () => {
    const data = { rows: [{ cells: [1, 2] }, { cells: [] }], i: 'outer' };
    expect(both('{% for r in rows %}[{% for c in r.cells %}{{ c }}{% unless forloop.last %},{% endunless %}{% else %}none{% endfor %}:{{ forloop.index }}]{% endfor %}', data)).toBe('[1,2:1][none:2]');
    expect(both('{% for i in rows %}{% for i in i.cells %}{{ i }}{% endfor %}{% endfor %}{{ i }}', data)).toBe('12outer');
  });

  it.each([
    [{ xs: 'word' }, 'word;'],
    [{ xs: { a: 1, b: 2 } }, 'a, 1;b, 2;'],
    [{ xs: 7 }, 'else'],
    [{ xs: null }, 'else'],
    [{ xs: '' }, 'else'],
    [{}, 'else'],
    [{ xs: new Set(['s']) }, 's;'],
  ])('over %j', (data, expected) => {
    expect(both('{% for x in xs %}{{ x }};{% else %}else{% endfor %}', data)).toBe(expected);
  });

  it('which scope a name is read from: the loop, an assign, the data', () => {
    const data = { xs: [1, 2], x: 'data', forloop: 'data forloop', a: 'data a' };
    expect(both('{{ forloop }}|{% assign x = "assigned" %}{% for x in xs %}{{ x }}{{ forloop.index }}{% assign a = x %}{% endfor %}|{{ x }}|{{ a }}', data)).toBe('data forloop|1122|assigned|2');
    expect(both('{% for x in xs %}{% for y in xs %}{{ x }}{{ y }}{{ forloop.index }}{% capture x %}c{% endcapture %} {% endfor %}{% endfor %}{{ x }}', data)).toBe('111 122 211 222 c');
  });

  it('ranges', () => {
    expect(both('{% for i in (1..n) %}{{ i }}{% endfor %}', { n: 4 })).toBe('1234');
  });
});

describe('liquid-fast: assign, capture, comment, raw', () => {
  it('assign and capture write a scope the data cannot shadow', () => {
    const text = '{% assign h = meeting.header %}{{ h.title }}|{% capture title %}<{{ meeting.header.title }}>{% endcapture %}{{ title | raw }}|{{ title }}';
    expect(both(text, { meeting: { header: { title: 'T*' } }, title: 'data' })).toBe('T\\*|<T\\*>|\\<T\\\\\\*\\>');
  });

  it('an assign inside a loop is seen after it', () => {
    expect(both('{% for x in xs %}{% assign last = x %}{% endfor %}{{ last }}', { xs: [1, 2] })).toBe('2');
  });

  it('comment and raw blocks', () => {
    expect(both('a{% comment %}{{ x }}{% endcomment %}b{% raw %}{{ x }}{% endraw %}', { x: 1 })).toBe('ab{{ x }}');
  });
});

describe('liquid-fast: escaping and filters', () => {
  const data = { s: '*a* <b> & "q" 1.', n: 1234.5, d: '2025-03-04', t: '14:05', none: '', list: [], url: 'https://example.org/x', bad: 'javascript:alert(1)' };

  it('Markdown output is escaped unless raw; HTML output is HTML-escaped unless raw', () => {
    const text = '{{ s }}|{{ s | raw }}|{{ s | downcase }}';
    expect(both(text, data)).toBe(`${env.markdown.renderSync(env.markdown.parse('{{ s }}'), data)}|*a* <b> & "q" 1.|${env.markdown.renderSync(env.markdown.parse('{{ s | downcase }}'), data)}`);
    expect(both(text, data, env.html)).toBe('*a* &lt;b&gt; &amp; &#34;q&#34; 1.|*a* <b> & "q" 1.|*a* &lt;b&gt; &amp; &#34;q&#34; 1.');
  });

  it.each([
    '{{ none | default: "x" }}{{ list | default: "y" }}{{ missing | default: s }}{{ n | default: 0 }}',
    '{{ s | heading }}',
    '{{ s | md: 3 }}',
    '{{ s | link: url }}|{{ s | link: bad }}|{{ s | link: missing }}',
    '{{ url | autolink }}|{{ bad | autolink }}',
    '{{ "{a} and {b}" | fill: a: s, b: n }}',
    '{{ d | format_date }}|{{ d | format_date_weekday }}|{{ t | format_time }}|{{ n | format_number }}',
    '{{ s | downcase | heading }}',
  ])('%s', (text) => {
    const md = both(text, data);
    expect(md).not.toBe('');
    both(text, data, env.html);
    both(text, data, createLiquid({ lang: 'en' }).markdown);
  });
});

describe('liquid-fast: what it does not do goes to liquidjs', () => {
  it.each([
    '{% case x %}{% when 1 %}one{% endcase %}',
    '{{ x | upcase }}',
    '{% for i in xs limit: 1 %}{{ i }}{% endfor %}',
    '{% for i in xs %}{% break %}{% endfor %}',
    '{% include "plan.md.liquid" %}',
    '{% increment n %}',
    'ok {% if x %}{% tablerow i in xs %}{{ i }}{% endtablerow %}{% endif %}',
  ])('%s', (text) => {
    expect(compileTemplates(env.markdown, env.markdown.parse(text))).toBeUndefined();
  });

  it('every built-in template runs compiled, without liquidjs rendering it', () => {
    const fresh = createLiquid({ lang: 'en' });
    const files = readdirSync(templateDir).filter((f) => f.endsWith('.liquid'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const engine = file.endsWith('.html.liquid') ? fresh.html : fresh.markdown;
      const slow = vi.spyOn(engine, 'renderFileSync');
      const data = { l: labelsFor('en'), lang: 'en', workspace: { name: 'W' }, title: 'T', body: '<p>b</p>', public: true };
      const out = renderLiquidFile(engine, file, data);
      expect(slow, file).not.toHaveBeenCalled();
      expect(out).toBe(engine.renderFileSync(file, data));
      slow.mockRestore();
    }
  });

  it('a workspace template runs on liquidjs, a built-in one does not', () => {
    const ws = mkdtempSync(join(tmpdir(), 'liquid-fast-'));
    mkdirSync(join(ws, 'templates'));
    writeFileSync(join(ws, 'templates', 'group.md.liquid'), '# {{ group.name }}\n');
    const own = createLiquid({ lang: 'sv', workspaceTemplates: join(ws, 'templates') });
    const slow = vi.spyOn(own.markdown, 'renderFileSync');
    expect(renderLiquidFile(own.markdown, 'group.md.liquid', { group: { name: 'G*' } })).toBe('# G\\*\n');
    expect(slow).toHaveBeenCalledTimes(1);
    const layout = { lang: 'sv', l: { t: {} }, title: 'T', workspace: { name: 'W' }, body: '<p>b</p>', css: '', csp: '', index_href: null, public: false, as_of_text: null };
    const fast = renderLiquidFile(own.html, 'layout.html.liquid', layout);
    expect(fast).toBe(own.html.renderFileSync('layout.html.liquid', layout));
    expect(slow).toHaveBeenCalledTimes(1);
  });

  it('a template that fails on the fast path fails with liquidjs\'s own error', () => {
    const engine = createLiquid({ lang: 'sv' }).html;
    // The memory limit counts what `escape` writes, on both paths.
    (engine.options as { memoryLimit: number }).memoryLimit = 20;
    const layout = { lang: 'sv', l: { t: {} }, title: 'a title longer than twenty characters', workspace: { name: 'W' }, body: '', css: '', csp: '', index_href: null, public: false, as_of_text: null };
    const run = compileTemplates(engine, engine.parseFileSync('layout.html.liquid'));
    expect(() => run!(layout)).toThrow(/memory alloc limit exceeded/);
    let expected = '';
    try {
      engine.renderFileSync('layout.html.liquid', layout);
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).toMatch(/memory alloc limit exceeded/);
    expect(() => renderLiquidFile(engine, 'layout.html.liquid', layout)).toThrow(expected);
  });
});
