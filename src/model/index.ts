/**
 * The document types. They are generated from the JSON Schemas (src/model/types.generated.ts);
 * this file only gives the generated types short names.
 */
import type {
  Agreement,
  Assessment,
  Group,
  Meeting,
  Organizations,
  People,
  Plan,
  Workspace,
} from './types.generated.js';

export type WorkspaceDoc = Workspace.WorkspaceDoc;
export type OrganizationsDoc = Organizations.OrganizationsDoc;
export type PeopleDoc = People.PeopleDoc;
export type AgreementDoc = Agreement.AgreementDoc;
export type GroupDoc = Group.GroupDoc;
export type PlanDoc = Plan.PlanDoc;
export type MeetingDoc = Meeting.MeetingDoc;
export type AssessmentDoc = Assessment.AssessmentDoc;

export type Organization = OrganizationsDoc['organizations'][number];
export type Person = PeopleDoc['people'][number];
export type Party = AgreementDoc['parties'][number];
export type Member = GroupDoc['members'][number];
export type AgendaItem = Group.AgendaItem;
export type Goal = PlanDoc['goals'][number];
export type Subgoal = NonNullable<Goal['subgoals']>[number];
export type Indicator = Plan.Indicator;
export type Phase = NonNullable<PlanDoc['phases']>[number];
export type Action = NonNullable<PlanDoc['actions']>[number];
export type ActionStatus = Action['status'];
export type Minutes = NonNullable<MeetingDoc['minutes']>;
export type Attendance = NonNullable<Minutes['attendance']>[number];
export type MeetingTask = NonNullable<Minutes['tasks']>[number];
export type Criterion = AssessmentDoc['criteria'][number];
export type AssessmentResult = NonNullable<AssessmentDoc['results']>[number];
export type Rating = AssessmentResult['rating'];

/** Every document kind, in the order documents are listed and rendered. */
export const KINDS = ['workspace', 'organizations', 'people', 'agreement', 'group', 'plan', 'meeting', 'assessment'] as const;
export type Kind = (typeof KINDS)[number];

/** Kinds that carry a top-level id and can be rendered on their own. */
export const DOCUMENT_KINDS = ['agreement', 'group', 'plan', 'meeting', 'assessment'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Maps a kind to the type of its document. */
export interface DocOfKind {
  workspace: WorkspaceDoc;
  organizations: OrganizationsDoc;
  people: PeopleDoc;
  agreement: AgreementDoc;
  group: GroupDoc;
  plan: PlanDoc;
  meeting: MeetingDoc;
  assessment: AssessmentDoc;
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}
