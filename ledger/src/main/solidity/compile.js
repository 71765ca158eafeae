// Compiles XiangLianAnchor.sol with solc-js (the version pinned in package.json) and writes the ABI
// and the creation bytecode where the Java wrapper loads them from the class path.
// Usage: node compile.js <source dir> <output dir>
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const [sourceDir, outDir] = process.argv.slice(2);
if (!sourceDir || !outDir) {
  console.error('usage: node compile.js <source dir> <output dir>');
  process.exit(2);
}
const name = 'XiangLianAnchor';
const input = {
  language: 'Solidity',
  sources: { [`${name}.sol`]: { content: fs.readFileSync(path.join(sourceDir, `${name}.sol`), 'utf8') } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'london',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);
const contract = output.contracts[`${name}.sol`][name];
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, `${name}.abi.json`), JSON.stringify(contract.abi, null, 2) + '\n');
fs.writeFileSync(path.join(outDir, `${name}.bin`), contract.evm.bytecode.object + '\n');
console.log(`compiled ${name} with solc ${solc.version()} into ${outDir}`);
