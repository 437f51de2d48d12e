/** Shared by the render tests: the workspaces to render and a way to render each of their pages. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/i18n/index.js';
import { createRenderEnvironment, renderDocument, type RenderedDocument } from '../../src/render/render-document.js';
import { renderSite } from '../../src/render/render-site.js';
import type { OutputFormat } from '../../src/render/render-context.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { repoRoot } from '../helpers/workspaces.js';

/** The render fixture: a small workspace with a confidential case group and PLANTED- strings. */
export const renderFixture = join(repoRoot, 'tests/fixtures/render/ws');
/** The day the fixture's status is told for. */
export const AS_OF = '2009-06-01';

/** The fixture and every example workspace under plans/ that exists yet. */
export function workspacesToRender(): Array<{ name: string; dir: string }> {
  const plans = join(repoRoot, 'plans');
  const examples = existsSync(plans)
    ? readdirSync(plans, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(plans, d.name, 'samverkan.yaml')))
        .map((d) => ({ name: d.name, dir: join(plans, d.name) }))
    : [];
  return [{ name: 'fixture', dir: renderFixture }, ...examples];
}

export interface RenderSettingsForTest {
  format: OutputFormat;
  lang?: Lang;
  public?: boolean;
  asOf?: string;
}

/** Renders one document of a workspace. */
export async function renderOne(dir: string, kind: string, id: string, settings: RenderSettingsForTest): Promise<RenderedDocument> {
  const env = await createRenderEnvironment(await loadCheckedWorkspace({ dir, asOf: settings.asOf ?? AS_OF }), { lang: settings.lang, public: settings.public });
  return renderDocument(env, kind, id, settings.format);
}

/** Renders a workspace as a site. */
export async function renderAll(dir: string, settings: RenderSettingsForTest): Promise<RenderedDocument[]> {
  const env = await createRenderEnvironment(await loadCheckedWorkspace({ dir, asOf: settings.asOf ?? AS_OF }), { lang: settings.lang, public: settings.public });
  return (await renderSite(env, settings.format)).pages;
}
