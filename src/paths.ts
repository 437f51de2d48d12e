import { fileURLToPath } from 'node:url';

/**
 * The package's root folder. Resolves the same from src/ (tests) and dist/ (the built CLI),
 * because both sit one level below the root.
 */
export const packageRoot: string = fileURLToPath(new URL('../', import.meta.url));

/** Folder of the JSON Schemas, the single source of truth for the file format. */
export const schemaDir: string = fileURLToPath(new URL('../src/schema/', import.meta.url));

/** Folder of the built-in Liquid templates and the HTML layout. */
export const templateDir: string = fileURLToPath(new URL('../templates/', import.meta.url));
