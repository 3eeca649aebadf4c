// Layer rules (docs/adr/0004-layout-and-layers.md). `npm run layers` fails on any violation.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-is-the-floor',
      comment: 'src/platform knows no business module: they build on it, never the reverse.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(accounts|reference|engine|documents|payments|geo|services|seed|cli)/' },
    },
    {
      name: 'core-modules-know-no-service',
      comment:
        'The engine, documents, payments and geo serve every e-service; they must not know one by name.',
      severity: 'error',
      from: { path: '^src/(engine|documents|payments|geo)/' },
      to: { path: '^src/(services|cli|seed)/' },
    },
    {
      name: 'services-stay-apart',
      comment: 'An e-service does not reach into another one; shared needs go to a core module.',
      severity: 'error',
      from: { path: '^src/services/([^/]+)/' },
      to: { path: '^src/services/', pathNot: '^src/services/$1/' },
    },
    {
      name: 'only-the-cli-and-entry-use-the-cli',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'server-does-not-import-web',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'web-does-not-import-server',
      comment: 'The browser bundle must not pull server code (secrets, database drivers).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      from: { path: '^(src|web)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.cache)/|\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
