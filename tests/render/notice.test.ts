/**
 * The notice's (kallelse) conventions, each checked on rendered output of a meeting written into a
 * copy of the render fixture: sent date and diary number in the header, the kind of each item,
 * förslag till beslut under a decision item, bilagor with links, the follow-ups under the item
 * that follows them up (as recorded, withheld in public output when they come from a
 * confidential meeting), and no line break inside "kl. 13.00", "§ 5" or a date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace } from '../helpers/workspaces.js';
import { renderFixture, renderOne } from './helpers.js';

const NB = '\u00a0';
const NOTICE = `kind: meeting
id: styrgrupp-2009-09-24
group: styrgrupp
date: 2009-09-24
start: "13:00"
end: "15:00"
secretary: samordnare
sent: 2009-09-10
diary_number: KS 2009/123
items:
  - {title: Mötets öppnande, role: opening, duration_minutes: 5}
  - title: Uppföljning av uppgifter och handlingsplanen
    role: follow-up
    duration_minutes: 20
    follow_up:
      - {ref: styrgrupp-2009-04-30/t2, title: Boka lokal för utbildningen, responsible: ers-beta, due: 2009-08-31, status: open, overdue_since: 2009-08-31}
      - {ref: handlingsplan/a2, title: Utbilda kvinnofridsinstruktörer, responsible: socchef-beta, due: 2009-12-31, status: ongoing}
      - {ref: arendegrupp-2009-05-20/t1, title: PLANTED-ARENDE-UPPGIFT, responsible: handlaggare-alfa, due: 2009-06-15, status: open, overdue_since: 2009-06-15}
  - title: Budget 2010
    type: decision
    presenter: socchef-alfa
    duration_minutes: 30
    proposal: Styrgruppen antar budgeten för 2010 enligt samordnarens förslag.
    attachments:
      - {title: Budgetförslag 2010, file: bilagor/budget-2010.pdf}
      - {title: Länsstyrelsens riktlinjer, href: "https://www.lansstyrelsen.se/riktlinjer"}
  - {title: Information från polisen, type: information, presenter: polis, duration_minutes: 15}
  - {title: Mötets avslutande, role: closing}
`;

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = copyWorkspace(renderFixture));
  writeFileSync(join(dir, 'meetings/styrgrupp/2009-09-24.yaml'), NOTICE);
  // The attached file is there, so the workspace has no error (meeting/attachment-missing).
  mkdirSync(join(dir, 'meetings/styrgrupp/bilagor'), { recursive: true });
  writeFileSync(join(dir, 'meetings/styrgrupp/bilagor/budget-2010.pdf'), '%PDF-1.4\n');
});
afterAll(() => cleanup());

const render = async (format: 'md' | 'html', options: { lang?: 'sv' | 'en'; public?: boolean } = {}) =>
  (await renderOne(dir, 'meeting', 'styrgrupp-2009-09-24', { format, ...options })).content;

describe('the notice', () => {
  it('says in its header when it was sent and its diary number', async () => {
    const md = await render('md');
    expect(md).toContain(`- Utskickad: 10${NB}september${NB}2009\n- Diarienummer: KS 2009/123\n`);
    expect(await render('md', { lang: 'en' })).toContain(`- Sent: 10${NB}September${NB}2009\n- Diary number: KS 2009/123\n`);
  });

  it('has a column for the kind of each item', async () => {
    const md = await render('md');
    expect(md).toMatch(/\| Nr\s+\| Tid\s+\| Punkt\s+\| Slag\s+\| Föredragande\s+\|/);
    expect(md).toMatch(/\| 3\s+\| kl\.\u00a013\.25\s+\| Budget 2010\s+\| Beslut\s+\| Anna Andersson\s+\|/);
    expect(md).toMatch(/\| 4\s+\| kl\.\u00a013\.55\s+\| Information från polisen\s+\| Information\s+\| Eva Ek\s+\|/);
    expect(await render('md', { lang: 'en' })).toMatch(/\| No\.?\s+\| Time\s+\| Item\s+\| Kind\s+\| Presenter\s+\|/);
  });

  it('puts förslag till beslut and the bilagor, with links, under the decision item', async () => {
    const md = await render('md');
    const item = md.slice(md.indexOf('### 3. Budget 2010'), md.indexOf('### 4.'));
    expect(item).toContain('**Förslag till beslut:** Styrgruppen antar budgeten för 2010 enligt samordnarens förslag.\n');
    expect(item).toContain('Bilagor:\n\n- [Budgetförslag 2010](meetings/styrgrupp/bilagor/budget-2010.pdf)\n- [Länsstyrelsens riktlinjer](https://www.lansstyrelsen.se/riktlinjer)\n');
    const html = await render('html');
    expect(html).toContain('<a href="meetings/styrgrupp/bilagor/budget-2010.pdf">Budgetförslag 2010</a>');
    expect(html).toContain('<p><strong>Förslag till beslut:</strong> Styrgruppen antar budgeten');
  });

  it('lists the follow-ups under the item that follows them up, as they were recorded', async () => {
    const md = await render('md');
    const item = md.slice(md.indexOf('### 2. Uppföljning'), md.indexOf('### 3.'));
    expect(item).toContain('Följs upp under punkten:');
    expect(item).toMatch(new RegExp(`\\| Boka lokal för utbildningen\\s+\\| David Dahl\\s+\\| 31${NB}augusti${NB}2009\\s+\\| ▲ Öppen, försenad sedan 2009-08-31\\s+\\|`));
    expect(item).toMatch(new RegExp(`\\| Utbilda kvinnofridsinstruktörer\\s+\\| Cecilia Carlsson\\s+\\| 31${NB}december${NB}2009\\s+\\| Pågår\\s+\\|`));
    // Nothing is appended at the end of the notice any more.
    expect(md.slice(md.indexOf('### 5.'))).not.toContain('Boka lokal');
  });

  it('withholds a follow-up from a confidential group\'s minutes in public output', async () => {
    expect(await render('md')).toContain('PLANTED-ARENDE-UPPGIFT');
    const pub = await render('md', { public: true });
    expect(pub).toContain('Boka lokal för utbildningen');
    expect(pub).not.toContain('PLANTED');
  });

  it('never breaks a line inside "kl. 13.00" or a date, in Markdown and in HTML', async () => {
    for (const out of [await render('md'), await render('html')]) {
      expect(out).toContain(`torsdag 24${NB}september${NB}2009 kl.${NB}13.00–15.00`);
      expect(out).not.toMatch(/kl\. \d/);
      expect(out).not.toMatch(/\d (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}/);
    }
  });
});
