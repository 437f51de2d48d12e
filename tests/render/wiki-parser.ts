/**
 * For the link tests: Markdown read as a wiki reads it (GitHub, GitLab: raw HTML allowed, bare
 * addresses linked, every link kept whatever its address) and a check, independent of the code
 * under test, of what a browser would do with each address.
 */
import MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/** A markdown-it that reads Markdown as a wiki does and keeps every link it finds. */
export function wikiParser(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.validateLink = () => true;
  // GitHub links bare http(s), www. and e-mail addresses; not ftp: or //host.
  md.linkify.add('ftp:', null).add('//', null);
  return md;
}

/** The schemes a link may have in any output. */
export const ALLOWED_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'];

/**
 * The scheme a browser gives `href` on a page of a wiki (whose own pages are https): a relative
 * address takes the page's. Parsed the WHATWG way, which drops tabs and line breaks anywhere and
 * other controls and spaces at either end, as browsers do.
 */
export function browserScheme(href: string): string {
  try {
    return new URL(href, 'https://wiki.example/group/page').protocol;
  } catch {
    // Not an address a browser can follow at all.
    return 'https:';
  }
}

/** Every token, children included, in document order. */
export function allTokens(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...allTokens(t.children ?? [])]);
}

/** What a wiki would make of `markdown`: every address linked (links and images) and any raw HTML. */
export function wikiView(markdown: string, md = wikiParser()): { hrefs: string[]; html: string[] } {
  const tokens = allTokens(md.parse(markdown, {}));
  return {
    hrefs: tokens.flatMap((t) => (t.type === 'link_open' ? [t.attrGet('href') ?? ''] : t.type === 'image' ? [t.attrGet('src') ?? ''] : [])),
    html: tokens.filter((t) => t.type === 'html_inline' || t.type === 'html_block').map((t) => t.content),
  };
}
