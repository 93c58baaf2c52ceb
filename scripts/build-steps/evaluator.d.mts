/** The bundled evaluator runtime as source text (a script defining `var __slacEvaluatorRuntime`). */
export function bundleEvaluatorRuntime(root: string): Promise<string>;
export const RUNTIME_GLOBAL: string;
/** The build step: writes dist/evaluator-runtime.mjs. */
export default function (root: string): Promise<void>;
