/**
 * ref/unknown-*: every id that refers to something else must name something that exists.
 * Each message names what was looked for, suggests the closest existing id, and says where
 * to add the missing one.
 */
import { locateIn, type PathSegment } from '../workspace/locate.js';
import type { SourceDocument } from '../workspace/types.js';
import { relative } from 'node:path';
import type { Kind } from '../model/index.js';
import { toPosix } from '../workspace/files.js';
import type { IdIndex, Namespace, PlanItemType } from '../workspace/id-index.js';
import { messages, type Lang, type Message } from '../i18n/messages.js';
import { defineRules, type RuleContext } from './context.js';
import { schemaErrorLine } from './schema.js';
import { closest, didYouMean, orWord, phrase } from './words.js';

type Target = Namespace;

const say = messages('rules/refs', {
  organization: { sv: 'organisation', en: 'organisation' },
  person: { sv: 'person', en: 'person' },
  group: { sv: 'grupp', en: 'group' },
  agreement: { sv: 'överenskommelse', en: 'agreement' },
  plan: { sv: 'plan', en: 'plan' },
  meeting: { sv: 'sammanträde', en: 'meeting' },
  assessment: { sv: 'kartläggning', en: 'assessment' },
  theOrganization: { sv: 'organisationen', en: 'organisation' },
  thePerson: { sv: 'personen', en: 'person' },
  theGroup: { sv: 'gruppen', en: 'group' },
  theAgreement: { sv: 'överenskommelsen', en: 'agreement' },
  thePlan: { sv: 'planen', en: 'plan' },
  theMeeting: { sv: 'sammanträdet', en: 'meeting' },
  theAssessment: { sv: 'kartläggningen', en: 'assessment' },
  inOrganizations: { sv: 'organizations.yaml', en: 'organizations.yaml' },
  inPeople: { sv: 'people.yaml', en: 'people.yaml' },
  inGroups: { sv: 'en fil under groups/', en: 'a file under groups/' },
  inAgreements: { sv: 'en fil under agreements/', en: 'a file under agreements/' },
  inPlans: { sv: 'en fil under plans/', en: 'a file under plans/' },
  inMeetings: { sv: 'en fil under meetings/', en: 'a file under meetings/' },
  inAssessments: { sv: 'en fil under assessments/', en: 'a file under assessments/' },
  organizations: { sv: 'organisationer', en: 'organisations' },
  people: { sv: 'personer', en: 'people' },
  groups: { sv: 'grupper', en: 'groups' },
  agreements: { sv: 'överenskommelser', en: 'agreements' },
  plans: { sv: 'planer', en: 'plans' },
  meetings: { sv: 'sammanträden', en: 'meetings' },
  assessments: { sv: 'kartläggningar', en: 'assessments' },
  goalItem: { sv: 'ett mål', en: 'goal' },
  subgoalItem: { sv: 'ett delmål', en: 'sub-goal' },
  indicatorItem: { sv: 'en indikator', en: 'indicator' },
  phaseItem: { sv: 'en fas', en: 'phase' },
  actionItem: { sv: 'en åtgärd', en: 'action' },
  anyItem: { sv: 'mål, delmål, indikator, fas eller åtgärd', en: 'goal, sub-goal, indicator, phase or action' },
  causeOne: { sv: '{file} har ett fel (rad {line})', en: '{file} has an error (line {line})' },
  causeHere: { sv: 'den här filen har ett fel på rad {line}', en: 'this file has an error on line {line}' },
  causeHereMany: {
    sv: { one: 'den här filen (rad {line}) och {n} annan fil har fel', other: 'den här filen (rad {line}) och {n} andra filer har fel' },
    en: { one: 'this file (line {line}) and {n} other file have errors', other: 'this file (line {line}) and {n} other files have errors' },
  },
  causeMany: {
    sv: { one: '{file} (rad {line}) och {n} annan fil har fel', other: '{file} (rad {line}) och {n} andra filer har fel' },
    en: { one: '{file} (line {line}) and {n} other file have errors', other: '{file} (line {line}) and {n} other files have errors' },
  },
});

const WORDS: Record<Target, { rule: string; the: Parameters<typeof say>[0]; where: Parameters<typeof say>[0]; plural: Parameters<typeof say>[0] }> = {
  organization: { rule: 'ref/unknown-organization', the: 'theOrganization', where: 'inOrganizations', plural: 'organizations' },
  person: { rule: 'ref/unknown-person', the: 'thePerson', where: 'inPeople', plural: 'people' },
  group: { rule: 'ref/unknown-group', the: 'theGroup', where: 'inGroups', plural: 'groups' },
  agreement: { rule: 'ref/unknown-agreement', the: 'theAgreement', where: 'inAgreements', plural: 'agreements' },
  plan: { rule: 'ref/unknown-plan', the: 'thePlan', where: 'inPlans', plural: 'plans' },
  meeting: { rule: 'ref/unknown-document', the: 'theMeeting', where: 'inMeetings', plural: 'meetings' },
  assessment: { rule: 'ref/unknown-document', the: 'theAssessment', where: 'inAssessments', plural: 'assessments' },
};

