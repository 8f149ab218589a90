// Size budgets, min+gzip. `pnpm size` prints the figures.
//
// Each entry is measured as a user's bundler sees it: the public entry itself bundled by esbuild
// for the browser as an ES module, minified, with the peers left external, then gzipped.
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query']
const asUsersBundle = (config) => ({ ...config, platform: 'browser', format: 'esm', minify: true })
const locales = ['de', 'es', 'fr', 'ja', 'pt-BR']

module.exports = [
  {
    name: '@payg-kit/ui: every widget, with the core and hooks they use (without React and React Query)',
    path: 'packages/ui/src/index.ts',
    ignore: peers,
    modifyEsbuildConfig: asUsersBundle,
    gzip: true,
    // Includes the shared money parser, the error boundary, the whole-ledger CSV export and the
    // top-up outcome states, the notice billing widgets show without the billing extension, the
    // shared primitives (alert icons, switch, money input, card actions) and the confirmation.
    // 32 kB measured, over issue 10's 22 kB target: to be brought down, not hidden.
    limit: '32.5 kB',
  },
  {
    name: '@payg-kit/ui/locales: the loader (without the catalogs, which load on demand)',
    path: 'packages/ui/src/locales/index.ts',
    // The catalogs stay out: they are separate files the loader imports when asked.
    modifyEsbuildConfig: (config) => ({
      ...asUsersBundle(config),
      plugins: [
        {
          name: 'catalogs-external',
          setup: (build) =>
            build.onResolve({ filter: /^\.\/[\w-]+$/ }, ({ path }) => ({ path, external: true })),
        },
      ],
    }),
    gzip: true,
    limit: '0.5 kB',
  },
  ...locales.map((locale) => ({
    // About 5.5 kB (ja 6.2 kB) measured, over the 3 kB target: the German strings alone, without their
    // keys, are 3.5 kB gzipped.
    name: `@payg-kit/ui/locales/${locale}: every widget string`,
    path: `packages/ui/src/locales/${locale}.ts`,
    modifyEsbuildConfig: asUsersBundle,
    gzip: true,
    limit: locale === 'ja' ? '7 kB' : '6.5 kB',
  })),
  {
    name: '@payg-kit/core: a client that reads the balance and estimates a cost',
    path: 'packages/core/src/index.ts',
    import: '{ createPaygClient, formatMoney }',
    gzip: true,
    // Includes a runtime check of every success body, body deadlines and credential redaction.
    limit: '8.5 kB',
  },
  {
    name: '@payg-kit/react: every hook (without React and React Query)',
    path: 'packages/react/src/index.ts',
    import: '*',
    ignore: peers,
    gzip: true,
    // Includes the client's body checks, the top-up outcome lookup, the generic job hooks
    // (useCreateJob, useJob) and finding out once whether the API has the billing extension.
    limit: '16.5 kB',
  },
]
