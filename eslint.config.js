// @ts-check
import tseslint from 'typescript-eslint';

/**
 * Layering (enforced, not documented-and-hoped):
 *  - common/: runtime-neutral — no electron, no node: modules, no main/renderer/preload/server.
 *  - renderer/: imports only common/ (and browser packages).
 *  - only main/app, main/ipc and preload may import 'electron' (type-only imports elsewhere are also refused).
 *  - server/ never imports main/, renderer/ or preload/.
 */
const electron = { name: 'electron', message: 'Only main/app, main/ipc and preload may import electron.' };
const outside = (dirs) =>
  dirs.map((dir) => ({ group: [`**/${dir}/**`, `**/${dir}`], message: `This layer may not import ${dir}/.` }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.tsbuild/**', 'node_modules/**', 'test-output/**', 'coverage/**'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'bin/*.cjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            { group: ['node:*'], message: 'common/ is runtime-neutral: no node: modules.' },
            ...outside(['main', 'renderer', 'preload', 'server']),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            ...outside(['main', 'preload', 'server']),
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**', 'main/ipc/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: outside(['renderer', 'preload', 'server']) }],
    },
  },
  {
    files: ['main/app/**/*.ts', 'main/ipc/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: outside(['renderer', 'preload', 'server']) }] },
  },
  {
    files: ['preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: outside(['main', 'renderer', 'server']) }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: outside(['main', 'renderer', 'preload']) }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      // Tests may reach every layer but must never load Electron at runtime (type-only is fine).
      'no-restricted-imports': [
        'error',
        { paths: [{ ...electron, allowTypeImports: true, message: 'Tests never load electron; use the typed fake.' }] },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', '*.config.ts'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-restricted-syntax': 'off' },
  },
);