const ITEM_WORDS: Record<PlanItemType, Parameters<typeof say>[0]> = {
  goal: 'goalItem',
  subgoal: 'subgoalItem',
  indicator: 'indicatorItem',
  phase: 'phaseItem',
  action: 'actionItem',
};

/** "person or group" / "person eller grupp". */
function nounList(targets: readonly Target[]): Message {
  const inLang = (lang: Lang) => {
    const nouns = targets.map((t) => say.in(lang, t));
    return nouns.length === 1 ? nouns[0] : `${nouns.slice(0, -1).join(', ')} ${orWord(lang)} ${nouns[nouns.length - 1]}`;
  };
  return { sv: inLang('sv'), en: inLang('en') };
}

/** Where the documents of each namespace live by convention, for files whose kind could not be read. */
const HOME: Record<Target, RegExp> = {
  organization: /^organizations\.ya?ml$/,
  person: /^people\.ya?ml$/,
  group: /^groups\//,
  agreement: /^agreements\//,
  plan: /^plans\//,
  meeting: /^meetings\//,
  assessment: /^assessments\//,
};

const KIND_OF: Record<Target, Kind> = {
  organization: 'organizations',
  person: 'people',
  group: 'group',
  agreement: 'agreement',
  plan: 'plan',
  meeting: 'meeting',
  assessment: 'assessment',
};

/** A file that should define ids of a namespace but could not be read or does not match its schema. */
interface BrokenSource {
  rel: string;
  line: number;
}

/**
 * The files of each namespace that could not be loaded or do not match their schema: an id
 * missing from the index may well be in one of them, so a reference to it cannot be judged.
 */
function brokenSources(context: RuleContext): Map<Target, BrokenSource[]> {
  const { workspace } = context;
  const result = new Map<Target, BrokenSource[]>();
  const add = (target: Target, rel: string, line: number) => {
    const list = result.get(target) ?? [];
    const same = list.find((b) => b.rel === rel);
    if (same) same.line = Math.min(same.line, line);
    else list.push({ rel, line });
    result.set(target, list);
  };
  const targetsOf = (rel: string, kind: Kind | undefined): Target[] =>
    (Object.keys(HOME) as Target[]).filter((t) => (kind ? KIND_OF[t] === kind : HOME[t].test(rel)));
  const problemLines = problemLinesOf(context);
  const loaded = new Set(workspace.files.map((f) => f.rel));
  for (const [rel, line] of problemLines) {
    if (!loaded.has(rel)) for (const t of targetsOf(rel, undefined)) add(t, rel, line);
  }
  for (const doc of workspace.documents) {
    // A broken document whose ids were all read hides no id of its namespace (a broken plan's
    // items are judged per plan, in expectPlanItem).
    if (doc.valid || !hidesIds(doc)) continue;
    const line = errorLine(doc, problemLines);
    if (line === undefined) continue;
    for (const t of targetsOf(doc.file.rel, doc.kind)) add(t, doc.file.rel, line);
  }
  return result;
}

/** The line of the first problem found in a document that failed to load or match its schema. */
function errorLine(doc: SourceDocument, problemLines: ReadonlyMap<string, number>): number | undefined {
  const line = Math.min(schemaErrorLine(doc) ?? Infinity, problemLines.get(doc.file.rel) ?? Infinity);
  return line === Infinity ? undefined : line;
}

/** The first line of a problem of each file, by path relative to the root. */
function problemLinesOf(context: RuleContext): Map<string, number> {
  const { workspace } = context;
  const lines = new Map<string, number>();
  for (const p of workspace.problems) {
    const rel = toPosix(relative(workspace.root, p.file));
    lines.set(rel, Math.min(lines.get(rel) ?? Infinity, p.span.line));
  }
  return lines;
}

/**
 * True if a document that failed its schema may define ids the index could not read: it is
 * not a map, a document without a readable id, or a list of people or organisations with an
 * entry whose id is unreadable. A broken document whose ids were all read hides nothing.
 */
function hidesIds(doc: SourceDocument): boolean {
  const data = doc.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return true;
  const record = data as Record<string, unknown>;
  if (doc.kind === 'workspace') return false;
  if (doc.kind === 'people' || doc.kind === 'organizations') {
    const list = record[doc.kind];
    if (!Array.isArray(list)) return true;
    return list.some((entry) => typeof entry !== 'object' || entry === null || typeof (entry as { id?: unknown }).id !== 'string');
  }
  return typeof record.id !== 'string';
}

/** Reference checks of one run: reports unknown ids, and counts those that cannot be judged. */
class References {
  private readonly index: IdIndex;
  private readonly broken: Map<Target, BrokenSource[]>;
  private readonly problemLines: Map<string, number>;
  /** Uncheckable references by cause: a namespace with broken files, or one broken plan's items. */
  private readonly unchecked = new Map<string, { target: Target; sources: BrokenSource[]; count: number; doc: SourceDocument; path: PathSegment[] }>();

