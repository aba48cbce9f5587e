// Reads a JSON list of [original, minified] file pairs and compiles both, as `node --check` does: a script the
// way CommonJS wraps it, an ES module (an original that only compiles as one) as a module.
// Prints a JSON object: how many pairs were checked, and the failures with their messages.
import fs from 'node:fs';
import vm from 'node:vm';

const wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];
function compileScript(code, filename) { vm.compileFunction(code, wrapperParams, { filename }); }
function compileModule(code, filename) { new vm.SourceTextModule(code, { identifier: filename }); }

const pairs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const result = { checked: 0, scripts: 0, modules: 0, skipped: [], failures: [] };
for (const [original, minified] of pairs) {
  const source = fs.readFileSync(original, 'utf8');
  let compile = compileScript;
  try { compileScript(source, original); result.scripts++; } catch {
    try { compileModule(source, original); compile = compileModule; result.modules++; } catch (error) {
      result.skipped.push(`${original}: the original does not compile either (${error.message})`);
      continue;
    }
  }
  try { compile(fs.readFileSync(minified, 'utf8'), minified); result.checked++; } catch (error) {
    result.failures.push(`${original}: ${error.message}`);
  }
}
console.log(JSON.stringify(result));
