// Size budgets, min+gzip, measured from source with esbuild. `pnpm size` prints the figures.
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query']

module.exports = [
  {
    name: '@payg-kit/ui: every widget, with the core and hooks they use (without React and React Query)',
    path: 'packages/ui/src/index.ts',
    import: '*',
    ignore: peers,
    gzip: true,
    // Includes the shared money parser, the error boundary, the whole-ledger CSV export and the
    // top-up outcome states, the notice billing widgets show without the billing extension, the
    // shared primitives (alert icons, switch, money input, card actions) and the confirmation.
    limit: '31 kB',
  },
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
