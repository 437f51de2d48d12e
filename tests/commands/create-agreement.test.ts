import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { askAgreementNew } from '../../src/cli/create-plans-prompts.js';
import { checkSharesTotal, createAgreement } from '../../src/commands/create/agreement.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { runInProcess } from '../helpers/cli.js';
import { answer, waitFor } from '../helpers/prompts.js';
import { AS_OF, asCommand, cleanWorkspace, filesOf, validate } from './create-plan-helpers.js';

const FLAGS = ['--title', 'Överenskommelse om våld i nära relationer', '--party', 'alfa', '--party', 'beta', '--party', 'polisen', '--lead', 'beta', '--purpose', 'Samordnat stöd till våldsutsatta', '--start', '2009-01-01'];

describe('agreement new by flags', () => {
  it('writes agreements/<id>.yaml: parties with the lead, term, budget and shares, comments in the workspace\'s language; validate passes', async () => {
    const { dir } = await cleanWorkspace();
    const run = await runInProcess(
      [
        'agreement', 'new', ...FLAGS, '--end', '2011-12-31', '--notice-months', '6', '--renewal', 'yearly', '--mandate', 'Ta fram en gemensam handlingsplan',
        '--authority', 'Styrgruppen beslutar inom budgeten', '--budget', '500 000', '--share', 'alfa=50', '--share', 'beta=30,5', '--share', 'polisen=19.5', '--as-of', AS_OF, '--lang', 'en',
      ],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'Wrote agreements/overenskommelse-om-vald-i-nara-relationer.yaml: the agreement overenskommelse-om-vald-i-nara-relationer "Överenskommelse om våld i nära relationer" between alfa, beta, polisen, with beta as lead. ' +
        'Next: set status: active once every party has signed, and create the plan that carries it out with "samverkan plan new --agreement overenskommelse-om-vald-i-nara-relationer".\n',
    );
    const text = readFileSync(join(dir, 'agreements/overenskommelse-om-vald-i-nara-relationer.yaml'), 'utf8');
    expect(text).toMatch(/^# Samverkansöverenskommelse: parterna, syftet/);
    expect(text).toContain('status: draft # draft tills alla parter har skrivit under, sedan active');
    expect(parse(text)).toEqual({
      kind: 'agreement',
      id: 'overenskommelse-om-vald-i-nara-relationer',
      title: 'Överenskommelse om våld i nära relationer',
      status: 'draft',
      type: 'collaboration-agreement',
      parties: [{ organization: 'alfa' }, { organization: 'beta', role: 'lead' }, { organization: 'polisen' }],
      purpose: 'Samordnat stöd till våldsutsatta',
      mandate: 'Ta fram en gemensam handlingsplan',
      authority: 'Styrgruppen beslutar inom budgeten',
      resources: {
        budget: { amount: 500000, currency: 'SEK', per: 'year' },
        cost_sharing: [
          { organization: 'alfa', share: 50 },
          { organization: 'beta', share: 30.5 },
          { organization: 'polisen', share: 19.5 },
        ],
      },
      term: { start: '2009-01-01', end: '2011-12-31', notice_months: 6, renewal: 'yearly' },
    });
    expect((await validate(dir)).code).toBe(0);
  });

  it('refuses what validate would: a lead that is not a party, one party, an end before the start, shares that do not add up', async () => {
    const { dir } = await cleanWorkspace();
    const before = filesOf(dir);
    const lead = await runInProcess(['agreement', 'new', ...FLAGS, '--lead', 'alfa-soc', '--lang', 'en'], { cwd: dir });
    expect(lead.code).toBe(2);
    expect(lead.stderr).toContain('--lead "alfa-soc": alfa-soc is not a party of the agreement, so it cannot be the lead. Choose one of the parties: alfa, beta, polisen.');
    const one = await runInProcess(['agreement', 'new', '--title', 'X', '--party', 'alfa', '--lead', 'alfa', '--purpose', 'Y', '--start', '2009-01-01', '--lang', 'sv'], { cwd: dir });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('En överenskommelse har minst två parter.');
    const end = await runInProcess(['agreement', 'new', ...FLAGS, '--end', '2008-06-30', '--lang', 'en'], { cwd: dir });
    expect(end.code).toBe(2);
    expect(end.stderr).toContain('--end "2008-06-30": The end (2008-06-30) is before the start (2009-01-01).');
    const shares = await runInProcess(['agreement', 'new', ...FLAGS, '--share', 'alfa=60', '--share', 'beta=30', '--lang', 'en'], { cwd: dir });
    expect(shares.code).toBe(2);
    expect(shares.stderr).toContain('The shares add up to 90 %, not 100 %.');
    const payer = await runInProcess(['agreement', 'new', ...FLAGS, '--share', 'alfa=60', '--share', 'alfa-soc=40', '--lang', 'en'], { cwd: dir });
    expect(payer.code).toBe(2);
    expect(payer.stderr).toContain('alfa-soc pays a share but is not a party of the agreement.');
    const type = await runInProcess(['agreement', 'new', ...FLAGS, '--type', 'avtal', '--lang', 'en'], { cwd: dir });
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/--type "avtal": .*collaboration-agreement/);
    expect(filesOf(dir)).toEqual(before);
  });

  it('takes the Swedish spellings the schema lists for its values, and writes the values', async () => {
    const { dir } = await cleanWorkspace();
    const run = await runInProcess(['agreement', 'new', ...FLAGS, '--id', 'avtal-2', '--type', 'avtalssamverkan', '--status', 'gällande', '--end', '2010-12-31', '--renewal', 'årligen', '--as-of', AS_OF, '--lang', 'sv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'agreements/avtal-2.yaml'), 'utf8'))).toMatchObject({ type: 'contractual-cooperation', status: 'active', term: { renewal: 'yearly' } });
  });

  it('without a terminal, missing parties are exit 2 naming --party', async () => {
    const { dir } = await cleanWorkspace();
    const run = await runInProcess(['agreement', 'new', '--title', 'X', '--lead', 'alfa', '--purpose', 'Y', '--start', '2009-01-01', '--lang', 'sv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--party saknas, och indata kommer inte från en terminal');
  });

  it('adds shares up as the cost-sharing rule does (within its rounding) and says what the last share should be', () => {
    setLanguage('sv');
    expect(checkSharesTotal([{ organization: 'a', share: '60,5' }, { organization: 'b', share: '30' }], 'b')).toBe(
      'Andelarna blir 90,5 % tillsammans, inte 100 %. Parterna delar hela sin del av kostnaden, så andelarna ska bli 100 %. Skriv 39,5 här, så går det jämnt ut.',
    );
    setLanguage('en');
    expect(checkSharesTotal([{ organization: 'a', share: '33.333' }, { organization: 'b', share: '33.333' }, { organization: 'c', share: '33,334' }])).toBeUndefined();
    expect(checkSharesTotal([{ organization: 'a', share: '60' }, { organization: 'b', share: '30' }], 'b')).toBe(
      'The shares add up to 90 %, not 100 %. The parties share the whole of their part of the cost, so the shares must add up to 100 %. Write 40 here to make them add up.',
    );
  });
});

describe('agreement new in a terminal', () => {
  afterEach(() => setLanguage('en'));

  it('asks for parties, lead, term and each party\'s share in turn; the last share is refused until they add up', async () => {
    setLanguage('sv');
    const { dir, workspace } = await cleanWorkspace();
    const command = asCommand(askAgreementNew, (input) => createAgreement(workspace, input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, given: {} });
    await answer(session, 'Vad heter överenskommelsen?', 'Samverkan Alfa och Polisen');
    await waitFor(session, 'Vad är det för slags överenskommelse?');
    expect(session.getScreen()).toContain('❯ Samverkansavtal (collaboration-agreement)');
    session.events.keypress('down');
    session.events.keypress('enter');
    await waitFor(session, 'Vilka organisationer är parter?');
    session.events.keypress('space');
    session.events.keypress('enter');
    await waitFor(session, 'En överenskommelse har minst två parter.');
    for (let i = 0; i < 3; i++) session.events.keypress('down');
    session.events.keypress('space');
    session.events.keypress('enter');
    await waitFor(session, 'Vilken part är huvudman?');
    session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'Vad är syftet med samverkan?', 'Snabbare stöd');
    await answer(session, 'Från vilken dag gäller den?', '2009-01-01');
    await answer(session, 'Till och med vilken dag?', '');
    await answer(session, 'Uppsägningstid i månader', '6');
    await waitFor(session, 'Var står överenskommelsen nu?');
    expect(session.getScreen()).toContain('❯ Utkast (draft)');
    session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'Uppdrag', 'Samordna');
    await answer(session, 'Befogenhet', 'Beslut om rutiner');
    await answer(session, 'Budget per år i kronor', '100000');
    await answer(session, 'Delar parterna på kostnaderna', '');
    await answer(session, 'Hur stor andel betalar Alfa kommun (alfa), i procent?', '70');
    await answer(session, 'Hur stor andel betalar Polisen (polisen), i procent?', '20');
    await waitFor(session, 'Andelarna blir 90 % tillsammans, inte 100 %.');
    expect(session.getScreen()).toContain('Skriv 30 här, så går det jämnt ut.');
    for (let i = 0; i < 2; i++) session.events.keypress('backspace');
    session.events.type('30');
    session.events.keypress('enter');
    const result = await session.answer;
    expect(parse(result.text)).toMatchObject({
      type: 'memorandum',
      status: 'active',
      parties: [{ organization: 'alfa' }, { organization: 'polisen', role: 'lead' }],
      resources: { budget: { amount: 100000 }, cost_sharing: [{ organization: 'alfa', share: 70 }, { organization: 'polisen', share: 30 }] },
      term: { start: '2009-01-01', notice_months: 6 },
    });
    expect((await validate(dir)).code).toBe(0);
  });

  it('with fewer than two organisations to choose from, says to add them first rather than ask what cannot be answered', async () => {
    const { dir } = await cleanWorkspace();
    writeFileSync(join(dir, 'organizations.yaml'), 'kind: organizations\norganizations:\n  - {id: alfa, name: Alfa kommun, type: municipality}\n');
    const session = await render(askAgreementNew, { workspace: await loadWorkspace({ dir }), canAsk: true, given: { title: 'X', type: 'memorandum' } });
    await expect(session.answer).rejects.toThrow('The workspace has only 1 organisation, and an agreement has at least two parties. Add the parties first with "samverkan organization add".');
  });

  it('writes nothing when stopped with Ctrl-C while the shares are asked', async () => {
    const { dir, workspace } = await cleanWorkspace();
    const before = filesOf(dir);
    const command = asCommand(askAgreementNew, (input) => createAgreement(workspace, input, { asOf: AS_OF }));
    const session = await render(command, {
      workspace,
      canAsk: true,
      given: { title: 'X', type: 'memorandum', parties: ['alfa', 'beta'], lead: 'alfa', purpose: 'Y', start: '2009-01-01', end: '2011-12-31', noticeMonths: '6', renewal: 'none', status: 'draft', mandate: 'M', authority: 'A', budget: '1000' },
    });
    await answer(session, 'Do the parties share the costs', 'y');
    await waitFor(session, 'What share does Alfa kommun (alfa) pay');
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(session.answer).rejects.toMatchObject({ name: 'PromptCancelledError', exitCode: 1 });
    expect(filesOf(dir)).toEqual(before);
  });
});
