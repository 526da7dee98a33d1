// Demo accounts, one per role, for the README's first command. In production (demo off) they are
// disabled at start, whatever their passwords.
import type { AccountStore } from './store.ts';
import type { Role } from './roles.ts';

export const DEMO_PASSWORD = 'xueji-demo';

const DEMO_ACCOUNTS: { username: string; role: Role; displayName: string }[] = [
  { username: 'leader', role: 'leader', displayName: '校领导（演示）' },
  { username: 'teaching', role: 'teaching_affairs', displayName: '教务处（演示）' },
  { username: 'college', role: 'college', displayName: '学院（演示）' },
  { username: 'archivist', role: 'archivist', displayName: '档案馆（演示）' },
  { username: 'admin', role: 'admin', displayName: '系统管理员（演示）' },
];

/** Creates the missing demo accounts; the college account belongs to `college` (none without one). */
export async function ensureDemoAccounts(store: AccountStore, college: string | null): Promise<void> {
  for (const demo of DEMO_ACCOUNTS) {
    if (await store.find(demo.username)) continue;
    if (demo.role === 'college' && !college) continue;
    await store.add({
      username: demo.username,
      password: DEMO_PASSWORD,
      role: demo.role,
      college: demo.role === 'college' ? college : null,
      displayName: demo.displayName,
      demo: true,
      requireStrong: false,
    });
  }
}

export async function disableDemoAccounts(store: AccountStore): Promise<number> {
  let disabled = 0;
  for (const account of await store.list()) {
    if (account.demo && !account.disabled) {
      await store.setDisabled(account.username, true);
      disabled++;
    }
  }
  return disabled;
}
