// Every property test runs with one fixed seed, so that a run of the suite is repeatable: a failure prints
// the seed and the path of the counterexample (fast-check's report), and FC_SEED=N npm test tries another.
import fc from 'fast-check';

const seed = Number(process.env['FC_SEED'] ?? 20261130);
fc.configureGlobal({ seed });
