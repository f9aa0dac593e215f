/** The parts of the core the bench times, bundled as the server bundles them (see bundle.ts). */
export { analyse } from '../server/src/core/analyse';
export { IncrementalAnalyser } from '../server/src/core/incremental';
export { outlineOf, repairOutline } from '../server/src/core/outline';
export { alignVersions, sideOf } from '../server/src/core/noteAlignment';
export { GlossaryIndex, parseJsonGlossary } from '../server/src/core/glossary';
export { runChecks } from '../server/src/core/checks';
export { termsFromGlossary } from '../server/src/core/checks/glossaryTerms';
export { builtInGlossary } from '../server/src/core/glossary';
