// Personal data minimization at the door (security, 安全性): direct identifiers that analytics never
// needs are not kept. Columns whose header names one — national ID (身份证号), phone, address, e-mail,
// bank account, passport — are dropped whole, with a count of the values they held. Inside the free-text
// columns that are kept (names, reasons, document numbers…), a valid national ID (18 digits with a
// region code, a birth date and the ISO 7064 check digit; see sql/archive/identifier-macros.sql) or a
// mainland mobile number is masked in place. Key columns are never rewritten: a masked key would merge
// records, so a school keying students by national ID must pseudonymize before transfer.
import type { TableName } from '../db/schema.ts';

export type IdentifierKind = 'national_id' | 'phone' | 'address' | 'email' | 'bank_account' | 'passport';

export const IDENTIFIER_LABELS: Record<IdentifierKind, string> = {
  national_id: '身份证号 national ID',
  phone: '电话 phone',
  address: '地址 address',
  email: '电子邮箱 e-mail',
  bank_account: '银行账号 bank account',
  passport: '护照号 passport',
};

// Chinese terms match anywhere in the header; Latin and pinyin ones as whole words (so "hotel" is no "tel").
const HEADER_PATTERNS: [IdentifierKind, RegExp][] = [
  ['national_id', /身份证|证件号|公民身份号码|(^|[^a-z])(id_?card(_?no)?|national_?id|citizen_?id|id_?number|sfzh|sfzjh|zjhm)([^a-z]|$)/],
  ['passport', /护照|(^|[^a-z])passport(_?no)?([^a-z]|$)/],
  ['phone', /电话|手机|联系方式|(^|[^a-z])(phone|mobile|tel|telephone|cellphone|lxdh|sjh|sjhm)([^a-z]|$)/],
  ['address', /地址|住址|(^|[^a-z])(address|addr|jtdz|jtzz|txdz)([^a-z]|$)/],
  ['email', /邮箱|电子邮件|(^|[^a-z])(e_?mail|dzyx)([^a-z]|$)/],
  ['bank_account', /银行卡|银行账号|(^|[^a-z])(bank_?(card|account)(_?no)?)([^a-z]|$)/],
];

export function identifierKind(header: string): IdentifierKind | null {
  const h = header.trim().toLowerCase().replace(/[\s-]+/g, '_');
  for (const [kind, pattern] of HEADER_PATTERNS) if (pattern.test(h)) return kind;
  return null;
}

/** Canonical free-text columns, whose values are scanned for identifiers and masked. */
export const FREE_TEXT_COLUMNS: Record<TableName, readonly string[]> = {
  students: ['name', 'class_name', 'province', 'admission_type'],
  grades: [],
  status_changes: ['reason', 'document_no'],
  graduations: ['degree_type'],
  awards_punishments: ['kind'],
  utilization: ['purpose', 'delivery'],
};
