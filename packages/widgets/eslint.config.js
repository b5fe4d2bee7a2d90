// The repository's rules, plus Node's globals for the build scripts and benchmarks (plain ESM JS).
import root from "../../eslint.config.js";

const node = { process: "readonly", console: "readonly", URL: "readonly" };

export default [...root, { files: ["scripts/**/*.js", "bench/**/*.js"], languageOptions: { globals: node } }];
