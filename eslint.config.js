// Lint: the layer rule keeps imports flowing one way (ui → playback → sim, ui → lessons → sim).
// `import type` is banned across a boundary too: a type leak is how a pure core starts to depend on the UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const uiWorld = ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'framer-motion', 'framer-motion/*', 'motion', 'motion/*'];
const layer = (group, message) => ({ group, message, allowTypeImports: false });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'conformance/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Node scripts and config files.
    files: ['**/*.mjs', '**/*.js', 'scripts/**', 'conformance/**', 'bench/**', 'e2e/**', '*.config.ts'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' },
    },
    // Some scripts also declare these in a /* global */ comment; that is not a redeclaration worth failing on.
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  {
    files: ['src/sim/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          layer(uiWorld, 'src/sim is pure: no React, zustand or motion.'),
          layer(['**/ui', '**/ui/**', '**/playback', '**/playback/**', '**/lessons', '**/lessons/**', '**/cli/**'], 'src/sim must not import from other layers.'),
          layer(['node:*', 'fs', 'path', 'os', 'child_process'], 'src/sim runs in the browser: no Node built-ins.'),
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'src/sim has no DOM.' },
        { name: 'document', message: 'src/sim has no DOM.' },
        { name: 'setTimeout', message: 'src/sim time is the simulated clock.' },
        { name: 'setInterval', message: 'src/sim time is the simulated clock.' },
        { name: 'performance', message: 'src/sim reads no wall clock.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'src/sim reads no wall clock.' },
        { object: 'Math', property: 'random', message: 'src/sim randomness comes from the seeded RNG.' },
      ],
    },
  },
  {
    files: ['src/playback/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          layer(['react', 'react-dom', 'react-dom/*', 'react/*', 'framer-motion', 'framer-motion/*', 'motion', 'motion/*', 'zustand', '!zustand/', 'zustand/*', '!zustand/vanilla'], 'src/playback uses zustand/vanilla only: no React.'),
          layer(['**/ui', '**/ui/**', '**/lessons', '**/lessons/**'], 'src/playback imports only from src/sim.'),
        ],
      }],
    },
  },
  {
    files: ['src/lessons/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          layer(uiWorld, 'src/lessons is data and pure functions: no React.'),
          layer(['**/ui', '**/ui/**', '**/playback', '**/playback/**'], 'src/lessons imports only from src/sim.'),
        ],
      }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [layer(['**/cli', '**/cli/**'], 'The UI does not import the CLI.')],
      }],
    },
  },
);