  constructor(private readonly context: RuleContext) {
    this.index = context.workspace.index;
    this.broken = brokenSources(context);
    this.problemLines = problemLinesOf(context);
  }

  /** True (and counted) if one of `targets` has a broken file, so a missing id may be in it. */
  private cannotJudge(doc: SourceDocument, path: PathSegment[], targets: readonly Target[]): boolean {
    const target = targets.find((t) => this.broken.has(t));
    if (!target) return false;
    this.count(target, target, this.broken.get(target)!, doc, path);
    return true;
  }

  private count(key: string, target: Target, sources: BrokenSource[], doc: SourceDocument, path: PathSegment[]): void {
    const seen = this.unchecked.get(key);
    if (seen) seen.count += 1;
    else this.unchecked.set(key, { target, sources, count: 1, doc, path });
  }

  /** True (and counted) if the plan's own file is broken, so the item may be in it, unreadable. */
  private inBrokenPlan(doc: SourceDocument, path: PathSegment[], planId: string): boolean {
    const entry = this.index.plans.get(planId);
    if (!entry || entry.doc.valid) return false;
    const line = errorLine(entry.doc, this.problemLines) ?? 1;
    this.count(`plan ${planId}`, 'plan', [{ rel: entry.doc.file.rel, line }], doc, path);
    return true;
  }

  /** Reports `value` at `path` unless it names something in one of `targets`. */
  expect(doc: SourceDocument, path: PathSegment[], value: unknown, targets: readonly Target[]): void {
    if (typeof value !== 'string') return;
    const index = this.index;
    if (targets.some((t) => index.of(t).has(value))) return;
    if (this.cannotJudge(doc, path, targets)) return;
    const guess = closest(value, targets.flatMap((t) => [...index.of(t).keys()]));
    const first = WORDS[targets[0]];
    this.context.report(first.rule, doc, path, 'noSuch', {
      value,
      nouns: nounList(targets),
      guess: didYouMean(guess),
      noun: phrase(say, first.the),
      where: phrase(say, first.where),
    });
  }

  expectEach(doc: SourceDocument, path: PathSegment[], values: unknown, targets: readonly Target[]): void {
    if (!Array.isArray(values)) return;
    values.forEach((v, i) => this.expect(doc, [...path, i], v, targets));
  }

  /** A reference to a plan item, `<plan-id>/<item-id>`, optionally of one item type only. */
  expectPlanItem(doc: SourceDocument, path: PathSegment[], ref: string, only?: PlanItemType): void {
    const index = this.index;
    const [planId, itemId] = ref.split('/');
    const items = index.planItems.get(planId);
    if (!index.plans.has(planId) || !items) {
      if (this.cannotJudge(doc, path, ['plan'])) return;
      const guess = closest(planId, index.plans.keys());
      this.context.report('ref/unknown-plan', doc, path, 'unknownPlan', { ref, plan: planId, guess: didYouMean(guess) });
      return;
    }
    const item = items.get(itemId);
    const kinds = only ? [only] : undefined;
    if (item && (!kinds || kinds.includes(item.type))) return;
    // The plan's own file is broken: its items may be there, only unreadable.
    if (this.inBrokenPlan(doc, path, planId)) return;
    const candidates = [...items.values()].filter((e) => !kinds || kinds.includes(e.type)).map((e) => e.id);
    const guess = closest(itemId, candidates);
    const noun = phrase(say, only ? ITEM_WORDS[only] : 'anyItem');
    const rule = only === 'action' ? 'ref/unknown-action' : 'ref/unknown-plan-item';
    if (item) this.context.report(rule, doc, path, 'wrongType', { ref, type: phrase(say, ITEM_WORDS[item.type]), plan: planId, noun });
    else this.context.report(rule, doc, path, 'noItem', { plan: planId, noun, item: itemId, guess: didYouMean(guess && `${planId}/${guess}`) });
  }

  /** A reference to any document (agreement, plan, group, assessment, meeting) or plan item. */
  expectAnyRef(doc: SourceDocument, path: PathSegment[], refs: unknown): void {
    if (!Array.isArray(refs)) return;
    const index = this.index;
    const docKinds: Namespace[] = ['agreement', 'plan', 'group', 'assessment', 'meeting'];
    refs.forEach((ref, i) => {
      if (typeof ref !== 'string') return;
      if (ref.includes('/')) return this.expectPlanItem(doc, [...path, i], ref);
      if (docKinds.some((k) => index.of(k).has(ref))) return;
      if (this.cannotJudge(doc, [...path, i], docKinds)) return;
      const guess = closest(ref, docKinds.flatMap((k) => [...index.of(k).keys()]));
      this.context.report('ref/unknown-document', doc, [...path, i], 'noDocument', { ref, guess: didYouMean(guess) });
    });
  }

