// Size budgets, min+gzip. `pnpm size` prints the figures.
//
// Each entry is measured as a user's bundler sees it: the public entry itself bundled by esbuild
// for the browser as an ES module, minified, with the peers left external, then gzipped.
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query']
const asUsersBundle = (config) => ({ ...config, platform: 'browser', format: 'esm', minify: true })
// Per locale: [the largest widget's strings with the shared ones, every widget's strings].
// Every widget's strings grew by TopUpForm's five for 3-D Secure (60-90 B each).
const locales = {
  de: ['2.3 kB', '6.2 kB'],
  es: ['2.3 kB', '6.05 kB'],
  fr: ['2.4 kB', '6.25 kB'],
  ja: ['2.75 kB', '6.9 kB'],
  'pt-BR': ['2.35 kB', '6.05 kB'],
}

module.exports = [
  {
    name: '@payg-kit/ui: every widget, with the core and hooks they use (without React and React Query)',
    path: 'packages/ui/src/index.ts',
    ignore: peers,
    // What the widgets load on demand stays out (a chunk of its own in a user's bundle), measured
    // on its own below.
    modifyEsbuildConfig: (config) => ({
      ...asUsersBundle(config),
      plugins: [
        {
          name: 'on-demand-external',
          setup: (build) =>
            build.onResolve({ filter: /^\.\/(ledgerCsv|SpendTable)$/ }, ({ path }) => ({
              path,
              external: true,
            })),
        },
      ],
    }),
    gzip: true,
    // 35.01 kB measured: 34.96 kB plus the calculator's check of a service that is not a string
    // (no longer converted to one, which threw for a hostile object). 34.96 kB was 34.67 kB plus the widgets' prop checks (a prop passed wrong reaches the
    // app's error boundary with a message naming it: 0.29 kB); 34.67 kB was 34.57 kB plus TopUpForm reading the server's top-up policy (the
    // bounds from the spec's generated table, shared with the mock and the server), a locale
    // Intl cannot read falling back to the runtime's, and the redirect and credential-header
    // rules of the core entry; 34.57 kB was 34.42 kB plus PausedBanner's `topUpFormProps` for the form it shows
    // (the app's 3-D Secure step and card flow), TopUpForm keeping the keyboard's place through
    // its confirmation and the app's dialog, and TransactionHistory's window settling (its
    // height taken once per layout, the window moved by 4 rows or more): 0.15 kB; 34.42 kB was 33.83 kB plus TopUpForm's 3-D Secure step
    // (its state, the app's
    // `onAuthenticatePayment` flow and the resend under the same key, and five English strings:
    // 0.58 kB); 33.83 kB was 32.83 kB, plus SpendChart's date labels spaced by their measured width
    // (0.36 kB), TransactionHistory as a keyboard grid, and the pipeline's shared clock and reused
    // signals (see the core entry); before those, 31.6 kB plus the calculator's validation reading the bounds table
    // generated from the spec (shared with the mock and the server), auto top-up's prefill from
    // recent spend, charts and history in credits for legacy plans, TransactionHistory's
    // windowed rows and SpendChart's week and month buckets (their table and the CSV export load
    // on demand), the window fitted to a scrolling panel or a tall screen, and the pipeline's two
    // additions (see the core entry). Over issue 10's 22 kB. By module share (at 32.35 kB): the nine widgets' own code
    // 20.6 kB (CostCalculator 4.5, AutoTopUpSettings 3.9, SpendChart 3.2, MigrationPanel 2.7,
    // TransactionHistory 2.5, TopUpForm 2.5, the rest 1.3), 3.6 kB of it their English strings;
    // the shared ui code (money parser and its messages, error boundary, billing notice,
    // primitives, formatting) 3.8 kB; @payg-kit/react 5.3 kB; @payg-kit/core 1.9 kB. About 0.8 kB
    // of the figure are the peers' import statements, one per module, which a bundler that
    // bundles the peers resolves away. `pnpm bench:bundles` prints where the bytes go.
    limit: '35.05 kB',
  },
  {
    // One widget from the public entry ships that widget alone: each is wrapped in a module of
    // its own, marked pure (every widget shipped with any one of them before, 31.4 kB).
    name: '@payg-kit/ui: BalanceBadge alone, with the core and hooks it uses (without React and React Query)',
    path: 'packages/ui/src/index.ts',
    import: '{ BalanceBadge }',
    ignore: peers,
    modifyEsbuildConfig: asUsersBundle,
    gzip: true,
    // 5.3 kB measured: 5.11 kB plus the core entry's redirect and credential-header rules and
    // the prop check (`lowThreshold`) with the boundary that lets a prop mistake through.
    limit: '5.3 kB',
  },
  {
    name: '@payg-kit/ui: the CSV export TransactionHistory loads on its first export',
    path: 'packages/ui/src/TransactionHistory/ledgerCsv.ts',
    modifyEsbuildConfig: asUsersBundle,
    gzip: true,
    // The writer, and the export's paging and download, which run only when a user exports.
    limit: '0.7 kB',
  },
  {
    name: '@payg-kit/ui: the table SpendChart loads the first time it is opened',
    path: 'packages/ui/src/SpendChart/SpendTable.tsx',
    ignore: peers,
    modifyEsbuildConfig: asUsersBundle,
    gzip: true,
    limit: '0.8 kB',
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
            build.onResolve({ filter: /^\.\/[\w-]+\/\w+$/ }, ({ path }) => ({
              path,
              external: true,
            })),
        },
      ],
    }),
    gzip: true,
    // 720 B measured.
    limit: '0.75 kB',
  },
  ...Object.entries(locales).flatMap(([locale, [widgetLimit, allLimit]]) => [
    {
      // What `loadPaygMessages(locale, [widget])` fetches for the widget with the most strings:
      // its own file and the strings every widget shares, two files gzipped one by one.
      name: `@payg-kit/ui/locales/${locale}: the cost calculator's strings with the shared ones`,
      path: [
        `packages/ui/src/locales/${locale}/shared.ts`,
        `packages/ui/src/locales/${locale}/costCalculator.ts`,
      ],
      modifyEsbuildConfig: asUsersBundle,
      gzip: true,
      limit: widgetLimit,
    },
    {
      // Every widget's strings, as `@payg-kit/ui/locales/${locale}` and `loadPaygMessages(locale)`
      // without widgets load them; over issue 10's 3 kB, which holds for each widget's strings.
      name: `@payg-kit/ui/locales/${locale}: every widget string`,
      path: `packages/ui/src/locales/${locale}.ts`,
      modifyEsbuildConfig: asUsersBundle,
      gzip: true,
      limit: allLimit,
    },
  ]),
  {
    name: '@payg-kit/core: a client that reads the balance and estimates a cost',
    path: 'packages/core/src/index.ts',
    // The two operations the app calls over a transport, as `pnpm bench:core`'s app imports
    // them: the rest of the domain API stays out. `createPaygClient` ships every method.
    import: '{ createPaygTransport, getBalance, estimateCost, formatMoney }',
    gzip: true,
    // Includes the runtime check of both success bodies, typed errors, exact money, timeouts,
    // retries, body deadlines and credential redaction. 6.86 kB measured: 6.65 kB plus redirects never
    // followed (with their own message, and `Response.error()` read as a network failure), the
    // credential-header rule by words (0.19 kB, most of it the rule's vendor names) and the
    // estimate's unit looked up as an own key; 6.65 kB was 6.63 kB plus timeouts on
    // `performance.now()`, which a step of the wall clock does not move; 6.63 kB was 6.54 kB plus the
    // 3-D Secure secret read from a declined top-up (`PaymentDeclinedError.clientSecret`, its
    // shape checked); 6.54 kB was 6.13 kB plus one clock for
    // every attempt in flight, signals reused between attempts and the body read by the pipeline
    // (0.4 kB, for calls at 0.90x raw fetch or better with the timeout on; 6.13 kB was 5.97 kB plus the key
    // kept out of the transport object and the body of a fetch that ignores the signal closed
    // when an attempt stops), over issue 12's 4.0 kB:
    // the shared pipeline (option checks and the browser guard, the retry pipeline, every typed
    // error and the response-to-error mapping, redaction) is most of it; the two operations and
    // their body checks are about 0.5 kB.
    limit: '6.9 kB',
  },
  {
    name: '@payg-kit/react: every hook (without React and React Query)',
    path: 'packages/react/src/index.ts',
    import: '*',
    ignore: peers,
    gzip: true,
    // Includes the client's body checks, the top-up outcome lookup, the generic job hooks
    // (useCreateJob, useJob) and finding out once whether the API has the billing extension, and
    // the calculator's validation from @payg-kit/core/rules with its bounds table generated from
    // the spec (about 0.5 kB: the rules are written once, not copied into the hooks).
    // 17.47 kB measured: 17.46 kB plus a service that is not a string never converted to one.
    // 17.46 kB was 17.41 kB plus the calculator refusing a parameter its service does not
    // take (UNKNOWN_FIELD). 17.41 kB was 17.22 kB plus redirects never followed and the credential-header rule
    // by words (see the core entry); 17.22 kB was 17.2 kB plus timeouts on `performance.now()`;
    // 17.2 kB was 17.09 kB plus the 3-D Secure secret (see the core entry) and the top-up
    // intent kept while the cardholder authenticates; 17.09 kB was 16.67 kB with the same
    // additions to the pipeline as the core entry.
    limit: '17.5 kB',
  },
]
