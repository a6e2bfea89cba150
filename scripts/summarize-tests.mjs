// Sums vitest JSON reports; the last line is "N passed, N failed". Exit 1 on any failure.
import { existsSync, readFileSync } from "node:fs";

const files = process.argv.slice(2, -1);
const failedSteps = Number(process.argv.at(-1) ?? 0);
let passed = 0;
let failed = failedSteps;
let skipped = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.log(`${file}: kein Ergebnis (Lauf abgebrochen)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A file that failed to load counts as a failure even when no test in it ran.
  failed += report.testResults.filter((r) => r.status === "failed" && r.assertionResults.length === 0).length;
  console.log(`${file}: ${report.numPassedTests} bestanden, ${report.numFailedTests} fehlgeschlagen`);
}
if (failedSteps) console.log(`${failedSteps} Prüfschritt(e) (Typecheck/Build) fehlgeschlagen`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
