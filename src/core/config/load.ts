// The configuration engine, loaded on first use. Importing '../core/config' statically would put the whole engine (and,
// through src/core/rules, libphonenumber-js) on the extension's activation path; the faces that need it at run time
// (diagnostics, quick fixes, config commands) call this instead, and import only ./kinds, ./lineMap and types
// statically. esbuild turns the import() into a lazy initialiser in the CJS bundle: it runs once, then is cached.
export type ConfigEngine = typeof import('./index');

let engine: Promise<ConfigEngine> | undefined;

export function loadConfigEngine(): Promise<ConfigEngine> {
  engine ??= import('./index');
  return engine;
}
