// Every phrase the tool says has both languages, with the same placeholders in each, and the
// languages differ: a phrase copied untranslated into the other language is caught here.
import { describe, expect, it } from 'vitest';
import { catalogueEntries, placeholders, resolveLanguage, say } from '../../src/i18n/messages.js';

// Importing every module registers every table.
const modules = import.meta.glob('../../src/**/*.ts');

describe('the message catalogue', () => {
  it('has both languages, the same placeholders and different words for every key', async () => {
    for (const load of Object.values(modules)) await load();
    const entries = catalogueEntries();
    expect(entries.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const { scope, key, message } of entries) {
      const id = `${scope}:${key}`;
      expect(seen.has(id), `${id} is defined twice`).toBe(false);
      seen.add(id);
      for (const lang of ['sv', 'en'] as const) {
        const text = message[lang];
        const texts = typeof text === 'string' ? [text] : [text.one, text.other];
        for (const t of texts) expect(t.trim(), `${id} has no ${lang} text`).not.toBe('');
      }
      expect(placeholders(message.sv), `${id}: placeholders differ`).toEqual(placeholders(message.en));
      // Short phrases may be the same in both (a name, "OK", a symbol); sentences are not.
      if (JSON.stringify(message.sv).length > 24) expect(message.sv, `${id} is not translated`).not.toEqual(message.en);
    }
  });

  it('says a count in the singular or the plural', () => {
    const m = { sv: { one: '{n} fil', other: '{n} filer' }, en: { one: '{n} file', other: '{n} files' } };
    expect(say(m, { n: 1 }, 'sv')).toBe('1 fil');
    expect(say(m, { n: 3 }, 'en')).toBe('3 files');
  });
});

describe('the language', () => {
  it('follows --lang, then the workspace, then the locale, then Swedish', () => {
    expect(resolveLanguage({ flag: 'en', workspace: 'sv', env: { LANG: 'sv_SE.UTF-8' } })).toBe('en');
    expect(resolveLanguage({ workspace: 'en', env: { LANG: 'sv_SE.UTF-8' } })).toBe('en');
    expect(resolveLanguage({ env: { LANG: 'en_GB.UTF-8' } })).toBe('en');
    expect(resolveLanguage({ env: { LC_ALL: 'sv_SE.UTF-8', LANG: 'en_US.UTF-8' } })).toBe('sv');
    expect(resolveLanguage({ env: { LC_MESSAGES: 'de_DE.UTF-8', LANG: 'en_US.UTF-8' } })).toBe('sv');
    expect(resolveLanguage({ env: { LANG: 'C' } })).toBe('sv');
    expect(resolveLanguage({})).toBe('sv');
  });
});
