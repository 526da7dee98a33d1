// The columns the generator writes, in the order of sql/schema/tables.sql. The row builders render
// fields in exactly this order; test/unit/generator.test.ts checks these lists against the schema, so a
// column added there and not here fails a test rather than shifting data silently.

export const GENERATED_COLUMNS = {
  students: ['student_id', 'name', 'gender', 'birth_date', 'province', 'entry_year', 'level', 'duration_years', 'college', 'major', 'class_name', 'admission_type', 'entrance_score', 'status'],
  grades: ['student_id', 'academic_year', 'term', 'course_id', 'course_name', 'course_nature', 'credits', 'score', 'grade_text', 'grade_point', 'exam_type', 'teaching_dept'],
  status_changes: ['change_id', 'student_id', 'change_type', 'reason', 'effective_date', 'from_college', 'from_major', 'from_class', 'from_expected_graduation', 'to_college', 'to_major', 'to_class', 'to_expected_graduation', 'document_no'],
  graduations: ['student_id', 'outcome', 'outcome_date', 'degree_awarded', 'degree_type', 'diploma_no', 'degree_certificate_no'],
  awards_punishments: ['record_id', 'student_id', 'kind', 'level', 'date', 'revoked_date'],
  utilization: ['request_id', 'requested_at', 'completed_at', 'requester_type', 'purpose', 'archive_category', 'channel', 'delivery', 'items', 'pages', 'status', 'student_id'],
} as const;

export type GeneratedTable = keyof typeof GENERATED_COLUMNS;

/** Written in this order; students first, since the other tables refer to them. */
export const GENERATED_TABLES: readonly GeneratedTable[] = ['students', 'grades', 'status_changes', 'graduations', 'awards_punishments', 'utilization'];
