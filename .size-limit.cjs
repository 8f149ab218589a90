// Size budgets, min+gzip, measured from source with esbuild. `pnpm size` prints the figures.
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query']

module.exports = [
  {
    name: '@payg-kit/ui: every widget, with the core and hooks they use (without React and React Query)',
    path: 'packages/ui/src/index.ts',
    import: '*',
    ignore: peers,
    gzip: true,
    // Includes the shared money parser, the error boundary, the whole-ledger CSV export, the
    // top-up outcome states, and the chart's axes, tooltip and keyboard reading (about 1.7 kB, no
    // chart library); issue-tracked work brings it back down.
    limit: '29.5 kB',
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
    // Includes the client's body checks and the top-up outcome lookup.
    limit: '15 kB',
  },
]
