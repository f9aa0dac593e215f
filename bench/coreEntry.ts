/** The parts of the core the bench times, bundled as the server bundles them (see bundle.ts). */
export { analyse } from '../server/src/core/analyse';
export { AnalysisMemo } from '../server/src/core/memo';
export { outlineOf } from '../server/src/core/outline';
export { alignVersions, sideOf } from '../server/src/core/noteAlignment';
export { GlossaryIndex, parseJsonGlossary } from '../server/src/core/glossary';
