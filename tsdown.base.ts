import type { UserConfig } from 'tsdown'

/**
 * How every published package is built: ESM with declarations, one output file per source
 * module (so `'use client'` stays on the files that need it and bundlers tree-shake freely),
 * dependencies left external. Tests never need a build: inside the repo packages resolve to
 * their sources.
 */
export function packageConfig(
  entry: Record<string, string>,
  overrides: UserConfig = {},
): UserConfig {
  return {
    entry,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    dts: { sourcemap: false },
    sourcemap: false,
    unbundle: true,
    clean: true,
    fixedExtension: false,
    outDir: 'dist',
    tsconfig: 'tsconfig.build.json',
    ...overrides,
  }
}
