// Local accounts, kept in a JSON file outside the archive (XUEJI_USERS_FILE, default data/users/users.json)
// so that the archive folder can be copied or shared without credentials. Written atomically.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../archive/files.ts';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.ts';
import { isRole, type Role } from './roles.ts';

export interface Account {
  username: string;
  display_name: string;
  role: Role;
  /** For the college role: the college whose rows this account may see. */
  college: string | null;
  password_hash: string;
  disabled: boolean;
  demo: boolean;
  created_at: string;
}

export type PublicAccount = Omit<Account, 'password_hash'>;

export class AccountError extends Error {}

export class AccountStore {
  private accounts: Account[] | undefined;

  constructor(readonly file: string) {}

  async list(): Promise<Account[]> {
    if (!this.accounts) {
      try {
        this.accounts = (JSON.parse(await readFile(this.file, 'utf8')) as { accounts: Account[] }).accounts;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        this.accounts = [];
      }
    }
    return this.accounts;
  }

  async find(username: string): Promise<Account | undefined> {
    return (await this.list()).find((a) => a.username === username);
  }

  async add(input: {
    username: string;
    password: string;
    role: string;
    college?: string | null;
    displayName?: string;
    demo?: boolean;
    requireStrong: boolean;
  }): Promise<PublicAccount> {
    if (!/^[A-Za-z0-9_.-]{2,40}$/.test(input.username)) throw new AccountError('a user name has 2–40 letters, digits, _ . or -');
    if (!isRole(input.role)) throw new AccountError(`unknown role "${input.role}"`);
    if (input.role === 'college' && !input.college) throw new AccountError('a college account needs its college');
    if (input.role !== 'college' && input.college) throw new AccountError('only college accounts have a college');
    if (input.requireStrong) {
      const weakness = passwordWeakness(input.password, input.username);
      if (weakness) throw new AccountError(weakness);
    }
    const accounts = await this.list();
    if (accounts.some((a) => a.username === input.username)) throw new AccountError(`user "${input.username}" exists already`);
    const account: Account = {
      username: input.username,
      display_name: input.displayName ?? input.username,
      role: input.role,
      college: input.college ?? null,
      password_hash: await hashPassword(input.password),
      disabled: false,
      demo: input.demo ?? false,
      created_at: new Date().toISOString(),
    };
    accounts.push(account);
    await this.save();
    return publicAccount(account);
  }

  async setDisabled(username: string, disabled: boolean): Promise<void> {
    const account = await this.find(username);
    if (!account) throw new AccountError(`no user "${username}"`);
    account.disabled = disabled;
    await this.save();
  }

  /** The account when the name and password match an enabled account; otherwise null. */
  async authenticate(username: string, password: string): Promise<Account | null> {
    const account = await this.find(username);
    // Verify against a dummy hash for unknown users too, so timing does not reveal which names exist.
    const ok = await verifyPassword(password, account?.password_hash ?? DUMMY_HASH);
    return account && ok && !account.disabled ? account : null;
  }

  private async save(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify({ accounts: this.accounts }, null, 2)}\n`);
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function publicAccount(account: Account): PublicAccount {
  const { password_hash: _hidden, ...rest } = account;
  return rest;
}
