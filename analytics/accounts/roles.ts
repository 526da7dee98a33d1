// The roles of the people who use the archive, and what each may reach (issue: access control).
export const ROLES = ['leader', 'teaching_affairs', 'college', 'archivist', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  leader: '校领导',
  teaching_affairs: '教务处',
  college: '学院',
  archivist: '档案馆',
  admin: '系统管理员',
};

/** Who may read cohort aggregates (grades, status, outcomes). */
export const AGGREGATE_READERS: readonly Role[] = ['leader', 'teaching_affairs', 'college', 'admin'];
/** Who may read the archive's utilization statistics. */
export const UTILIZATION_READERS: readonly Role[] = ['leader', 'archivist', 'admin'];
/** Who may see one student's records. */
export const STUDENT_LEVEL_READERS: readonly Role[] = ['teaching_affairs', 'college', 'admin'];
/** Who receives transfer packages and reads accessions. */
export const ARCHIVE_KEEPERS: readonly Role[] = ['archivist', 'admin'];
/** Who manages users and reads the audit log. */
export const ADMINISTRATORS: readonly Role[] = ['admin'];
/** Whose aggregates are small-cell suppressed: those who see the school from above or publish. */
export const SUPPRESSED_ROLES: readonly Role[] = ['leader', 'college'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
