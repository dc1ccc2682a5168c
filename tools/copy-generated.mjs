// tsc neither copies plain .js/.mjs sources nor their .d.mts: put them next to the
// compiled libraries in dist/ (unchanged bytes: the enclave measures its files).
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

mkdirSync('dist/libs/contracts/src/gen', { recursive: true });
cpSync('libs/contracts/src/gen/datanet.js', 'dist/libs/contracts/src/gen/datanet.js');

for (const lib of readdirSync('libs')) {
  const src = join('libs', lib, 'src');
  if (!existsSync(src)) continue;
  for (const f of readdirSync(src, { recursive: true })) {
    const name = String(f);
    if (!name.endsWith('.mjs') || name.includes('jest-global')) continue;
    cpSync(join(src, name), join('dist', src, name));
  }
}
