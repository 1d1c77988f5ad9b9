// Lint rules for frontend/ (run by .ci/check-frontend): JavaScript's and typescript-eslint's
// recommended sets; the format is Prettier's business, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['frontend/generated/**', 'frontend/index.ts'] },
  {
    files: ['frontend/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // an unused name is a leftover; a leading underscore says "unused on purpose"
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