  /**
   * One ref/unchecked per namespace: a follow-on note in the broken file, under its own finding,
   * so that the reader's eye goes to what is to be fixed; it names where the first reference is.
   * A broken file that was not read at all (unreadable, binary) has no text to point into: then
   * the note stands at the first reference that could not be judged.
   */
  reportUnchecked(): void {
    const { workspace } = this.context;
    for (const { target, sources, count, doc, path } of this.unchecked.values()) {
      const [first, ...others] = sources;
      if (!first) continue;
      const broken = workspace.files.find((f) => f.rel === first.rel);
      if (broken) {
        const from = locateIn(doc, path);
        const cause =
          others.length === 0 ? phrase(say, 'causeHere', { line: first.line }) : phrase(say, 'causeHereMany', { line: first.line, n: others.length });
        // At the end of the broken line, so that the note reads after the line's own finding.
        const end = (broken.text.split('\n')[first.line - 1] ?? '').replace(/\r$/, '').length + 1;
        const span = { line: first.line, column: end, endLine: first.line, endColumn: end };
        this.context.reportAt('ref/unchecked', broken, span, 'uncheckedHere', {
          n: count,
          targets: phrase(say, WORDS[target].plural),
          cause,
          from: doc.file.rel,
          fromLine: from.line,
        });
        continue;
      }
      const cause =
        others.length === 0
          ? phrase(say, 'causeOne', { file: first.rel, line: first.line })
          : phrase(say, 'causeMany', { file: first.rel, line: first.line, n: others.length });
      this.context.report('ref/unchecked', doc, path, 'unchecked', { n: count, targets: phrase(say, WORDS[target].plural), cause });
    }
  }
}

