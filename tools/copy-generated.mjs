// tsc does not copy plain .js sources: put the generated protobuf code next to the
// compiled contracts library in dist/.
import { cpSync, mkdirSync } from 'node:fs';
mkdirSync('dist/libs/contracts/src/gen', { recursive: true });
cpSync('libs/contracts/src/gen/datanet.js', 'dist/libs/contracts/src/gen/datanet.js');
