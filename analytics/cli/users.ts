// `npm run users -- add NAME --role ROLE [--college C] [--name DISPLAY]` (password read from standard
// input, or XUEJI_NEW_PASSWORD), `npm run users -- disable NAME`, `enable NAME`, `list`.
// Outside demo mode (XUEJI_DEMO=false) weak passwords are refused.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { readConfig } from '../config.ts';
import { AccountError, AccountStore } from '../accounts/store.ts';
import { ROLES } from '../accounts/roles.ts';

const usage = `usage:
  npm run users -- add NAME --role ROLE [--college COLLEGE] [--name "显示名"]   (roles: ${ROLES.join(', ')})
  npm run users -- disable NAME | enable NAME | list
accounts file: XUEJI_ACCOUNTS_FILE (default data/users/accounts.json)`;

async function readPassword(): Promise<string> {
  if (process.env.XUEJI_NEW_PASSWORD) return process.env.XUEJI_NEW_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write('password: ');
  const line = await rl[Symbol.asyncIterator]().next();
  rl.close();
  return String(line.value ?? '').trim();
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, college: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, username] = positionals;
  const config = readConfig();
  const store = new AccountStore(config.accountsFile);
  switch (command) {
    case 'add': {
      if (!username || !values.role) break;
      const account = await store.add({
        username,
        password: await readPassword(),
        role: values.role,
        college: values.college ?? null,
        displayName: values.name,
        requireStrong: !config.demo,
      });
      console.log(`added ${account.username} (${account.role}${account.college ? `, ${account.college}` : ''})`);
      return 0;
    }
    case 'disable':
    case 'enable':
      if (!username) break;
      await store.setDisabled(username, command === 'disable');
      console.log(`${username} ${command}d`);
      return 0;
    case 'list':
      for (const a of await store.list()) {
        console.log([a.username.padEnd(16), a.role.padEnd(18), (a.college ?? '').padEnd(16), a.disabled ? 'disabled' : 'enabled', a.demo ? 'demo' : ''].join(' '));
      }
      return 0;
  }
  console.error(usage);
  return 2;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof AccountError)) throw error;
  console.error(`refused: ${error.message}`);
  process.exitCode = 1;
}
