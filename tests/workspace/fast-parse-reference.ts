/**
 * The fast parse's first check as it was before mayReadFast (src/workspace/fast-parse.ts): a scan
 * of the characters and four regular expressions. mayReadFast must refuse every text this refuses;
 * tests/workspace/fast-parse.test.ts holds it to that.
 */
const MAX_LINE = 1000;

const DOUBTFUL: readonly RegExp[] = [
  /[!&*\\~]|<<|__proto__|^(?:---|\.\.\.|%)|(?:^|[\s[{,-])\?(?:\s|$)/m,
  /^[ ]*(?:-[ ]+)*:|[[{,\]}][ ]*:|(?:null|Null|NULL)[ ]*:(?:\s|$)/m,
  /["'\]}]#/,
  /[-+](?:\.\d|0(?!\d))|0[bB]|\d[eE][-+]?\d{3}|\d{300}/,
];

function plainCharacters(text: string): boolean {
  let depth = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (depth !== 0 || i - lineStart > MAX_LINE) return false;
      lineStart = i + 1;
    } else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
    else if (c < 32 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
  }
  return depth === 0 && text.length - lineStart <= MAX_LINE;
}

/** True if the earlier check let the text through to js-yaml. */
export function mayReadFastBefore(text: string): boolean {
  return plainCharacters(text) && !DOUBTFUL.some((pattern) => pattern.test(text));
}