export const refRules = defineRules({
  rules: [
    {
      id: 'ref/unknown-organization',
      severity: 'error',
      description: {
        sv: 'En hänvisning pekar inte på någon organisation i organizations.yaml.',
        en: 'A reference names no organisation in organizations.yaml.',
      },
      fullDescription: {
        sv: 'En organisation som inte finns i organizations.yaml kan inte visas med namn, och kontrollerna av parter, vem ledamöter företräder och kostnadsandelar kan inte se den. Rätta id:t (meddelandet föreslår det närmaste), eller lägg till organisationen i organizations.yaml.',
        en: 'An organisation that is not in organizations.yaml cannot be shown by name, and the checks of parties, representation and cost shares cannot see it. Correct the id (the message suggests the closest), or add the organisation to organizations.yaml.',
      },
      messages: {
        noSuch: {
          sv: 'Det finns ingen {nouns} med id "{value}" i arbetsytan.{guess} Kontrollera stavningen, eller lägg till {noun} i {where}.',
          en: '"{value}" names no {nouns} in the workspace.{guess} Check the spelling, or add the {noun} to {where}.',
        },
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: gamma}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
    {
      id: 'ref/unknown-person',
      severity: 'error',
      description: {
        sv: 'En hänvisning pekar inte på någon person i people.yaml (eller på någon grupp, där båda går bra).',
        en: 'A reference names no person in people.yaml (or no group, where either will do).',
      },
      fullDescription: {
        sv: 'En person som inte finns i people.yaml har inget namn, ingen titel och ingen organisation att visa, så ledamotsförteckningar, protokoll och uppgiftslistor blir ofullständiga. Rätta id:t, eller lägg till personen i people.yaml.',
        en: 'A person who is not in people.yaml has no name, title or organisation to show, so rosters, minutes and task lists come out incomplete. Correct the id, or add the person to people.yaml.',
      },
      messages: {
        noSuch: {
          sv: 'Det finns ingen {nouns} med id "{value}" i arbetsytan.{guess} Kontrollera stavningen, eller lägg till {noun} i {where}.',
          en: '"{value}" names no {nouns} in the workspace.{guess} Check the spelling, or add the {noun} to {where}.',
        },
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: sara, role: chair, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
    {
      id: 'ref/unknown-group',
      severity: 'error',
      description: {
        sv: 'En hänvisning pekar inte på någon grupp.',
        en: 'A reference names no group.',
      },
      fullDescription: {
        sv: 'En hänvisning till en grupp som inte finns bryter rapporteringskedjan och gruppernas sidor. Rätta id:t, eller lägg till gruppen under groups/.',
        en: 'A reference to a group that does not exist breaks the chain of reporting and the group pages. Correct the id, or add the group under groups/.',
      },
      messages: {
        noSuch: {
          sv: 'Det finns ingen {nouns} med id "{value}" i arbetsytan.{guess} Kontrollera stavningen, eller lägg till {noun} i {where}.',
          en: '"{value}" names no {nouns} in the workspace.{guess} Check the spelling, or add the {noun} to {where}.',
        },
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nreports_to: styrgruppen\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nreports_to: styrgrupp\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
    {
      id: 'ref/unknown-agreement',
      severity: 'error',
      description: {
        sv: 'En hänvisning pekar inte på någon samverkansöverenskommelse.',
        en: 'A reference names no agreement.',
      },
      fullDescription: {
        sv: 'En grupp eller plan som hänvisar till en överenskommelse som inte finns kan inte kontrolleras mot överenskommelsens parter. Rätta id:t, eller lägg till överenskommelsen under agreements/.',
        en: 'A group or plan that refers to an agreement that does not exist cannot be checked against its parties. Correct the id, or add the agreement under agreements/.',
      },
      messages: {
        noSuch: {
          sv: 'Det finns ingen {nouns} med id "{value}" i arbetsytan.{guess} Kontrollera stavningen, eller lägg till {noun} i {where}.',
          en: '"{value}" names no {nouns} in the workspace.{guess} Check the spelling, or add the {noun} to {where}.',
        },
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-2020\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
    {
      id: 'ref/unknown-plan',
      severity: 'error',
      description: {
        sv: 'En hänvisning pekar inte på någon plan.',
        en: 'A reference names no plan.',
      },
      fullDescription: {
        sv: 'En hänvisning till en plan som inte finns lämnar uppföljningen av en åtgärd eller ett utvecklingsområde utan mål. Skriv hänvisningen som <plan-id>/<item-id> med id:t för en plan som finns.',
        en: 'A reference to a plan that does not exist leaves the follow-up of an action or a development area without its target. Write the reference as <plan-id>/<item-id> with the id of an existing plan.',
      },
      messages: {
        noSuch: {
          sv: 'Det finns ingen {nouns} med id "{value}" i arbetsytan.{guess} Kontrollera stavningen, eller lägg till {noun} i {where}.',
          en: '"{value}" names no {nouns} in the workspace.{guess} Check the spelling, or add the {noun} to {where}.',
        },
        unknownPlan: {
          sv: '"{ref}" hänvisar till en plan "{plan}" som inte finns.{guess} Skriv den som <plan-id>/<item-id>.',
          en: '"{ref}" refers to a plan "{plan}" that does not exist.{guess} Write it as <plan-id>/<item-id>.',
        },
      },
      example: {
        file: 'assessments/exempel.yaml',
        bad: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\ndevelopment_areas:\n  - {id: u1, text: Rutiner för samverkan med polisen, actions: [handlingsplanen/a1]}\n',
        good: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\ndevelopment_areas:\n  - {id: u1, text: Rutiner för samverkan med polisen, actions: [handlingsplan/a1]}\n',
      },
    },
    {
      id: 'ref/unknown-goal',
      severity: 'error',
      description: {
        sv: 'En åtgärd anger ett mål eller delmål som inte finns i dess plan.',
        en: 'An action serves a goal or sub-goal that is not in its plan.',
      },
      fullDescription: {
        sv: 'En åtgärd följs upp mot de mål den bidrar till; ett mål-id som planen inte har betyder att åtgärden inte räknas för något mål. Använd id:t för ett av planens mål eller delmål.',
        en: 'An action is followed up against the goals it serves; a goal id that the plan does not have means the action counts for no goal. Use the id of one of the plan\'s goals or sub-goals.',
      },
      messages: {
        noGoal: {
          sv: 'Planen har inget mål eller delmål "{goal}".{guess} Använd id:t för ett av planens mål.',
          en: 'This plan has no goal or sub-goal "{goal}".{guess} Use the id of one of the plan\'s goals.',
        },
      },
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m9], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
      },
    },
    {
      id: 'ref/unknown-phase',
      severity: 'error',
      description: {
        sv: 'En åtgärd hör till en fas som inte finns i dess plan.',
        en: 'An action belongs to a phase that is not in its plan.',
      },
      fullDescription: {
        sv: 'En åtgärd i en fas som planen inte har hamnar utanför planens tidslinje. Använd id:t för en av planens faser, eller lägg till fasen under phases:.',
        en: 'An action in a phase the plan does not have is left out of the plan\'s timeline. Use the id of one of the plan\'s phases, or add the phase under phases:.',
      },
      messages: {
        noPhase: {
          sv: 'Planen har ingen fas "{phase}".{guess}',
          en: 'This plan has no phase "{phase}".{guess}',
        },
        noPhases: {
          sv: 'Planen har ingen fas "{phase}". Lägg till den under phases:.',
          en: 'This plan has no phase "{phase}". Add it under phases:.',
        },
      },
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-2, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
      },
    },
    {
      id: 'ref/unknown-action',
      severity: 'error',
      description: {
        sv: 'En hänvisning pekar inte på någon åtgärd i planen.',
        en: 'A reference names no action of the plan.',
      },
      fullDescription: {
        sv: 'Ett utvecklingsområde eller en uppföljning som nämner en åtgärd som planen inte har kan inte visa vad som görs åt det. Skriv <plan-id>/<action-id> med en åtgärd i den planen.',
        en: 'A development area or follow-up that names an action the plan does not have cannot show what is being done about it. Write <plan-id>/<action-id> with an action of that plan.',
      },
      messages: {
        wrongType: {
          sv: '"{ref}" är {type} i planen {plan}, men här behövs {noun}.',
          en: '"{ref}" is a {type} of plan {plan}, but an {noun} is needed here.',
        },
        noItem: {
          sv: 'Planen {plan} saknar {noun} med id "{item}".{guess}',
          en: 'Plan {plan} has no {noun} "{item}".{guess}',
        },
      },
      example: {
        file: 'assessments/exempel.yaml',
        bad: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\ndevelopment_areas:\n  - {id: u1, text: Rutiner för samverkan med polisen, actions: [handlingsplan/a9]}\n',
        good: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\ndevelopment_areas:\n  - {id: u1, text: Rutiner för samverkan med polisen, actions: [handlingsplan/a1]}\n',
      },
    },
    {
      id: 'ref/unknown-plan-item',
      severity: 'error',
      description: {
        sv: 'En hänvisning <plan-id>/<item-id> pekar inte på något i den planen.',
        en: 'A <plan-id>/<item-id> reference names nothing in that plan.',
      },
      fullDescription: {
        sv: 'En hänvisning till ett mål, en indikator, en fas eller en åtgärd som planen inte har leder ingenstans i de utskrivna protokollen och rapporterna. Rätta postens id (meddelandet föreslår det närmaste).',
        en: 'A reference to a goal, indicator, phase or action that the plan does not have leads nowhere in the rendered minutes and reports. Correct the item id (the message suggests the closest).',
      },
      messages: {
        wrongType: {
          sv: '"{ref}" är {type} i planen {plan}, men här behövs {noun}.',
          en: '"{ref}" is a {type} of plan {plan}, but an {noun} is needed here.',
        },
        noItem: {
          sv: 'Planen {plan} saknar {noun} med id "{item}".{guess}',
          en: 'Plan {plan} has no {noun} "{item}".{guess}',
        },
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, refs: [handlingsplan/x1]}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, refs: [handlingsplan/a1]}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
      },
    },
    {
      id: 'ref/unknown-document',
      severity: 'error',
      description: {
        sv: 'En hänvisning pekar inte på någon överenskommelse, plan, grupp, kartläggning eller något sammanträde.',
        en: 'A reference names no agreement, plan, group, assessment or meeting.',
      },
      fullDescription: {
        sv: 'Ett ärende eller ett stående ärende som hänvisar till ett dokument som inte finns kan inte länka till det. Rätta id:t, eller skriv <plan-id>/<action-id> för att hänvisa till en åtgärd i en plan.',
        en: 'A meeting item or standing item that refers to a document that does not exist cannot link to it. Correct the id, or write <plan-id>/<action-id> to refer to a plan\'s action.',
      },
      messages: {
        noSuch: {
          sv: 'Det finns ingen {nouns} med id "{value}" i arbetsytan.{guess} Kontrollera stavningen, eller lägg till {noun} i {where}.',
          en: '"{value}" names no {nouns} in the workspace.{guess} Check the spelling, or add the {noun} to {where}.',
        },
        noDocument: {
          sv: 'Det finns ingen överenskommelse, plan, grupp, kartläggning eller något sammanträde med id "{ref}".{guess} Skriv <plan-id>/<action-id> för att hänvisa till en åtgärd i en plan.',
          en: '"{ref}" names no agreement, plan, group, assessment or meeting.{guess} To refer to a plan\'s action, write <plan-id>/<action-id>.',
        },
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, refs: [handlingsplanen]}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, refs: [handlingsplan]}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
      },
    },
    {
      id: 'ref/unchecked',
      severity: 'info',
      description: {
        sv: 'Hänvisningar in i en fil som inte gick att läsa eller som inte stämmer med sitt schema, rapporterade en gång i stället för som ett okänt id var.',
        en: 'References into a file that could not be read or does not match its schema, reported once instead of one unknown id each.',
      },
      fullDescription: {
        sv: 'När en fil som definierar id:n är trasig kan samverkan inte avgöra om hänvisningarna in i den stämmer. Det sägs en gång, som en följdanmärkning i den trasiga filen under dess eget fel, i stället för att varje hänvisning rapporteras som okänd. Rätta den trasiga filen (dess egen anmärkning säger hur); sedan kontrolleras hänvisningarna.',
        en: 'When a file that defines ids is broken, samverkan cannot tell whether references into it are right. It says so once, as a follow-on note in the broken file under its own finding, instead of reporting every reference as unknown. Fix the broken file (its own finding says how); the references are then checked.',
      },
      messages: {
        unchecked: {
          sv: { one: '{n} hänvisning till {targets} kunde inte kontrolleras eftersom {cause}. Rätta det först.', other: '{n} hänvisningar till {targets} kunde inte kontrolleras eftersom {cause}. Rätta det först.' },
          en: { one: '{n} reference to {targets} could not be checked because {cause}. Fix that first.', other: '{n} references to {targets} could not be checked because {cause}. Fix that first.' },
        },
        uncheckedHere: {
          sv: {
            one: 'Följdanmärkning: {n} hänvisning till {targets} från andra filer kunde inte kontrolleras eftersom {cause} (den står i {from}, rad {fromLine}). Rätta felet här, så kontrolleras den.',
            other: 'Följdanmärkning: {n} hänvisningar till {targets} från andra filer kunde inte kontrolleras eftersom {cause} (den första står i {from}, rad {fromLine}). Rätta felet här, så kontrolleras de.',
          },
          en: {
            one: 'Follow-on note: {n} reference to {targets} from other files could not be checked because {cause} (it is in {from}, line {fromLine}). Fix the error here and it is checked.',
            other: 'Follow-on note: {n} references to {targets} from other files could not be checked because {cause} (the first is in {from}, line {fromLine}). Fix the error here and they are checked.',
          },
        },
      },
      example: {
        file: 'plans/handlingsplan.yaml',
        bad: 'kind: plan\nid: handlingsplan\ntitle: [Handlingsplan\n',
        good: 'kind: plan\nid: handlingsplan\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
      },
    },
    {
      id: 'ref/unknown-criterion',
      severity: 'error',
      description: {
        sv: 'Ett resultat i en kartläggning nämner ett kriterium som kartläggningen inte har.',
        en: 'An assessment result names a criterion the assessment doesn\'t have.',
      },
      fullDescription: {
        sv: 'Ett resultat utan sitt kriterium kan inte visas i kartläggningens tabell. Rätta kriteriets id, eller lägg till kriteriet under criteria:.',
        en: 'A result without its criterion cannot be shown in the assessment\'s table. Correct the criterion id, or add the criterion under criteria:.',
      },
      messages: {
        noCriterion: {
          sv: 'Kartläggningen har inget kriterium "{criterion}".{guess} Lägg till det under criteria:, eller rätta id:t.',
          en: 'This assessment has no criterion "{criterion}".{guess} Add it under criteria:, or correct the id.',
        },
      },
      example: {
        file: 'assessments/exempel.yaml',
        bad: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k9, rating: met}\n',
        good: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\n',
      },
    },
    {
      id: 'ref/unknown-subject',
      severity: 'error',
      description: {
        sv: 'Ett resultat eller utvecklingsområde i en kartläggning nämner en organisation som inte är en av de kartlagda.',
        en: 'An assessment result or development area names an organisation that isn\'t one of its subjects.',
      },
      fullDescription: {
        sv: 'En kartläggning bedömer bara de organisationer den har kartlagt (subjects:); ett resultat för en annan utelämnas ur tabellen. Lägg till organisationen under subjects:, eller rätta id:t.',
        en: 'An assessment rates only the organisations it assessed (subjects:); a result for another one is left out of the table. Add the organisation to subjects:, or correct the id.',
      },
      messages: {
        notSubject: {
          sv: '"{subject}" är inte en av kartläggningens kartlagda organisationer. Lägg till den under subjects:, eller rätta id:t.{guess}',
          en: '"{subject}" is not one of this assessment\'s subjects. Add it to subjects:, or correct the id.{guess}',
        },
      },
      example: {
        file: 'assessments/exempel.yaml',
        bad: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: polisen, criterion: k1, rating: met}\n',
        good: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\n',
      },
    },
  ],
  check(context) {
    const refs = new References(context);
    const expect = (doc: SourceDocument, path: PathSegment[], value: unknown, targets: readonly Target[]) => refs.expect(doc, path, value, targets);
    const expectEach = (doc: SourceDocument, path: PathSegment[], values: unknown, targets: readonly Target[]) => refs.expectEach(doc, path, values, targets);
    for (const { doc, data } of context.documents('people')) {
      data.people.forEach((p, i) => expect(doc, ['people', i, 'organization'], p.organization, ['organization']));
    }
    for (const { doc, data } of context.documents('organizations')) {
      data.organizations.forEach((o, i) => expect(doc, ['organizations', i, 'part_of'], o.part_of ?? undefined, ['organization']));
    }
    for (const { doc, data } of context.documents('agreement')) {
      data.parties.forEach((p, i) => {
        expect(doc, ['parties', i, 'organization'], p.organization, ['organization']);
        expect(doc, ['parties', i, 'signatory'], p.signatory, ['person']);
      });
      data.resources?.staff?.forEach((s, i) => {
        expect(doc, ['resources', 'staff', i, 'employer'], s.employer, ['organization']);
        expect(doc, ['resources', 'staff', i, 'person'], s.person, ['person']);
      });
      data.resources?.funding?.forEach((f, i) => expect(doc, ['resources', 'funding', i, 'source'], f.source, ['organization']));
      data.resources?.cost_sharing?.forEach((c, i) => expect(doc, ['resources', 'cost_sharing', i, 'organization'], c.organization, ['organization']));
      expect(doc, ['follow_up', 'reports_to'], data.follow_up?.reports_to, ['group']);
      expectEach(doc, ['groups'], data.groups, ['group']);
    }
    for (const { doc, data } of context.documents('group')) {
      expect(doc, ['agreement'], data.agreement, ['agreement']);
      expect(doc, ['reports_to'], data.reports_to ?? undefined, ['group']);
      expect(doc, ['secrecy', 'by'], data.secrecy?.by, ['person']);
      data.standing_items?.forEach((item, i) => {
        expect(doc, ['standing_items', i, 'presenter'], item.presenter, ['person']);
        refs.expectAnyRef(doc, ['standing_items', i, 'refs'], item.refs);
      });
      data.members.forEach((m, i) => {
        expect(doc, ['members', i, 'person'], m.person, ['person']);
        expect(doc, ['members', i, 'represents'], m.represents, ['organization']);
        expect(doc, ['members', i, 'substitute'], m.substitute, ['person']);
      });
    }
    for (const { doc, data } of context.documents('plan')) {
      expect(doc, ['owner'], data.owner, ['organization', 'group']);
      expect(doc, ['agreement'], data.agreement ?? undefined, ['agreement']);
      expect(doc, ['document_owner'], data.document_owner, ['person', 'group']);
      const items = context.workspace.index.planItems.get(data.id);
      const goalIds = [...(items?.values() ?? [])].filter((e) => e.type === 'goal' || e.type === 'subgoal' ).map((e) => e.id);
      const phaseIds = (data.phases ?? []).map((p) => p.id);
      data.actions?.forEach((a, i) => {
        a.goals?.forEach((g, j) => {
          if (goalIds.includes(g)) return;
          const guess = closest(g, goalIds);
          context.report('ref/unknown-goal', doc, ['actions', i, 'goals', j], 'noGoal', { goal: g, guess: didYouMean(guess) });
        });
        if (a.phase !== undefined && !phaseIds.includes(a.phase)) {
          const guess = closest(a.phase, phaseIds);
          const none = !guess && phaseIds.length === 0;
          context.report('ref/unknown-phase', doc, ['actions', i, 'phase'], none ? 'noPhases' : 'noPhase', { phase: a.phase, guess: didYouMean(guess) });
        }
        expect(doc, ['actions', i, 'responsible'], a.responsible, ['organization']);
        expect(doc, ['actions', i, 'lead'], a.lead, ['person', 'group']);
        expectEach(doc, ['actions', i, 'participants'], a.participants, ['organization']);
      });
    }
    for (const { doc, data } of context.documents('meeting')) {
      expect(doc, ['group'], data.group, ['group']);
      expect(doc, ['chair'], data.chair, ['person']);
      expect(doc, ['secretary'], data.secretary, ['person']);
      expectEach(doc, ['adjusters'], data.adjusters, ['person']);
      const items = data.items ?? [];
      items.forEach((item, i) => {
        expect(doc, ['items', i, 'presenter'], item.presenter, ['person']);
        refs.expectAnyRef(doc, ['items', i, 'refs'], item.refs);
        item.follow_up?.forEach((row, j) => expect(doc, ['items', i, 'follow_up', j, 'responsible'], row.responsible, ['person']));
      });
      const minutes = data.minutes;
      minutes?.attendance?.forEach((a, i) => {
        expect(doc, ['minutes', 'attendance', i, 'person'], a.person, ['person']);
        expect(doc, ['minutes', 'attendance', i, 'substitute_for'], a.substitute_for, ['person']);
      });
      minutes?.tasks?.forEach((t, i) => expect(doc, ['minutes', 'tasks', i, 'responsible'], t.responsible, ['person']));
      minutes?.corrections?.forEach((c, i) => expect(doc, ['minutes', 'corrections', i, 'by'], c.by, ['person']));
      expectEach(doc, ['minutes', 'adjusted', 'by'], minutes?.adjusted?.by, ['person']);
    }
    for (const { doc, data } of context.documents('assessment')) {
      expectEach(doc, ['subjects'], data.subjects, ['organization']);
      expect(doc, ['conducted_by'], data.conducted_by, ['person', 'group', 'organization']);
      const subjects = new Set(data.subjects);
      const criteria = new Set(data.criteria.map((c) => c.id));
      const notSubject = (path: PathSegment[], s: string) =>
        context.report('ref/unknown-subject', doc, path, 'notSubject', { subject: s, guess: didYouMean(closest(s, subjects)) });
      data.results?.forEach((r, i) => {
        if (!subjects.has(r.subject)) notSubject(['results', i, 'subject'], r.subject);
        if (!criteria.has(r.criterion)) {
          const guess = closest(r.criterion, criteria);
          context.report('ref/unknown-criterion', doc, ['results', i, 'criterion'], 'noCriterion', { criterion: r.criterion, guess: didYouMean(guess) });
        }
      });
      data.development_areas?.forEach((d, i) => {
        d.subjects?.forEach((s, j) => {
          if (!subjects.has(s)) notSubject(['development_areas', i, 'subjects', j], s);
        });
        d.actions?.forEach((ref, j) => refs.expectPlanItem(doc, ['development_areas', i, 'actions', j], ref, 'action'));
      });
    }
    refs.reportUnchecked();
  },
});
