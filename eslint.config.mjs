import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs', 'path', 'child_process', 'os', 'http', 'https', 'net', 'worker_threads', 'crypto', 'url', 'util', 'stream',
].flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'example/**', 'media/**/*.js', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is plain TypeScript: no editor, no direct I/O (hosts are injected).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core must not import vscode: put editor code in src/vscode.' }],
          patterns: [{ group: nodeBuiltins, message: 'src/core must not use Node built-ins directly: take a host interface.' }],
        },
      ],
    },
  },
  {
    // The adapters also run in a browser's web worker (package.json `browser`): Node only through
    // the desktop host (src/vscode/host/node.ts) and the desktop-only modules it loads.
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/host/node.ts', 'src/vscode/mathRenderer.ts', 'src/vscode/mathWorker.ts', 'src/vscode/commands/exportPdf.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeBuiltins, message: 'src/vscode runs on the web too: ask the host (src/vscode/host) instead of Node.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'media/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
