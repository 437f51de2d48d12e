/**
 * A rättelse of adjusted minutes as the protokoll shows it: under the § it names, else after the
 * last §, in both languages; public output leaves out a correction of a confidential item.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyForTest } from '../helpers/workspaces.js';
import { renderFixture, renderOne } from '../render/helpers.js';

const NB = '\u00a0';
const MEETING = `kind: meeting
id: styrgrupp-2009-08-20
group: styrgrupp
date: 2009-08-20
adjusters: [polis]
items:
  - {title: Budget 2010, id: budget, type: decision}
  - {title: Ärende som rör en enskild, type: discussion, confidential: true}
  - {title: Mötets avslutande, role: closing}
minutes:
  status: adjusted
  adjusted: {date: 2009-08-27, by: [polis]}
  decisions:
    - {item: budget, text: att anta budgeten för 2010.}
  corrections:
    - {date: 2009-09-03, by: samordnare, item: budget, text: Beslutet avser budgeten med ändringen att utbildningen flyttas.}
    - {date: 2009-09-04, item: 2, text: HEMLIG-RÄTTELSE}
    - {date: 2009-09-05, text: Närvarolistan saknade en ledamot.}
`;

async function minutes(options: { lang?: 'sv' | 'en'; public?: boolean } = {}): Promise<string> {
  const dir = copyForTest(renderFixture);
  writeFileSync(join(dir, 'meetings/styrgrupp/2009-08-20.yaml'), MEETING);
  return (await renderOne(dir, 'meeting', 'styrgrupp-2009-08-20', { format: 'md', ...options })).content;
}

const section = (out: string, heading: string) => out.slice(out.indexOf(heading), out.indexOf('\n## ', out.indexOf(heading) + 1));

describe('corrections in the minutes', () => {
  it('shows each rättelse under the § it names, and one that names none after the last §', async () => {
    const out = await minutes();
    expect(section(out, `## §${NB}1 Budget 2010`)).toBe(
      `## §${NB}1 Budget 2010\n\n**Beslut:** Styrgruppen beslutar att anta budgeten för 2010.\n\n**Rättelse 2009-09-03 (Sara Samordnare):** Beslutet avser budgeten med ändringen att utbildningen flyttas.\n`,
    );
    expect(section(out, `## §${NB}2`)).toContain('**Rättelse 2009-09-04:** HEMLIG-RÄTTELSE\n');
    expect(section(out, `## §${NB}3 Mötets avslutande`)).toMatch(/\*\*Rättelse 2009-09-05:\*\* Närvarolistan saknade en ledamot\.\n$/);
  });

  it('writes it in English with the date in words', async () => {
    const out = await minutes({ lang: 'en' });
    expect(out).toContain(`**Correction 3${NB}September${NB}2009 (Sara Samordnare):** Beslutet avser budgeten`);
    expect(out).toContain(`**Correction 5${NB}September${NB}2009:** Närvarolistan saknade en ledamot.`);
  });

  it('leaves out of public output a correction of a confidential item, and one that names no item in a meeting that has one', async () => {
    const out = await minutes({ public: true });
    expect(out).toContain('**Rättelse 2009-09-03 (Sara Samordnare):**');
    expect(out).not.toContain('HEMLIG');
    expect(out).not.toContain('Närvarolistan');
  });
});
