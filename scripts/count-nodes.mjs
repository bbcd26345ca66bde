// Shared by the code-count scripts (count-regexes.mjs, count-language-ternaries.mjs): walks the
// non-test TypeScript of some folders, counts the syntax nodes a predicate accepts (with the
// TypeScript parser, not by matching text) and prints the total, by file with --by-file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * @param {{ defaultFolders: string[], skipFolders?: string[], accept: (node: ts.Node) => boolean, summary: (total: number, folders: string[], files: number) => string }} options
 */
export function countNodes({ defaultFolders, skipFolders = [], accept, summary }) {
  const args = process.argv.slice(2);
  const byFile = args.includes('--by-file');
  const roots = args.filter((a) => !a.startsWith('--'));
  const folders = roots.length > 0 ? roots : defaultFolders;
  const skip = new Set(['node_modules', 'generated', ...skipFolders]);

  function* tsFiles(dir) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!skip.has(name)) yield* tsFiles(path);
      } else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) yield path;
    }
  }

  function count(path) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    let n = 0;
    const visit = (node) => {
      if (accept(node)) n++;
      ts.forEachChild(node, visit);
    };
    visit(source);
    return n;
  }

  let total = 0;
  const rows = [];
  for (const folder of folders) {
    for (const file of tsFiles(folder)) {
      const n = count(file);
      total += n;
      if (n > 0) rows.push([relative(process.cwd(), file), n]);
    }
  }
  if (byFile) for (const [file, n] of rows.sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)}  ${file}`);
  console.log(summary(total, folders, rows.length));
}
