/** The names of the report formats, apart from the formatters so the CLI can list them cheaply. */
export const FORMATS = ['stylish', 'json', 'github', 'sarif', 'gitlab', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];
