// A local ESLint rule: imports follow the project's layers (eslint/layers.mjs).
import path from "node:path";
import { FRAMEWORK_IMPORTS, layerOf, violation } from "./layers.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** The project-relative path an import specifier points at, or null for a package. */
function target(fromFile, spec) {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith("."))
    return path
      .relative(root, path.resolve(path.dirname(fromFile), spec))
      .split(path.sep)
      .join("/");
  return null;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "imports follow the engine's stage order and the app's layers" },
    schema: [],
    messages: { layer: "{{why}} (import of '{{spec}}'; see eslint/layers.mjs)" },
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    const from = layerOf(file);
    // Tests are consumers of the stage they test and may build inputs with later stages.
    const isTest = /\.test\.tsx?$/.test(file);
    function check(node, spec) {
      if (typeof spec !== "string") return;
      const to = target(context.filename, spec);
      let why = null;
      if (to === null) {
        if (from.kind === "engine" && FRAMEWORK_IMPORTS.some((re) => re.test(spec))) {
          why = `engine stage "${from.name}" imports a framework or the database`;
        }
      } else {
        if (from.kind === "engine" && FRAMEWORK_IMPORTS.some((re) => re.test(to))) {
          why = `engine stage "${from.name}" imports the database client`;
        } else {
          why = isTest ? null : violation(from, layerOf(to));
        }
      }
      if (why) context.report({ node, messageId: "layer", data: { why, spec } });
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node.source, node.source.value),
      TSImportType: (node) => {
        const arg = node.argument;
        const lit = arg?.type === "TSLiteralType" ? arg.literal : arg;
        if (lit?.type === "Literal") check(lit, lit.value);
      },
    };
  },
};

export default { rules: { layers: rule } };
