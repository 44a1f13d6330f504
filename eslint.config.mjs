// Lint: typescript-eslint's recommended type-checked rules plus the project's import layers
// (eslint/layers.mjs). Formatting is Prettier's (npm run format:check).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import boundaries from "./eslint/boundaries.mjs";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".next-*/",
      "generated/",
      ".tmp/",
      "test-results/",
      "playwright-report/",
      "next-env.d.ts",
      "lib/eval/corpus/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { project: boundaries },
    rules: {
      "project/layers": "error",
      // node:test's test()/describe() return promises the runner awaits itself.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["test", "it", "describe", "suite"] },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Prepared markup reaches the page in one place, which takes only SafeHtml (lib/view/safe-html.ts).
    files: ["**/*.tsx"],
    ignores: ["components/diff/HtmlBlock.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Insert prepared HTML through components/diff/HtmlBlock.tsx, which takes SafeHtml only.",
        },
      ],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
