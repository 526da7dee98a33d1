// Password hashing with scrypt (node:crypto), stored as a self-describing string so that the cost can
// be raised later without breaking old hashes: scrypt$N$r$p$salt$hash (base64url).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

const COST = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(N), r: Number(r), p: Number(p) });
  return timingSafeEqual(key, expected);
}

const COMMON = new Set(['password', '12345678', '123456789', '1234567890', 'qwertyuiop', 'iloveyou', 'admin123', 'password1', 'abc12345', '11111111', '88888888', '66666666']);

/** Why a password is too weak for production, or null when it is acceptable. */
export function passwordWeakness(password: string, username: string): string | null {
  if (password.length < 12) return 'a password needs at least 12 characters';
  if (COMMON.has(password.toLowerCase())) return 'this password is among the most common ones';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'a password must not contain the user name';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'a password needs three of: lower-case, upper-case, digits, symbols';
  return null;
}
