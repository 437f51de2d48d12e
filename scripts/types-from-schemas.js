// Shared by scripts/gen-types.js and the test that checks the generated types are current.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const schemaDir = fileURLToPath(new URL('../src/schema/', import.meta.url));

export const KINDS = ['workspace', 'organizations', 'people', 'agreement', 'group', 'plan', 'meeting', 'assessment'];

const NAMES = {
  workspace: 'WorkspaceDoc',
  organizations: 'OrganizationsDoc',
  people: 'PeopleDoc',
  agreement: 'AgreementDoc',
  group: 'GroupDoc',
  plan: 'PlanDoc',
  meeting: 'MeetingDoc',
  assessment: 'AssessmentDoc',
};

/** Returns the TypeScript source for every kind's document type. */
export async function generateTypes() {
  const parts = [
    '/* eslint-disable */',
    '// Generated from src/schema/*.schema.json by `npm run gen:types`. Do not edit by hand.',
    '',
  ];
  for (const kind of KINDS) {
    const schema = JSON.parse(readFileSync(`${schemaDir}${kind}.schema.json`, 'utf8'));
    schema.title = NAMES[kind];
    const ts = await compile(schema, NAMES[kind], {
      bannerComment: '',
      cwd: schemaDir,
      declareExternallyReferenced: true,
      additionalProperties: false,
      style: { singleQuote: true },
      $refOptions: { resolve: { http: false } },
    });
    parts.push(`export namespace ${kind[0].toUpperCase()}${kind.slice(1)} {`, ts.trim().replace(/^/gm, '  '), '}', '');
  }
  return parts.join('\n');
}
