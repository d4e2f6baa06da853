/**
 * The import rule of the stages (ARCHITECTURE.md, "Stages"). Checked by `npm test` (`npm run imports`).
 *
 * 1. A stage imports only stages before it in the flow: `LAYERS` lists them in order, and a stage may
 *    import stages of earlier layers only (never its own layer's neighbours, never a later layer).
 * 2. A stage imports another stage only through its `index.ts`, its public surface.
 *
 * Type-only imports count: the TypeScript sources are read (swc), not the compiled JavaScript.
 */
const LAYERS = [
  ['src/model'],
  ['src/errors', 'src/concurrency'],
  ['src/config'],
  ['src/aws'],
  ['src/mapping'],
  ['state'],
  ['src/port'],
  ['src/plan'],
  ['src/apply', 'src/refresh'],
  ['src/watch', 'src/doctor'],
  ['cmd'],
];

const escape = (stage) => stage.replace(/[/]/g, '\\/');
const under = (stages) => `^(${stages.map(escape).join('|')})/`;

const upTheFlow = LAYERS.flatMap((layer, rank) =>
  layer.map((stage) => ({
    name: `${stage.replace(/^src\//, '')}-imports-up-the-flow`,
    comment: `${stage} may import only the stages before it: ${LAYERS.slice(0, rank).flat().join(', ') || 'none'}.`,
    severity: 'error',
    from: { path: `^${escape(stage)}/` },
    to: { path: under([...LAYERS.slice(rank).flat()].filter((s) => s !== stage)) },
  })),
);

module.exports = {
  forbidden: [
    ...upTheFlow,
    {
      name: 'past-the-index',
      comment: "A stage reaches another stage only through that stage's index.ts.",
      severity: 'error',
      from: { path: '^(src/[^/]+|state|cmd)/' },
      to: { path: '^(src/[^/]+|state)/', pathNot: ['^$1/', '^(src/[^/]+|state)/index\\.ts$'] },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|test)/' },
  },
};
