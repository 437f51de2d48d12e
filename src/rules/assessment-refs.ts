/**
 * ref/unknown-assessment-cell: a plan's goal, sub-goal or action that says which mapping cells it
 * answers (from_assessment:) must name a mapping, one of its criteria and, for one cell, one of
 * the organisations it assessed. References are read by src/model/assessment-refs.ts, as the
 * rendered plan and mapping read them.
 */
import { relative } from 'node:path';
import { parseAssessmentRef } from '../model/assessment-refs.js';
import { toPosix } from '../workspace/files.js';
import type { PathSegment } from '../workspace/locate.js';
import { defineRules, type RuleContext } from './context.js';
import { closest, didYouMean } from './words.js';

const PLAN =
  'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nactions:\n  - id: a1\n    title: Skriftlig rutin för samverkan med polisen\n    goals: [m1]\n    responsible: alfa-soc\n    due: 2009-10-31\n    status: ongoing\n';

/**
 * True if some mapping could not be read or does not match its schema: a reference to a mapping
 * the index lacks may point into it, so it cannot be judged (its own finding says what is wrong).
 */
function brokenAssessments(context: RuleContext): boolean {
  const { workspace } = context;
  if (workspace.documents.some((d) => d.kind === 'assessment' && !d.valid)) return true;
  return workspace.problems.some((p) => toPosix(relative(workspace.root, p.file)).startsWith('assessments/'));
}

export const assessmentRefRules = defineRules({
  rules: [
    {
      id: 'ref/unknown-assessment-cell',
      severity: 'error',
      description: {
        sv: 'En from_assessment-hänvisning pekar inte på någon kartläggning, något kriterium eller någon kartlagd organisation.',
        en: 'A from_assessment reference names no mapping, criterion or assessed organisation.',
      },
      fullDescription: {
        sv: 'Ett mål eller en åtgärd som säger att den svarar mot en ruta i en kartläggning länkar planen till kartläggningen den kom från, och kartläggningen tillbaka till planen; en hänvisning som inte leder någonstans bryter båda länkarna. Skriv <assessment-id>/<criterion-id> för ett kriterium, eller <assessment-id>/<criterion-id>/<organisation-id> för en organisation, med id:n som kartläggningen har.',
        en: 'A goal or action that says it answers a mapping cell links the plan to the mapping it came from, and the mapping back to the plan; a reference that leads nowhere breaks both links. Write <assessment-id>/<criterion-id> for a criterion, or <assessment-id>/<criterion-id>/<organisation-id> for one organisation, with ids the mapping has.',
      },
      messages: {
        noMapping: {
          sv: '"{ref}" pekar på en kartläggning "{assessment}" som inte finns.{guess} Skriv <assessment-id>/<criterion-id>, med id:t för en fil under assessments/.',
          en: '"{ref}" names a mapping "{assessment}" that does not exist.{guess} Write <assessment-id>/<criterion-id>, with the id of a file under assessments/.',
        },
        noCriterion: {
          sv: 'Kartläggningen {assessment} har inget kriterium "{criterion}".{guess} Dess kriterier är {criteria}.',
          en: 'Mapping {assessment} has no criterion "{criterion}".{guess} Its criteria are {criteria}.',
        },
        notAssessed: {
          sv: 'Kartläggningen {assessment} bedömde inte "{subject}".{guess} Använd en av dess kartlagda organisationer ({subjects}), eller utelämna organisationen för att mena alla.',
          en: 'Mapping {assessment} did not assess "{subject}".{guess} Use one of its subjects ({subjects}), or leave the organisation out to mean them all.',
        },
      },
      example: {
        file: 'plans/exempel.yaml',
        bad: `${PLAN}    from_assessment: [kartlaggning-2008/k9]\n`,
        good: `${PLAN}    from_assessment: [kartlaggning-2008/k3/alfa]\n`,
      },
    },
  ],
  check(context) {
    const index = context.workspace.index;
    let broken: boolean | undefined;
    for (const { doc, data } of context.documents('plan')) {
      const check = (path: PathSegment[], refs: string[] | undefined) => {
        refs?.forEach((ref, i) => {
          const at = [...path, 'from_assessment', i];
          const parsed = parseAssessmentRef(ref);
          if (!parsed) return;
          const entry = index.assessments.get(parsed.assessment);
          if (!entry) {
            broken ??= brokenAssessments(context);
            if (broken) return;
            const guess = closest(parsed.assessment, index.assessments.keys());
            context.report('ref/unknown-assessment-cell', doc, at, 'noMapping', { ref, assessment: parsed.assessment, guess: didYouMean(guess) });
            return;
          }
          // A mapping that does not match its schema has its own finding; its criteria cannot be trusted.
          if (!entry.doc.valid) return;
          const assessment = entry.value;
          const criteria = assessment.criteria.map((c) => c.id);
          if (!criteria.includes(parsed.criterion)) {
            const guess = closest(parsed.criterion, criteria);
            context.report('ref/unknown-assessment-cell', doc, at, 'noCriterion', {
              assessment: assessment.id,
              criterion: parsed.criterion,
              guess: didYouMean(guess && `${assessment.id}/${guess}`),
              criteria: criteria.join(', '),
            });
            return;
          }
          if (parsed.subject !== undefined && !assessment.subjects.includes(parsed.subject)) {
            const guess = closest(parsed.subject, assessment.subjects);
            context.report('ref/unknown-assessment-cell', doc, at, 'notAssessed', {
              assessment: assessment.id,
              subject: parsed.subject,
              guess: didYouMean(guess && `${assessment.id}/${parsed.criterion}/${guess}`),
              subjects: assessment.subjects.join(', '),
            });
          }
        });
      };
      data.goals.forEach((g, i) => {
        check(['goals', i], g.from_assessment);
        g.subgoals?.forEach((s, j) => check(['goals', i, 'subgoals', j], s.from_assessment));
      });
      data.actions?.forEach((a, i) => check(['actions', i], a.from_assessment));
    }
  },
});
